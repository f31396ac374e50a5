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
 * 复制 of a 秘密 or 机密 document needs a leader's approval; each approved copy may be taken out once.
 * 绝密 documents are never copied: such a request is refused before it exists.
 */
@Entity
@Table(name = "copy_request")
class CopyRequest {
    @Id
    private UUID id;
    private UUID documentId;
    @Enumerated(EnumType.STRING)
    private DocumentRef.Direction direction;
    private String townCode;
    @Enumerated(EnumType.STRING)
    private SecrecyLevel secrecyLevel;
    private String title;
    private int copies;
    private int copiesLeft;
    private String reason;
    private String requestedBy;
    private Instant requestedAt;
    @Enumerated(EnumType.STRING)
    private CopyRequestStatus status;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    @Version
    private long version;

    protected CopyRequest() {
        // for JPA
    }

    static CopyRequest open(UUID id, DocumentRef document, int copies, String reason, String by, Instant now) {
        if (document.level() == SecrecyLevel.TOP_SECRET) {
            throw new ClassifiedRuleViolation("top-secret-no-copy", "绝密 documents are never copied or exported");
        }
        if (!document.level().classified()) {
            throw new ClassifiedRuleViolation("not-classified", "An unclassified document is copied without approval");
        }
        CopyRequest r = new CopyRequest();
        r.id = id;
        r.documentId = document.id();
        r.direction = document.direction();
        r.townCode = document.town();
        r.secrecyLevel = document.level();
        r.title = document.title();
        r.copies = copies;
        r.copiesLeft = copies;
        r.reason = reason;
        r.requestedBy = by;
        r.requestedAt = now;
        r.status = CopyRequestStatus.PENDING;
        return r;
    }

    /** A leader decides; nobody approves their own request. */
    void decide(boolean approve, String note, String by, Instant now) {
        if (by.equals(requestedBy)) {
            throw new ClassifiedRuleViolation("own-request", "Nobody approves their own copy request");
        }
        moveTo(approve ? CopyRequestStatus.APPROVED : CopyRequestStatus.REFUSED);
        decidedBy = by;
        decidedAt = now;
        decisionNote = note;
    }

    /** Takes one approved copy out; the requester only. */
    int takeOne(String by) {
        if (!by.equals(requestedBy)) {
            throw new ClassifiedRuleViolation("not-the-requester", "An approved copy is taken out by whoever asked for it");
        }
        if (status != CopyRequestStatus.APPROVED) {
            throw new IllegalTransitionException("Copy request", id, status.name(), null,
                    "Copy request " + id + " is " + status + "; only approved copies are taken out");
        }
        copiesLeft--;
        int copyNo = copies - copiesLeft;
        if (copiesLeft == 0) {
            moveTo(CopyRequestStatus.USED_UP);
        }
        return copyNo;
    }

    private void moveTo(CopyRequestStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Copy request", id, status, next);
        }
        status = next;
    }

    UUID id() { return id; }
    UUID documentId() { return documentId; }
    DocumentRef.Direction direction() { return direction; }
    String townCode() { return townCode; }
    SecrecyLevel secrecyLevel() { return secrecyLevel; }
    String title() { return title; }
    int copies() { return copies; }
    int copiesLeft() { return copiesLeft; }
    String reason() { return reason; }
    String requestedBy() { return requestedBy; }
    Instant requestedAt() { return requestedAt; }
    CopyRequestStatus status() { return status; }
    String decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
    String decisionNote() { return decisionNote; }
}
