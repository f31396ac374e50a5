package org.zhenwu.fleet.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A town's designated provider (定点供应商), chosen by tender, under a contract for a period. */
@Entity
@Table(name = "provider")
class Provider {
    @Id
    private UUID id;
    private String townCode;
    @Enumerated(EnumType.STRING)
    private ProviderKind kind;
    private String name;
    private String contractNumber;
    private LocalDate contractFrom;
    private LocalDate contractTo;
    @Enumerated(EnumType.STRING)
    private ProviderStatus status;
    private LocalDate terminatedOn;
    private String terminationReason;
    private Instant registeredAt;
    private String registeredBy;
    @Version
    private long version;

    protected Provider() {
        // for JPA
    }

    static Provider register(UUID id, String townCode, ProviderKind kind, String name, String contractNumber,
                             LocalDate from, LocalDate to, String actor, Instant now) {
        if (to.isBefore(from)) {
            throw new InvalidFieldException("contractTo", "must not be before contractFrom");
        }
        Provider p = new Provider();
        p.id = id;
        p.townCode = townCode;
        p.kind = kind;
        p.name = name;
        p.contractNumber = contractNumber;
        p.contractFrom = from;
        p.contractTo = to;
        p.status = ProviderStatus.ACTIVE;
        p.registeredAt = now;
        p.registeredBy = actor;
        return p;
    }

    /** The contract ends early; from {@code on} the provider is no longer designated. */
    void terminate(LocalDate on, String reason) {
        if (!status.canMoveTo(ProviderStatus.TERMINATED)) {
            throw new IllegalTransitionException("Provider", id, status, ProviderStatus.TERMINATED);
        }
        status = ProviderStatus.TERMINATED;
        terminatedOn = on;
        terminationReason = reason;
    }

    /** Designated on that day: within the contract period and before any termination. */
    boolean designatedOn(LocalDate day) {
        return !day.isBefore(contractFrom) && !day.isAfter(contractTo) && (terminatedOn == null || day.isBefore(terminatedOn));
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    ProviderKind kind() { return kind; }
    String name() { return name; }
    String contractNumber() { return contractNumber; }
    LocalDate contractFrom() { return contractFrom; }
    LocalDate contractTo() { return contractTo; }
    ProviderStatus status() { return status; }
    LocalDate terminatedOn() { return terminatedOn; }
    String terminationReason() { return terminationReason; }
}
