package org.zhenwu.document.incoming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * An incoming document (收文): a 公文, a 明传电报 or a forwarded 信访件. The aggregate root: status changes only through
 * {@link #moveTo}. Its copies always have a known holder ({@link #OFFICE} or a reader), every pass is recorded, and it
 * cannot be archived while a reader on the list has not read it or a copy is still out.
 */
@Entity
@Table(name = "incoming_document")
class IncomingDocument {
    /** The holder of copies that are back with (or never left) the office. */
    static final String OFFICE = "OFFICE";

    @Id
    private UUID id;
    private String townCode;
    @Enumerated(EnumType.STRING)
    private DocumentKind kind;
    @Enumerated(EnumType.STRING)
    private IncomingStatus status;
    @Embedded
    private DocumentElements elements;
    @Enumerated(EnumType.STRING)
    private IncomingChannel channel;
    private String sender;
    private String externalId;
    private String originalNumber;
    private String originalNumberCode;
    private Integer originalNumberYear;
    private Integer originalNumberSequence;
    private Instant receivedAt;
    private String receivedBy;
    private int receivedCopies;
    private Integer registerYear;
    private Integer registerSequence;
    private String registeredBy;
    private Instant registeredAt;
    @Enumerated(EnumType.STRING)
    private HandlingMode handlingMode;
    private String returnReason;
    private String proposal;
    private String proposedBy;
    private String leader;
    private String instruction;
    private String instructedBy;
    private Instant instructedAt;
    private String leadDepartment;
    private LocalDate deadline;
    private String acceptedBy;
    private Instant acceptedAt;
    private int urgeCount;
    private String result;
    private String completedBy;
    private Instant completedAt;
    private String resultReportedTo;
    private Instant resultReportedAt;
    private Instant archivedAt;
    private String sourceId;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<IncomingTransition> transitions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<CoDepartment> coDepartments = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id", nullable = false, updatable = false)
    @OrderBy("copyNo")
    private List<CirculatedCopy> copies = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<Reader> readers = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<Handover> handovers = new ArrayList<>();

    @Transient
    private final List<IncomingEvent> pendingEvents = new ArrayList<>();

    protected IncomingDocument() {
        // for JPA
    }

    /** What the office knows when a document arrives. */
    record Arrival(DocumentKind kind, IncomingChannel channel, String sender, String originalNumber, int copies,
                   LocalDate deadline, String externalId) {
    }

    /**
     * 签收. Classified documents carry their 份号 and never come over the OA platform; a petition letter carries the
     * deadline of the body that forwarded it.
     */
    static IncomingDocument receive(UUID id, String townCode, DocumentElements elements, Arrival arrival, String by,
                                    Instant now) {
        if (elements.secrecyLevel().classified()) {
            if (arrival.channel() == IncomingChannel.DISTRICT_OA || arrival.channel() == IncomingChannel.EMAIL
                    || arrival.channel() == IncomingChannel.FAX) {
                throw new InvalidFieldException("channel", "classified documents travel only by 机要交换 or by hand, never by "
                        + arrival.channel());
            }
            if (elements.copyNumber() == null) {
                throw new InvalidFieldException("elements.copyNumber", "a classified document carries its 份号");
            }
        }
        if (arrival.kind() == DocumentKind.PETITION && arrival.deadline() == null) {
            throw new InvalidFieldException("deadline", "a forwarded petition letter carries the deadline for reporting back");
        }
        if (arrival.copies() < 1) {
            throw new InvalidFieldException("copies", "at least one copy is received");
        }
        IncomingDocument d = new IncomingDocument();
        d.id = id;
        d.townCode = townCode;
        d.kind = arrival.kind();
        d.elements = elements;
        d.channel = arrival.channel();
        d.sender = arrival.sender();
        d.externalId = arrival.externalId();
        d.originalNumber = arrival.originalNumber();
        Optional<DocumentNumber> parsed = DocumentNumber.parse(arrival.originalNumber());
        parsed.ifPresent(n -> {
            d.originalNumberCode = n.code();
            d.originalNumberYear = n.year();
            d.originalNumberSequence = n.sequence();
        });
        d.deadline = arrival.deadline();
        d.receivedAt = now;
        d.receivedBy = by;
        d.receivedCopies = arrival.copies();
        for (int i = 1; i <= arrival.copies(); i++) {
            d.copies.add(new CirculatedCopy(i, OFFICE, now));
        }
        d.status = IncomingStatus.RECEIVED;
        d.transitions.add(new IncomingTransition(null, IncomingStatus.RECEIVED, "签收", by,
                arrival.copies() + " 份, 来自 " + arrival.sender(), now));
        return d;
    }

    /** Corrections to the elements as received, before 初审. */
    void correct(DocumentElements corrected, String by, Instant now) {
        if (status != IncomingStatus.RECEIVED && status != IncomingStatus.REGISTERED) {
            throw new IllegalTransitionException("Incoming document", id, status.name(), null,
                    "An incoming document's elements are corrected before 初审; it is " + status);
        }
        if (corrected.secrecyLevel().classified() && corrected.copyNumber() == null) {
            throw new InvalidFieldException("elements.copyNumber", "a classified document carries its 份号");
        }
        if (corrected.secrecyLevel().classified() && channel == IncomingChannel.DISTRICT_OA) {
            throw new InvalidFieldException("elements.secrecyLevel", "the OA platform carries no classified documents");
        }
        elements = corrected;
        audit("更正要素", by, null, now);
    }

    /** 登记 with the register number of the town's 收文 register. */
    void register(int year, int sequence, String by, Instant now) {
        moveTo(IncomingStatus.REGISTERED, "登记", by, "收文〔" + year + "〕" + sequence + "号", now);
        registerYear = year;
        registerSequence = sequence;
        registeredBy = by;
        registeredAt = now;
    }

    /** 初审 passed: 阅知 documents go round their readers, 批办 ones wait for 拟办. */
    void screen(HandlingMode mode, List<String> readersToAdd, String by, Instant now) {
        if (mode == HandlingMode.READ && (readersToAdd == null || readersToAdd.isEmpty())) {
            throw new InvalidFieldException("readers", "a 阅知 document names its readers");
        }
        moveTo(mode == HandlingMode.READ ? IncomingStatus.CIRCULATING : IncomingStatus.SCREENED, "初审", by,
                mode == HandlingMode.READ ? "阅知" : "批办", now);
        handlingMode = mode;
        if (readersToAdd != null && !readersToAdd.isEmpty()) {
            addReaders(readersToAdd, by, now);
        }
    }

    /** 初审 refused: back to the sender, with the reason. */
    void returnToSender(String reason, String by, Instant now) {
        moveTo(IncomingStatus.RETURNED, "退回来文单位", by, reason, now);
        returnReason = reason;
        pendingEvents.add(new IncomingEvent.Returned(id, reason, now));
    }

    /** 拟办: the office's proposal and the leader asked to decide. */
    void propose(String text, String toLeader, String by, Instant now) {
        moveTo(IncomingStatus.PROPOSED, "拟办", by, text, now);
        proposal = text;
        proposedBy = by;
        leader = toLeader;
    }

    /** The leader sends it back to the office for another 拟办. */
    void sendBackForProposal(String reason, String by, Instant now) {
        moveTo(IncomingStatus.SCREENED, "退回拟办", by, reason, now);
    }

    /**
     * 批示: the leader's instruction, the 主办 department, the 协办 ones, the deadline. Urgent documents and petition
     * letters must carry a deadline.
     */
    void instruct(String text, String lead, List<String> coDepartmentNames, LocalDate until, boolean supervise,
                  String by, Instant now) {
        LocalDate due = until != null ? until : deadline;
        if (due == null && (elements.urgency().needsDeadline() || kind == DocumentKind.PETITION)) {
            throw new InvalidFieldException("deadline", "an urgent document or a petition letter is handed over with a deadline");
        }
        if (supervise && due == null) {
            throw new InvalidFieldException("deadline", "a supervised (督办) instruction has a deadline");
        }
        Set<String> co = coDepartmentNames == null ? Set.of() : new LinkedHashSet<>(coDepartmentNames);
        if (co.contains(lead)) {
            throw new InvalidFieldException("coDepartments", "the 主办 department is not also a 协办 one");
        }
        moveTo(IncomingStatus.INSTRUCTED, "批示", by, text, now);
        instruction = text;
        instructedBy = by;
        instructedAt = now;
        leadDepartment = lead;
        deadline = due;
        coDepartments.clear();
        co.forEach(d -> coDepartments.add(new CoDepartment(d)));
        pendingEvents.add(new IncomingEvent.Instructed(id, lead, List.copyOf(co), due, text, supervise, now));
    }

    /** The 主办 department takes it on (承办). */
    void accept(String by, Instant now) {
        moveTo(IncomingStatus.HANDLING, "承办", by, leadDepartment, now);
        acceptedBy = by;
        acceptedAt = now;
    }

    /** The named 主办 department says it is not its remit: back to the office for another 拟办. */
    void decline(String reason, String by, Instant now) {
        moveTo(IncomingStatus.SCREENED, "退回", by, leadDepartment + ": " + reason, now);
        leadDepartment = null;
        coDepartments.clear();
    }

    /** A 协办 department gives its view to the 主办 one. */
    void giveCoView(String department, String view, String by, Instant now) {
        if (!status.atDepartment()) {
            throw new IllegalTransitionException("Incoming document", id, status.name(), null,
                    "协办意见 are given while the document is at the departments; it is " + status);
        }
        CoDepartment c = coDepartments.stream().filter(x -> x.department().equals(department)).findFirst()
                .orElseThrow(() -> new IncomingRuleViolation("not-a-co-department", department + " is not a 协办 department"));
        c.giveView(view, by, now);
        audit("协办意见", by, department + ": " + view, now);
    }

    /** 催办. */
    void urge(String note, String by, Instant now) {
        if (!status.atDepartment()) {
            throw new IllegalTransitionException("Incoming document", id, status.name(), null,
                    "Only a document at its 主办 department can be pressed (催办); it is " + status);
        }
        urgeCount++;
        audit("催办", by, note, now);
    }

    /** 办结/答复 by the 主办 department. */
    void complete(String resultText, String by, Instant now) {
        if (status == IncomingStatus.CIRCULATING) {
            throw new IllegalTransitionException("Incoming document", id, status.name(), IncomingStatus.COMPLETED.name(),
                    "A 阅知 document is finished by its readers, not handled (办结)");
        }
        moveTo(IncomingStatus.COMPLETED, "办结", by, resultText, now);
        result = resultText;
        completedBy = by;
        completedAt = now;
        pendingEvents.add(new IncomingEvent.Completed(id, now));
    }

    /** A 阅知 document is done when everyone on the list has read it and every copy is back. */
    void finishReading(String by, Instant now) {
        if (status != IncomingStatus.CIRCULATING) {
            throw new IllegalTransitionException("Incoming document", id, status.name(), IncomingStatus.COMPLETED.name(),
                    "Only a 阅知 document in 传阅 is finished by its readers; incoming document " + id + " is " + status);
        }
        requireCirculationClosed("阅知完毕");
        moveTo(IncomingStatus.COMPLETED, "阅知完毕", by, null, now);
        completedBy = by;
        completedAt = now;
        pendingEvents.add(new IncomingEvent.Completed(id, now));
    }

    /** A petition letter's result is reported back to the body that forwarded it. */
    void reportResult(String to, String by, Instant now) {
        if (kind != DocumentKind.PETITION) {
            throw new IncomingRuleViolation("not-a-petition", "Only petition letters (信访件) report their result back");
        }
        if (status != IncomingStatus.COMPLETED) {
            throw new IllegalTransitionException("Incoming document", id, status.name(), null,
                    "A petition letter's result is reported once it is handled; it is " + status);
        }
        resultReportedTo = to;
        resultReportedAt = now;
        audit("结果反馈", by, to, now);
    }

    /** 归档: nobody on the 传阅 list is skipped, no copy is missing, a petition's result went back. */
    void archive(String by, Instant now) {
        if (status == IncomingStatus.COMPLETED) {
            requireCirculationClosed("归档");
            if (kind == DocumentKind.PETITION && resultReportedAt == null) {
                throw new IncomingRuleViolation("result-not-reported", "The petition letter's result has not been reported back to "
                        + sender);
            }
        }
        moveTo(IncomingStatus.ARCHIVED, "归档", by, null, now);
        archivedAt = now;
    }

    /** 销毁 of an archived classified document; its text goes, its register data stays. */
    void destroy(String by, String note, Instant now) {
        moveTo(IncomingStatus.DESTROYED, "销毁", by, note, now);
        elements = elements.withoutBody();
    }

    // ---- 传阅 ------------------------------------------------------------------------------------------------

    /** Puts people on the 传阅 list. */
    void addReaders(List<String> names, String by, Instant now) {
        requireCirculating();
        Set<String> known = readers.stream().map(Reader::reader).collect(Collectors.toSet());
        List<String> added = new ArrayList<>();
        for (String r : new LinkedHashSet<>(names)) {
            if (r != null && !r.isBlank() && known.add(r.strip())) {
                readers.add(new Reader(r.strip(), by, now));
                added.add(r.strip());
            }
        }
        if (!added.isEmpty()) {
            audit("传阅", by, "加入: " + String.join("、", added), now);
        }
    }

    /** Passes a copy on: to someone on the list who has not read it yet, or back to the office. */
    void handOver(int copyNo, String to, String by, boolean byOffice, Instant now) {
        requireCirculating();
        CirculatedCopy copy = copies.stream().filter(c -> c.copyNo() == copyNo).findFirst()
                .orElseThrow(() -> new InvalidFieldException("copyNo", "there is no copy " + copyNo));
        if (!byOffice && !copy.holder().equals(by)) {
            throw new IncomingRuleViolation("not-the-holder", "Copy " + copyNo + " is held by " + copy.holder());
        }
        if (!OFFICE.equals(to)) {
            Reader r = reader(to).orElseThrow(() -> new IncomingRuleViolation("not-a-reader", to + " is not on the 传阅 list"));
            if (r.readAt() != null) {
                throw new IncomingRuleViolation("already-read", to + " has already read it; pass it to someone who has not");
            }
        }
        if (copy.holder().equals(to)) {
            return;
        }
        handovers.add(new Handover(copyNo, copy.holder(), to, by, now));
        copy.passTo(to, now);
    }

    /** The reader confirms they have read it (阅), with an optional comment; they must hold a copy. */
    void confirmRead(String who, String comment, Instant now) {
        requireCirculating();
        Reader r = reader(who).orElseThrow(() -> new IncomingRuleViolation("not-a-reader", who + " is not on the 传阅 list"));
        if (copies.stream().noneMatch(c -> c.holder().equals(who))) {
            throw new IncomingRuleViolation("no-copy-in-hand", who + " holds no copy of the document");
        }
        if (r.readAt() != null) {
            return;
        }
        r.read(comment, now);
        audit("阅", who, comment, now);
    }

    /** Who still has to read it, and which copies are out, for the office's 传阅 view. */
    boolean circulationClosed() {
        return readers.stream().allMatch(r -> r.readAt() != null) && copies.stream().allMatch(c -> OFFICE.equals(c.holder()));
    }

    private void requireCirculationClosed(String action) {
        List<String> unread = readers.stream().filter(r -> r.readAt() == null).map(Reader::reader).toList();
        List<String> out = copies.stream().filter(c -> !OFFICE.equals(c.holder()))
                .map(c -> c.copyNo() + "→" + c.holder()).toList();
        if (!unread.isEmpty() || !out.isEmpty()) {
            throw new IncomingRuleViolation("circulation-open", "Before " + action + ": not yet read by " + unread
                    + ", copies still out " + out);
        }
    }

    private void requireCirculating() {
        if (!status.circulates()) {
            throw new IllegalTransitionException("Incoming document", id, status.name(), null,
                    "Copies circulate between 初审 and 归档; incoming document " + id + " is " + status);
        }
    }

    private Optional<Reader> reader(String who) {
        return readers.stream().filter(r -> r.reader().equals(who)).findFirst();
    }

    /**
     * Who has a need to know: who received, registered and acted on it, the leader asked to decide, the readers and
     * holders of copies, the 主办 and 协办 departments.
     */
    Need need() {
        Set<String> people = new HashSet<>();
        people.add(receivedBy);
        people.add(leader);
        transitions.forEach(t -> people.add(t.actor()));
        readers.forEach(r -> people.add(r.reader()));
        copies.forEach(c -> people.add(c.holder()));
        people.remove(OFFICE);
        Set<String> departments = new HashSet<>();
        departments.add(leadDepartment);
        coDepartments.forEach(c -> departments.add(c.department()));
        return new Need(people, departments);
    }

    List<IncomingEvent> pullEvents() {
        List<IncomingEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    void imported(String source) {
        sourceId = source;
    }

    private void moveTo(IncomingStatus next, String action, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Incoming document", id, status, next);
        }
        transitions.add(new IncomingTransition(status, next, action, actor, note, now));
        status = next;
    }

    private void audit(String action, String actor, String note, Instant now) {
        transitions.add(new IncomingTransition(status, status, action, actor, note, now));
    }

    String registerNumber() {
        return registerSequence == null ? null : "收文〔" + registerYear + "〕" + registerSequence + "号";
    }

    Set<String> coDepartmentNames() {
        return coDepartments.stream().map(CoDepartment::department).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    DocumentKind kind() { return kind; }
    IncomingStatus status() { return status; }
    DocumentElements elements() { return elements; }
    IncomingChannel channel() { return channel; }
    String sender() { return sender; }
    String externalId() { return externalId; }
    String originalNumber() { return originalNumber; }
    Instant receivedAt() { return receivedAt; }
    String receivedBy() { return receivedBy; }
    int receivedCopies() { return receivedCopies; }
    Integer registerYear() { return registerYear; }
    Integer registerSequence() { return registerSequence; }
    HandlingMode handlingMode() { return handlingMode; }
    String returnReason() { return returnReason; }
    String proposal() { return proposal; }
    String proposedBy() { return proposedBy; }
    String leader() { return leader; }
    String instruction() { return instruction; }
    String instructedBy() { return instructedBy; }
    Instant instructedAt() { return instructedAt; }
    String leadDepartment() { return leadDepartment; }
    LocalDate deadline() { return deadline; }
    String acceptedBy() { return acceptedBy; }
    int urgeCount() { return urgeCount; }
    String result() { return result; }
    Instant completedAt() { return completedAt; }
    String resultReportedTo() { return resultReportedTo; }
    Instant resultReportedAt() { return resultReportedAt; }
    Instant archivedAt() { return archivedAt; }
    String sourceId() { return sourceId; }
    List<IncomingTransition> transitions() { return transitions; }
    List<CoDepartment> coDepartments() { return coDepartments; }
    List<CirculatedCopy> copies() { return copies; }
    List<Reader> readers() { return readers; }
    List<Handover> handovers() { return handovers; }
}
