package org.zhenwu.congress.deputy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A deputy (人大代表) of a town congress for one term (届): elected in a constituency (选区), seated in a delegation
 * (代表团). A deputy re-elected for the next term is a new record of that term.
 */
@Entity
@Table(name = "deputy")
class Deputy {
    @Id
    private UUID id;
    private String townCode;
    private UUID termId;
    private String name;
    private String constituency;
    private String delegation;
    private String occupation;
    private boolean presidiumMember;
    private boolean active;
    private Instant createdAt;
    @Version
    private long version;

    protected Deputy() {
        // for JPA
    }

    static Deputy register(UUID id, String townCode, UUID termId, String name, String constituency, String delegation,
                           String occupation, boolean presidiumMember, Instant now) {
        Deputy d = new Deputy();
        d.id = id;
        d.townCode = townCode;
        d.termId = termId;
        d.name = name;
        d.constituency = constituency;
        d.delegation = delegation;
        d.occupation = occupation;
        d.presidiumMember = presidiumMember;
        d.active = true;
        d.createdAt = now;
        return d;
    }

    /** 终止代表资格 (resigned, moved away, recalled): kept for the record, no longer counted or seated. */
    boolean end() {
        if (!active) {
            return false;
        }
        active = false;
        presidiumMember = false;
        return true;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    UUID termId() { return termId; }
    String name() { return name; }
    String constituency() { return constituency; }
    String delegation() { return delegation; }
    String occupation() { return occupation; }
    boolean presidiumMember() { return presidiumMember; }
    boolean active() { return active; }
}
