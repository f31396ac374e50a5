package org.zhenwu.document.preparedness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A drill held (应急演练): under which plan (when there is one), of what type, when and where, the scenario played,
 * how many took part and how it was judged (演练评估). A record of something done: it has no further states.
 */
@Entity
@Table(name = "emergency_drill")
class EmergencyDrill {
    @Id
    private UUID id;
    private String townCode;
    private String sourceId;
    private UUID planId;
    @Enumerated(EnumType.STRING)
    private PlanType drillType;
    private LocalDate heldOn;
    private String place;
    private String scenario;
    private int participants;
    private String evaluation;
    private String createdBy;
    private Instant createdAt;

    protected EmergencyDrill() {
        // for JPA
    }

    /** What was held. */
    record Held(UUID planId, PlanType type, LocalDate heldOn, String place, String scenario, int participants,
                String evaluation) {
    }

    static EmergencyDrill record(UUID id, String townCode, String sourceId, Held h, String by, Instant now,
                                 LocalDate today) {
        if (h.heldOn().isAfter(today)) {
            throw new InvalidFieldException("heldOn", "is in the future: record a drill once it is held");
        }
        if (h.participants() < 1) {
            throw new InvalidFieldException("participants", "must be at least 1");
        }
        EmergencyDrill d = new EmergencyDrill();
        d.id = id;
        d.townCode = townCode;
        d.sourceId = sourceId;
        d.planId = h.planId();
        d.drillType = h.type();
        d.heldOn = h.heldOn();
        d.place = h.place();
        d.scenario = h.scenario();
        d.participants = h.participants();
        d.evaluation = h.evaluation();
        d.createdBy = by;
        d.createdAt = now;
        return d;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String sourceId() { return sourceId; }
    UUID planId() { return planId; }
    PlanType drillType() { return drillType; }
    LocalDate heldOn() { return heldOn; }
    String place() { return place; }
    String scenario() { return scenario; }
    int participants() { return participants; }
    String evaluation() { return evaluation; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
}
