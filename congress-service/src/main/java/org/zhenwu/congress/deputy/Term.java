package org.zhenwu.congress.deputy;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A term (届) of a town congress, e.g. the 17th, five years long. Deputies are elected for one term. */
@Entity
@Table(name = "congress_term")
class Term {
    @Id
    private UUID id;
    private String townCode;
    private int number;
    private LocalDate startsOn;
    private LocalDate endsOn;
    @Version
    private long version;

    protected Term() {
        // for JPA
    }

    static Term open(UUID id, String townCode, int number, LocalDate startsOn, LocalDate endsOn) {
        if (number < 1 || number > 99) {
            throw new org.zhenwu.platform.web.InvalidFieldException("number", "a term is numbered 1 to 99");
        }
        if (endsOn != null && !endsOn.isAfter(startsOn)) {
            throw new org.zhenwu.platform.web.InvalidFieldException("endsOn", "must be after startsOn");
        }
        Term t = new Term();
        t.id = id;
        t.townCode = townCode;
        t.number = number;
        t.startsOn = startsOn;
        t.endsOn = endsOn;
        return t;
    }

    /** 第十七届. */
    String name() {
        return "第" + ChineseNumerals.of(number) + "届";
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    int number() { return number; }
    LocalDate startsOn() { return startsOn; }
    LocalDate endsOn() { return endsOn; }
}
