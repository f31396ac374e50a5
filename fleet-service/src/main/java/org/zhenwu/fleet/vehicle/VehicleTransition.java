package org.zhenwu.fleet.vehicle;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a vehicle's audit trail: who moved it from what to what, when, and why. Append-only. */
@Entity
@Table(name = "vehicle_transition")
class VehicleTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private VehicleStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private VehicleStatus toStatus;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected VehicleTransition() {
        // for JPA
    }

    VehicleTransition(VehicleStatus from, VehicleStatus to, String actor, String note, Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    VehicleStatus fromStatus() { return fromStatus; }
    VehicleStatus toStatus() { return toStatus; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
