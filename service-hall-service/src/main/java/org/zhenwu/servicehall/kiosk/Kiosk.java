package org.zhenwu.servicehall.kiosk;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A 市民之窗 self-service kiosk at a village or site of a town: a channel tickets and applications come through. */
@Entity
@Table(name = "kiosk")
class Kiosk {
    @Id
    private UUID id;
    private String townCode;
    private String code;
    private String name;
    private String site;
    private boolean active;
    private Instant createdAt;
    private String createdBy;
    @Version
    private long version;

    protected Kiosk() {
        // for JPA
    }

    static Kiosk register(UUID id, String townCode, String code, String name, String site, String actor, Instant now) {
        Kiosk k = new Kiosk();
        k.id = id;
        k.townCode = townCode;
        k.code = code;
        k.name = name;
        k.site = site;
        k.active = true;
        k.createdAt = now;
        k.createdBy = actor;
        return k;
    }

    /** Taken out of service; returns false when it already was, so a repeated request is harmless. */
    boolean retire() {
        if (!active) {
            return false;
        }
        active = false;
        return true;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String code() { return code; }
    String name() { return name; }
    String site() { return site; }
    boolean active() { return active; }
    Instant createdAt() { return createdAt; }
}
