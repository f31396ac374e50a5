package org.zhenwu.document.outgoing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhenwu.document.access.Need;
import org.zhenwu.document.element.DocumentElements;
import org.zhenwu.document.element.DocumentKind;
import org.zhenwu.document.element.DocumentNumber;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * An outgoing document (发文) — a 公文 or a 明传电报 the town issues. The aggregate root: its status changes only
 * through {@link #moveTo}, which checks {@link OutgoingStatus#canMoveTo} and writes the audit line. The 发文字号 is
 * given at {@link #register} and never earlier, and kept if the document has to be signed again.
 */
@Entity
@Table(name = "outgoing_document")
class OutgoingDocument {
    @Id
    private UUID id;
    private String townCode;
    @Enumerated(EnumType.STRING)
    private DocumentKind kind;
    @Enumerated(EnumType.STRING)
    private OutgoingStatus status;
    @Embedded
    private DocumentElements elements;
    private String drafter;
    private String drafterName;
    private String drafterDepartment;
    private String checker;
    private String signer;
    private String signedBy;
    private Instant signedAt;
    private String numberCode;
    private Integer numberYear;
    private Integer numberSequence;
    private Instant registeredAt;
    private Integer printedCopies;
    private Instant printedAt;
    private Instant distributedAt;
    private Instant archivedAt;
    private Instant voidedAt;
    private String voidReason;
    private Instant createdAt;
    private String sourceId;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<OutgoingTransition> transitions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<Countersign> countersigns = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<Distribution> distribution = new ArrayList<>();

    @Transient
    private final List<OutgoingEvent> pendingEvents = new ArrayList<>();

    protected OutgoingDocument() {
        // for JPA
    }

    /** 起草. */
    static OutgoingDocument draft(UUID id, String townCode, DocumentKind kind, DocumentElements elements,
                                  List<String> coSigningDepartments, String drafter, String drafterName,
                                  String drafterDepartment, Instant now) {
        if (kind == DocumentKind.PETITION) {
            throw new InvalidFieldException("kind", "petition letters (信访件) are received, not issued");
        }
        OutgoingDocument d = new OutgoingDocument();
        d.id = id;
        d.townCode = townCode;
        d.kind = kind;
        d.elements = elements;
        d.drafter = drafter;
        d.drafterName = drafterName;
        d.drafterDepartment = drafterDepartment;
        d.createdAt = now;
        d.status = OutgoingStatus.DRAFTING;
        d.replaceCoSigners(coSigningDepartments);
        d.transitions.add(new OutgoingTransition(null, OutgoingStatus.DRAFTING, "起草", drafter, null, now));
        return d;
    }

    /**
     * A revision. Before 签发 it just replaces the elements. After 签发 and before 印制, a substantive change (see
     * {@link DocumentElements#differsInSubstanceFrom}) sends the document back to its signer; layout changes don't.
     *
     * @return true when the revision sent the document back to the signer
     */
    boolean revise(DocumentElements revised, List<String> coSigningDepartments, String actor, Instant now) {
        if (!status.editable()) {
            throw new IllegalTransitionException("Outgoing document", id, status.name(), null,
                    "Outgoing document " + id + " can no longer be revised in status " + status + "; void it and draft anew");
        }
        boolean substantive = revised.differsInSubstanceFrom(elements);
        DocumentElements next = revised.withSignerName(elements.signerName());
        if (status.signedButNotPrinted() && coSigningDepartments != null
                && !new LinkedHashSet<>(coSigningDepartments).equals(coSigningDepartments())) {
            throw new InvalidFieldException("coSigningDepartments", "co-signers are chosen before 签发");
        }
        if (status.signedButNotPrinted() && substantive) {
            elements = next;
            backToSigner(actor, "实质性修改，退回签发人重新签发", now);
            return true;
        }
        elements = next;
        if (coSigningDepartments != null && !status.signedButNotPrinted()) {
            replaceCoSigners(coSigningDepartments);
        }
        audit("修改", actor, substantive ? "修改内容" : "修改版式要素", now);
        return false;
    }

    /** An attachment added or removed after 签发 is a substantive change too. */
    boolean attachmentsChanged(String actor, String note, Instant now) {
        if (!status.editable()) {
            throw new IllegalTransitionException("Outgoing document", id, status.name(), null,
                    "The attachments of outgoing document " + id + " can no longer change in status " + status);
        }
        if (status.signedButNotPrinted()) {
            backToSigner(actor, "附件变更，退回签发人重新签发: " + note, now);
            return true;
        }
        audit("附件", actor, note, now);
        return false;
    }

    /** Sends it for 核稿. A classified document names its checker: nobody else has the need to read it. */
    void submit(String actor, String assignedChecker, Instant now) {
        requireForSubmission();
        if (elements.secrecyLevel().classified() && assignedChecker == null) {
            throw new InvalidFieldException("checker", "a classified document names the office member who checks it");
        }
        moveTo(OutgoingStatus.CHECKING, "送核稿", actor, null, now);
        checker = assignedChecker;
    }

    /** 核稿 passed: on to the co-signing departments, or straight to the leader who signs. */
    void passCheck(String actor, String assignedSigner, String opinion, Instant now) {
        if (assignedSigner == null || assignedSigner.isBlank()) {
            throw new InvalidFieldException("signer", "name the leader who signs (签发) the document");
        }
        requireForSubmission();
        if (checker == null) {
            checker = actor;
        }
        signer = assignedSigner;
        if (countersigns.isEmpty()) {
            moveTo(OutgoingStatus.SIGNING, "核稿", actor, opinion, now);
        } else {
            countersigns.forEach(Countersign::reset);
            moveTo(OutgoingStatus.COUNTERSIGNING, "核稿", actor, opinion, now);
        }
    }

    /** 会签 by one department. All agree → on to the signer; an objection sends it back to the drafter. */
    void countersign(String department, boolean agree, String opinion, String actor, Instant now) {
        if (status != OutgoingStatus.COUNTERSIGNING) {
            throw new IllegalTransitionException("Outgoing document", id, status.name(), null,
                    "Outgoing document " + id + " is not waiting for 会签; it is " + status);
        }
        Countersign c = countersigns.stream().filter(x -> x.department().equals(department)).findFirst()
                .orElseThrow(() -> new OutgoingRuleViolation("not-a-co-signer", department + " is not a co-signing department"));
        if (!c.pending()) {
            throw new OutgoingRuleViolation("already-countersigned", department + " has already given its 会签");
        }
        c.decide(agree, opinion, actor, now);
        if (!agree) {
            moveTo(OutgoingStatus.DRAFTING, "会签不同意", actor, department + ": " + opinion, now);
        } else if (countersigns.stream().noneMatch(Countersign::pending)) {
            moveTo(OutgoingStatus.SIGNING, "会签", actor, department + (opinion == null ? "" : ": " + opinion), now);
        } else {
            audit("会签", actor, department + (opinion == null ? "" : ": " + opinion), now);
        }
    }

    /** 签发. The signer's name becomes the document's 签发人. */
    void sign(String actor, String actorName, String opinion, Instant now) {
        moveTo(OutgoingStatus.SIGNED, "签发", actor, opinion, now);
        signedBy = actor;
        signedAt = now;
        elements = elements.withSignerName(actorName);
    }

    /** 复核. */
    void review(String actor, String note, Instant now) {
        moveTo(OutgoingStatus.REVIEWED, "复核", actor, note, now);
    }

    /**
     * 登记: takes the number from {@code nextSequence} unless the document already has one (signed again after a
     * substantive change): a document never gets two numbers.
     */
    DocumentNumber register(String actor, int year, java.util.function.IntSupplier nextSequence, Instant now) {
        if (!status.canMoveTo(OutgoingStatus.REGISTERED)) {
            throw new IllegalTransitionException("Outgoing document", id, status, OutgoingStatus.REGISTERED);
        }
        if (elements.documentType().upward() && elements.signerName() == null) {
            throw new InvalidFieldException("signerName", "上行文 carry their 签发人");
        }
        if (numberSequence == null) {
            numberCode = issuerCode();
            numberYear = year;
            numberSequence = nextSequence.getAsInt();
        }
        DocumentNumber number = number();
        moveTo(OutgoingStatus.REGISTERED, "登记", actor, number.toString(), now);
        registeredAt = now;
        pendingEvents.add(new OutgoingEvent.Registered(id, number, now));
        return number;
    }

    /** 印制. */
    void print(int copies, String printingOrgan, LocalDate printingDate, String actor, Instant now) {
        if (copies < 1) {
            throw new InvalidFieldException("copies", "at least one copy is printed");
        }
        moveTo(OutgoingStatus.PRINTED, "印制", actor, copies + " 份", now);
        printedCopies = copies;
        printedAt = now;
        elements = elements.withPrinting(printingOrgan, printingDate);
    }

    /** 核发: each recipient gets its copies, numbered (份号) in order from 1. */
    void distribute(List<Recipient> recipients, String actor, Instant now) {
        if (recipients.isEmpty()) {
            throw new InvalidFieldException("recipients", "name at least one recipient");
        }
        int total = recipients.stream().mapToInt(Recipient::copies).sum();
        if (printedCopies != null && total > printedCopies) {
            throw new InvalidFieldException("recipients", total + " copies distributed but only " + printedCopies + " printed");
        }
        moveTo(OutgoingStatus.DISTRIBUTED, "核发", actor, recipients.size() + " 个单位, " + total + " 份", now);
        int next = 1;
        for (Recipient r : recipients) {
            distribution.add(new Distribution(r.name(), r.copies(), next));
            next += r.copies();
        }
        distributedAt = now;
        pendingEvents.add(new OutgoingEvent.Distributed(id, total, now));
    }

    /** 归档. */
    void archive(String actor, Instant now) {
        moveTo(OutgoingStatus.ARCHIVED, "归档", actor, null, now);
        archivedAt = now;
    }

    /** 销毁 of an archived or voided classified document; its text goes, its register data stays. */
    void destroy(String actor, String note, Instant now) {
        moveTo(OutgoingStatus.DESTROYED, "销毁", actor, note, now);
        elements = elements.withoutBody();
    }

    /** 退回 to the step before this one. */
    void returnToPreviousStep(String actor, String reason, Instant now) {
        OutgoingStatus previous = switch (status) {
            case CHECKING -> OutgoingStatus.DRAFTING;
            case COUNTERSIGNING -> OutgoingStatus.CHECKING;
            case SIGNING -> countersigns.isEmpty() ? OutgoingStatus.CHECKING : OutgoingStatus.COUNTERSIGNING;
            case SIGNED -> OutgoingStatus.SIGNING;
            case REVIEWED -> OutgoingStatus.SIGNED;
            default -> throw new IllegalTransitionException("Outgoing document", id, status.name(), null,
                    "Outgoing document " + id + " in status " + status + " cannot be returned to a previous step");
        };
        if (previous == OutgoingStatus.COUNTERSIGNING) {
            countersigns.forEach(Countersign::reset);
        }
        if (previous == OutgoingStatus.SIGNING) {
            clearSignature();
        }
        moveTo(previous, "退回上一步", actor, reason, now);
    }

    /** 退回起草人. */
    void returnToDrafter(String actor, String reason, Instant now) {
        if (!status.canMoveTo(OutgoingStatus.DRAFTING)) {
            throw new IllegalTransitionException("Outgoing document", id, status, OutgoingStatus.DRAFTING);
        }
        clearSignature();
        moveTo(OutgoingStatus.DRAFTING, "退回起草人", actor, reason, now);
    }

    /** 撤回 by the drafter, while nobody has signed it. */
    void withdraw(String actor, String reason, Instant now) {
        if (!status.withdrawable()) {
            throw new IllegalTransitionException("Outgoing document", id, status.name(), OutgoingStatus.DRAFTING.name(),
                    "Outgoing document " + id + " can be withdrawn only before 签发; it is " + status);
        }
        moveTo(OutgoingStatus.DRAFTING, "撤回", actor, reason, now);
    }

    /** 作废. */
    void voidDocument(String actor, String reason, Instant now) {
        moveTo(OutgoingStatus.VOIDED, "作废", actor, reason, now);
        voidedAt = now;
        voidReason = reason;
        pendingEvents.add(new OutgoingEvent.Voided(id, reason, now));
    }

    /** 委托/转办: the person the current step waits for hands it to someone else. */
    void delegate(String actor, String to, String note, Instant now) {
        switch (status) {
            case CHECKING -> checker = to;
            case SIGNING -> signer = to;
            default -> throw new IllegalTransitionException("Outgoing document", id, status.name(), null,
                    "Only 核稿 and 签发 can be delegated; outgoing document " + id + " is " + status);
        }
        audit("委托", actor, "转 " + to + (note == null ? "" : ": " + note), now);
    }

    /** The person the current step waits for, when one is named (null: anyone with the step's role). */
    String assignee() {
        return switch (status) {
            case DRAFTING -> drafter;
            case CHECKING -> checker;
            case SIGNING -> signer;
            default -> null;
        };
    }

    /**
     * Drafter, assigned checker and signer, everyone who acted, the co-signing departments; the drafting department
     * too unless the document is classified (the whole office has no need for one member's classified draft).
     */
    Need need() {
        Set<String> people = new HashSet<>();
        people.add(drafter);
        people.add(checker);
        people.add(signer);
        transitions.forEach(t -> people.add(t.actor()));
        Set<String> departments = new HashSet<>(coSigningDepartments());
        if (!elements.secrecyLevel().classified()) {
            departments.add(drafterDepartment);
        }
        return new Need(people, departments);
    }

    List<OutgoingEvent> pullEvents() {
        List<OutgoingEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    DocumentNumber number() {
        return numberSequence == null ? null : new DocumentNumber(numberCode, numberYear, numberSequence);
    }

    /** The 机关代字 the number will be taken under (known before 登记, so the counter can be prepared). */
    String issuerCode() {
        if (elements.issuerCode() == null) {
            throw new InvalidFieldException("issuerCode", "the 机关代字 is needed for the 发文字号");
        }
        return numberCode != null ? numberCode : elements.issuerCode();
    }

    /** Historical import: a document that was numbered and issued in an earlier system. */
    void imported(String source, DocumentNumber number) {
        sourceId = source;
        if (number != null) {
            numberCode = number.code();
            numberYear = number.year();
            numberSequence = number.sequence();
        }
    }

    private void requireForSubmission() {
        if (elements.body() == null || elements.body().isBlank()) {
            throw new InvalidFieldException("body", "the 正文 is written before the document is sent on");
        }
        if (elements.issuerCode() == null) {
            throw new InvalidFieldException("issuerCode", "the 机关代字 is needed for the 发文字号");
        }
        if (elements.mainRecipients() == null && elements.documentType() != org.zhenwu.document.element.DocumentType.MINUTES) {
            throw new InvalidFieldException("mainRecipients", "the 主送机关 are named before the document is sent on");
        }
    }

    private void backToSigner(String actor, String note, Instant now) {
        clearSignature();
        moveTo(OutgoingStatus.SIGNING, "退回签发人", actor, note, now);
    }

    private void clearSignature() {
        signedBy = null;
        signedAt = null;
        elements = elements.withSignerName(null);
    }

    private void replaceCoSigners(List<String> departments) {
        countersigns.clear();
        if (departments == null) {
            return;
        }
        for (String d : new LinkedHashSet<>(departments)) {
            if (d != null && !d.isBlank()) {
                countersigns.add(new Countersign(d.strip()));
            }
        }
    }

    private void moveTo(OutgoingStatus next, String action, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Outgoing document", id, status, next);
        }
        transitions.add(new OutgoingTransition(status, next, action, actor, note, now));
        status = next;
    }

    private void audit(String action, String actor, String note, Instant now) {
        transitions.add(new OutgoingTransition(status, status, action, actor, note, now));
    }

    /** A 核发 line. */
    record Recipient(String name, int copies) {
    }

    Set<String> coSigningDepartments() {
        Set<String> s = new LinkedHashSet<>();
        countersigns.forEach(c -> s.add(c.department()));
        return s;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    DocumentKind kind() { return kind; }
    OutgoingStatus status() { return status; }
    DocumentElements elements() { return elements; }
    String drafter() { return drafter; }
    String drafterName() { return drafterName; }
    String drafterDepartment() { return drafterDepartment; }
    String checker() { return checker; }
    String signer() { return signer; }
    String signedBy() { return signedBy; }
    Instant signedAt() { return signedAt; }
    Instant registeredAt() { return registeredAt; }
    Integer printedCopies() { return printedCopies; }
    Instant printedAt() { return printedAt; }
    Instant distributedAt() { return distributedAt; }
    Instant archivedAt() { return archivedAt; }
    Instant voidedAt() { return voidedAt; }
    String voidReason() { return voidReason; }
    Instant createdAt() { return createdAt; }
    String sourceId() { return sourceId; }
    List<OutgoingTransition> transitions() { return transitions; }
    List<Countersign> countersigns() { return countersigns; }
    List<Distribution> distribution() { return distribution; }
}
