package org.zhenwu.document.classified;

import java.time.Instant;
import java.util.UUID;

import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.platform.web.IllegalTransitionException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * 涉密文件销毁: requested by the office for an archived (or voided) classified document, approved by a leader who is
 * not the requester, carried out (method, witness) and kept as a line of the destruction register.
 */
@Entity
@Table(name = "destruction_request")
class DestructionRequest {
    @Id
    private UUID id;
    private UUID documentId;
    @Enumerated(EnumType.STRING)
    private DocumentRef.Direction direction;
    private String townCode;
    @Enumerated(EnumType.STRING)
    private SecrecyLevel secrecyLevel;
    private String title;
    private String documentNumber;
    private String copyNumber;
    private String reason;
    private String requestedBy;
    private Instant requestedAt;
    @Enumerated(EnumType.STRING)
    private DestructionStatus status;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    private String destroyedBy;
    private Instant destroyedAt;
    private String method;
    private String witness;
    @Version
    private long version;

    protected DestructionRequest() {
        // for JPA
    }

    static DestructionRequest open(UUID id, DocumentRef document, String reason, String by, Instant now) {
        if (!document.level().classified()) {
            throw new ClassifiedRuleViolation("not-classified", "The destruction register is for classified documents");
        }
        if (!document.archivedOrVoided()) {
            throw new ClassifiedRuleViolation("not-archived", "Only an archived or voided document is destroyed; it is "
                    + document.status());
        }
        DestructionRequest r = new DestructionRequest();
        r.id = id;
        r.documentId = document.id();
        r.direction = document.direction();
        r.townCode = document.town();
        r.secrecyLevel = document.level();
        r.title = document.title();
        r.documentNumber = document.number();
        r.copyNumber = document.copyNumber();
        r.reason = reason;
        r.requestedBy = by;
        r.requestedAt = now;
        r.status = DestructionStatus.PENDING;
        return r;
    }

    void decide(boolean approve, String note, String by, Instant now) {
        if (by.equals(requestedBy)) {
            throw new ClassifiedRuleViolation("own-request", "Nobody approves their own destruction request");
        }
        moveTo(approve ? DestructionStatus.APPROVED : DestructionStatus.REFUSED);
        decidedBy = by;
        decidedAt = now;
        decisionNote = note;
    }

    /** Carried out: how, and who witnessed it (two people are present at a destruction). */
    void carriedOut(String how, String witnessName, String by, Instant now) {
        if (witnessName.equals(by)) {
            throw new ClassifiedRuleViolation("witness-is-destroyer", "The witness is someone other than who destroys it");
        }
        moveTo(DestructionStatus.DESTROYED);
        method = how;
        witness = witnessName;
        destroyedBy = by;
        destroyedAt = now;
    }

    private void moveTo(DestructionStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Destruction request", id, status, next);
        }
        status = next;
    }

    UUID id() { return id; }
    UUID documentId() { return documentId; }
    DocumentRef.Direction direction() { return direction; }
    String townCode() { return townCode; }
    SecrecyLevel secrecyLevel() { return secrecyLevel; }
    String title() { return title; }
    String documentNumber() { return documentNumber; }
    String copyNumber() { return copyNumber; }
    String reason() { return reason; }
    String requestedBy() { return requestedBy; }
    Instant requestedAt() { return requestedAt; }
    DestructionStatus status() { return status; }
    String decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
    String decisionNote() { return decisionNote; }
    String destroyedBy() { return destroyedBy; }
    Instant destroyedAt() { return destroyedAt; }
    String method() { return method; }
    String witness() { return witness; }
}
