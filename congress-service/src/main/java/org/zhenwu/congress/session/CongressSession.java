package org.zhenwu.congress.session;

import java.time.LocalDate;
import java.util.UUID;

import org.zhenwu.congress.deputy.ChineseNumerals;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A session (会议) of a town congress within a term, named as officials name it: 第十七届人民代表大会第七次会议,
 * short 第十七届人大第七次会议 (the name suggestions are registered under). Attendance is kept beside it.
 */
@Entity
@Table(name = "congress_session")
class CongressSession {
    @Id
    private UUID id;
    private String townCode;
    private UUID termId;
    private int termNumber;
    private int number;
    private String name;
    private String shortName;
    private LocalDate opensOn;
    private LocalDate closesOn;
    @Version
    private long version;

    protected CongressSession() {
        // for JPA
    }

    static CongressSession convene(UUID id, String townCode, UUID termId, int termNumber, int number, LocalDate opensOn,
                                   LocalDate closesOn) {
        if (number < 1 || number > 99) {
            throw new InvalidFieldException("number", "a session is numbered 1 to 99 within its term");
        }
        if (closesOn != null && closesOn.isBefore(opensOn)) {
            throw new InvalidFieldException("closesOn", "must not be before opensOn");
        }
        CongressSession s = new CongressSession();
        s.id = id;
        s.townCode = townCode;
        s.termId = termId;
        s.termNumber = termNumber;
        s.number = number;
        s.name = "第" + ChineseNumerals.of(termNumber) + "届人民代表大会第" + ChineseNumerals.of(number) + "次会议";
        s.shortName = "第" + ChineseNumerals.of(termNumber) + "届人大第" + ChineseNumerals.of(number) + "次会议";
        s.opensOn = opensOn;
        s.closesOn = closesOn;
        return s;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    UUID termId() { return termId; }
    int termNumber() { return termNumber; }
    int number() { return number; }
    String name() { return name; }
    String shortName() { return shortName; }
    LocalDate opensOn() { return opensOn; }
    LocalDate closesOn() { return closesOn; }
}
