package org.zhenwu.congress.member;

import java.time.Instant;
import java.util.UUID;

import org.zhenwu.congress.deputy.ChineseNumerals;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member (委员) of the district CPPCC (区政协) for one of its terms (届), in the register of the town's CPPCC
 * liaison (政协联络组): seated in a sector (界别, e.g. 经济界, 中共, 无党派人士), possibly of a party (民革, 民盟 …) and a
 * standing-committee member (常委). Re-seated for the next term, a member is a new record of that term.
 */
@Entity
@Table(name = "cppcc_member")
class CppccMember {
    @Id
    private UUID id;
    private String townCode;
    private int termNumber;
    private String name;
    private String sector;
    private String party;
    private String occupation;
    private boolean standingCommittee;
    private boolean active;
    private Instant createdAt;
    @Version
    private long version;

    protected CppccMember() {
        // for JPA
    }

    static CppccMember seat(UUID id, String townCode, int termNumber, String name, String sector, String party,
                            String occupation, boolean standingCommittee, Instant now) {
        if (termNumber < 1 || termNumber > 99) {
            throw new InvalidFieldException("termNumber", "a term is numbered 1 to 99");
        }
        CppccMember m = new CppccMember();
        m.id = id;
        m.townCode = townCode;
        m.termNumber = termNumber;
        m.name = name;
        m.sector = sector;
        m.party = party;
        m.occupation = occupation;
        m.standingCommittee = standingCommittee;
        m.active = true;
        m.createdAt = now;
        return m;
    }

    /** Membership ended (resigned, moved away, removed): kept for the record, no longer listed as serving. */
    boolean end() {
        if (!active) {
            return false;
        }
        active = false;
        standingCommittee = false;
        return true;
    }

    /** 第十四届. */
    String termName() {
        return "第" + ChineseNumerals.of(termNumber) + "届";
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    int termNumber() { return termNumber; }
    String name() { return name; }
    String sector() { return sector; }
    String party() { return party; }
    String occupation() { return occupation; }
    boolean standingCommittee() { return standingCommittee; }
    boolean active() { return active; }
}
