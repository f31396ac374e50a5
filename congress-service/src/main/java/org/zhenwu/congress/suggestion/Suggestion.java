package org.zhenwu.congress.suggestion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.hibernate.annotations.BatchSize;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A deputies' suggestion (代表建议) or motion (议案) to a town's people's congress: the aggregate root. Several
 * deputies may submit one jointly; the first named leads (领衔). Its status changes only through {@link #moveTo};
 * every other fact worth keeping (co-units' views, extensions, reminders, supervision) is an audit line too.
 */
@Entity
@Table(name = "suggestion")
class Suggestion {
    static final String OVERDUE_REPLY = "REPLY";
    static final String OVERDUE_CO_UNIT_VIEW = "CO_UNIT_VIEW";

    @Id
    private UUID id;
    private String townCode;
    @Enumerated(EnumType.STRING)
    private SuggestionKind kind;
    @Enumerated(EnumType.STRING)
    private ProposerType proposerType;
    private String proposerGroup;
    private String session;
    private String title;
    private String content;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "suggestion_deputy", joinColumns = @JoinColumn(name = "suggestion_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "deputy_name")
    @BatchSize(size = 100)
    private List<String> deputies = new ArrayList<>();
    private Instant submittedAt;
    @Enumerated(EnumType.STRING)
    private SuggestionStatus status;
    private Integer registrationNumber;
    private Instant registeredAt;
    private String leadUnit;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "suggestion_co_unit", joinColumns = @JoinColumn(name = "suggestion_id"))
    @OrderColumn(name = "list_index")
    @BatchSize(size = 100)
    private List<CoUnit> coUnits = new ArrayList<>();
    private Instant assignedAt;
    private LocalDate replyDue;
    private LocalDate coViewsDue;
    private boolean coViewsReminded;
    private boolean coViewsEscalated;
    private boolean replyReminded;
    private boolean replyEscalated;
    private LocalDate extendedFrom;
    private String extensionReason;
    private LocalDate deputiesToldOn;
    @Enumerated(EnumType.STRING)
    private ReplyCategory category;
    private int replyCount;
    private Instant firstRepliedAt;
    private Boolean firstReplyOnTime;
    private Instant lastRepliedAt;
    @Enumerated(EnumType.STRING)
    private Satisfaction satisfaction;
    private int rehandlings;
    private Instant closedAt;
    private UUID supervisionTaskId;
    private LocalDate supervisionCompletedOn;
    private String sourceId;
    private UUID mergedInto;
    private String createdBy;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY, orphanRemoval = false)
    @JoinColumn(name = "suggestion_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<SuggestionTransition> transitions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY, orphanRemoval = false)
    @JoinColumn(name = "suggestion_id", nullable = false, updatable = false)
    @OrderBy("round")
    private List<SuggestionReply> replies = new ArrayList<>();

    @Transient
    private final List<SuggestionEvent> pendingEvents = new ArrayList<>();

    protected Suggestion() {
        // for JPA
    }

    /**
     * Takes in a suggestion as the deputies handed it in; {@code now} bounds the submission time. A motion needs at
     * least {@code motionMinDeputies} deputies.
     */
    static Suggestion submit(UUID id, String townCode, Submission s, int motionMinDeputies, String actor, Instant now) {
        if (s.kind() == SuggestionKind.PROPOSAL) {
            checkProposers(s);
        } else if (s.proposerType() != null || s.proposerGroup() != null) {
            throw new InvalidFieldException("proposerType", "only a CPPCC proposal (提案) has a proposer type");
        }
        String who = s.kind() == SuggestionKind.PROPOSAL ? "members" : "deputies";
        if (s.deputies().isEmpty() && !(s.kind() == SuggestionKind.PROPOSAL && s.proposerGroup() != null)) {
            throw new InvalidFieldException(who, "name at least one " + (s.kind() == SuggestionKind.PROPOSAL ? "member" : "deputy"));
        }
        if (new HashSet<>(s.deputies()).size() != s.deputies().size()) {
            throw new InvalidFieldException(who, "names someone more than once");
        }
        if (s.kind() == SuggestionKind.MOTION && s.deputies().size() < motionMinDeputies) {
            throw new InvalidFieldException("deputies", "a motion (议案) needs at least " + motionMinDeputies + " deputies");
        }
        if (s.submittedAt().isAfter(now)) {
            throw new InvalidFieldException("submittedAt", "lies in the future");
        }
        Suggestion g = new Suggestion();
        g.id = id;
        g.townCode = townCode;
        g.kind = s.kind();
        g.proposerType = s.proposerType();
        g.proposerGroup = s.proposerGroup();
        g.session = s.session();
        g.title = s.title();
        g.content = s.content();
        g.deputies.addAll(s.deputies());
        g.submittedAt = s.submittedAt();
        g.status = SuggestionStatus.SUBMITTED;
        g.createdBy = actor;
        g.transitions.add(new SuggestionTransition(null, SuggestionStatus.SUBMITTED, actor, null, now));
        g.pendingEvents.add(new SuggestionEvent.Submitted(id, now));
        return g;
    }

    /** A member alone, members jointly, or a party, group or sector named in {@code proposerGroup}. */
    private static void checkProposers(Submission s) {
        if (s.proposerType() == null) {
            throw new InvalidFieldException("proposerType", "say who tables the proposal: MEMBER, JOINT, GROUP or SECTOR");
        }
        switch (s.proposerType()) {
            case MEMBER -> {
                if (s.deputies().size() != 1) {
                    throw new InvalidFieldException("members", "a member's proposal names exactly one member");
                }
            }
            case JOINT -> {
                if (s.deputies().size() < 2) {
                    throw new InvalidFieldException("members", "a joint proposal (联名) names at least two members");
                }
            }
            case GROUP, SECTOR -> {
                if (s.proposerGroup() == null || s.proposerGroup().isBlank()) {
                    throw new InvalidFieldException("proposerGroup", "name the party, group or sector");
                }
            }
        }
        if ((s.proposerType() == ProposerType.MEMBER || s.proposerType() == ProposerType.JOINT) && s.proposerGroup() != null) {
            throw new InvalidFieldException("proposerGroup", "only a group's or sector's proposal names one");
        }
    }

    static Suggestion submit(UUID id, String townCode, Submission s, String actor, Instant now) {
        return submit(id, townCode, s, 1, actor, now);
    }

    /** A suggestion brought in from an earlier system (historical import), keyed by its source id there. */
    static Suggestion imported(UUID id, String townCode, String sourceId, Submission s, String importer) {
        Suggestion g = submit(id, townCode, s, 1, importer, s.submittedAt());
        g.sourceId = sourceId;
        return g;
    }

    /** 登记: numbered within its town and session. The number is drawn only once the move is known to be legal. */
    void register(IntSupplier nextNumber, String actor, Instant now) {
        requireMove(SuggestionStatus.REGISTERED);
        int number = nextNumber.getAsInt();
        moveTo(SuggestionStatus.REGISTERED, actor, "第" + number + "号", now);
        registrationNumber = number;
        registeredAt = now;
        pendingEvents.add(new SuggestionEvent.Registered(id, number, now));
    }

    void assign(String lead, List<String> co, int replyMonths, String actor, Instant now) {
        assign(lead, co, replyMonths, 1, actor, now);
    }

    /**
     * 交办 to a lead unit and any co-units. The lead unit must reply within {@code replyMonths} calendar months:
     * assigned on 18 January, due 18 April; assigned on 30 November, due the last day of February. Co-units owe the
     * lead unit their views within {@code coViewMonths}.
     */
    void assign(String lead, List<String> co, int replyMonths, int coViewMonths, String actor, Instant now) {
        if (mergedInto != null) {
            throw new SuggestionRuleViolation("merged", status, "Suggestion " + id + " is handled with " + mergedInto
                    + " (并案) and is assigned with it");
        }
        handOver(lead, co, replyMonths, coViewMonths, actor, now);
    }

    /** A merged suggestion goes to its lead suggestion's units when that one is assigned. */
    void assignWith(Suggestion lead, int replyMonths, int coViewMonths, String actor, Instant now) {
        if (!lead.id.equals(mergedInto)) {
            throw new IllegalStateException(id + " is not merged into " + lead.id);
        }
        handOver(lead.leadUnit, lead.coUnits(), replyMonths, coViewMonths, actor, now);
    }

    /**
     * 并案: this suggestion raises the same matter as {@code lead} (主件) and is handled with it, by the same units.
     * It keeps its deputies and its number and gets its own reply and feedback. Only a registered one joins, and only
     * a lead that is registered or still awaits its first reply; if the lead is already assigned, this one is assigned
     * now to the same units, its own reply clock starting today.
     */
    void mergeInto(Suggestion lead, int replyMonths, int coViewMonths, String actor, Instant now) {
        if (lead.id.equals(id)) {
            throw new InvalidFieldException("suggestionIds", "a suggestion is not merged with itself");
        }
        if (lead.kind != kind || !lead.session.equals(session) || !lead.townCode.equals(townCode)) {
            throw new InvalidFieldException("suggestionIds", id + " is not a " + lead.kind + " of " + lead.session);
        }
        if (mergedInto != null) {
            throw new SuggestionRuleViolation("already-merged", status, id + " is already handled with " + mergedInto);
        }
        if (lead.mergedInto != null) {
            throw new SuggestionRuleViolation("already-merged", lead.status, lead.id + " is itself handled with "
                    + lead.mergedInto + "; merge into that one");
        }
        if (status != SuggestionStatus.REGISTERED) {
            throw new SuggestionRuleViolation("not-mergeable", status,
                    "Only a registered suggestion not yet assigned joins another's handling; " + id + " is " + status);
        }
        if (lead.status != SuggestionStatus.REGISTERED && lead.status != SuggestionStatus.ASSIGNED) {
            throw new SuggestionRuleViolation("not-mergeable", lead.status,
                    "Suggestions join a lead one that is registered or awaits its first reply; " + lead.id + " is "
                            + lead.status);
        }
        mergedInto = lead.id;
        audit(actor, "并案: 与第" + lead.registrationNumber + "号合并办理, 分别答复", now);
        if (lead.status == SuggestionStatus.ASSIGNED) {
            handOver(lead.leadUnit, lead.coUnits(), replyMonths, coViewMonths, actor, now);
        }
    }

    /** The lead side of 并案: an audit line naming the suggestions now handled with this one, and the announcement. */
    void leadMerger(List<Suggestion> merged, String actor, Instant now) {
        audit(actor, "并案办理: " + merged.stream().map(m -> "第" + m.registrationNumber + "号")
                .collect(java.util.stream.Collectors.joining("、")) + " 与本件合并办理, 分别答复", now);
        pendingEvents.add(new SuggestionEvent.Merged(id, merged.stream().map(m -> m.id).toList(),
                merged.stream().map(m -> m.registrationNumber).toList(), now));
    }

    private void handOver(String lead, List<String> co, int replyMonths, int coViewMonths, String actor, Instant now) {
        requireMove(SuggestionStatus.ASSIGNED);
        if (co.contains(lead)) {
            throw new InvalidFieldException("coUnits", "must not include the lead unit " + lead);
        }
        if (new HashSet<>(co).size() != co.size()) {
            throw new InvalidFieldException("coUnits", "names a unit more than once");
        }
        moveTo(SuggestionStatus.ASSIGNED, actor, lead + (co.isEmpty() ? "" : " / " + String.join("、", co)), now);
        leadUnit = lead;
        co.forEach(u -> coUnits.add(new CoUnit(u)));
        assignedAt = now;
        replyDue = day(now).plusMonths(replyMonths);
        coViewsDue = co.isEmpty() ? null : day(now).plusMonths(coViewMonths);
        pendingEvents.add(new SuggestionEvent.Assigned(id, lead, replyDue, now));
    }

    /** 协办意见: a co-unit sends its views to the lead unit, once; late when after the co-units' deadline. */
    void giveCoUnitView(String unit, String view, String actor, Instant now) {
        if (!status.awaitsReply()) {
            throw new IllegalTransitionException("Suggestion", id, status.name(), null,
                    "Co-units give their views while the lead unit prepares its reply; suggestion " + id + " is " + status);
        }
        CoUnit co = coUnits.stream().filter(c -> c.unit().equals(unit)).findFirst().orElseThrow(() ->
                new InvalidFieldException("unit", unit + " is not a co-unit (协办单位) of this suggestion"));
        if (co.hasGivenView()) {
            throw new SuggestionRuleViolation("co-unit-view-given", status,
                    unit + " already gave its views on " + co.viewedAt());
        }
        co.giveView(view, actor, now);
        boolean onTime = coViewsDue == null || !day(now).isAfter(coViewsDue);
        audit(actor, "协办意见 (" + unit + (onTime ? "" : ", 逾期") + "): " + view, now);
        pendingEvents.add(new SuggestionEvent.CoUnitViewGiven(id, unit, onTime, now));
    }

    /**
     * 延期: a complex suggestion's first reply may be put off to at most {@code maxMonths} after 交办, before the
     * deadline has passed, and only with the deputies told.
     */
    void extend(LocalDate newDue, String reason, LocalDate toldOn, int maxMonths, String actor, Instant now) {
        if (status != SuggestionStatus.ASSIGNED) {
            throw new IllegalTransitionException("Suggestion", id, status.name(), null,
                    "Only a suggestion awaiting its first reply can be extended; suggestion " + id + " is " + status);
        }
        LocalDate today = day(now);
        if (today.isAfter(replyDue)) {
            throw new SuggestionRuleViolation("deadline-passed", status,
                    "The reply was due on " + replyDue + "; an extension must be agreed before the deadline");
        }
        LocalDate limit = day(assignedAt).plusMonths(maxMonths);
        if (!newDue.isAfter(replyDue)) {
            throw new InvalidFieldException("replyDue", "must be later than the current deadline " + replyDue);
        }
        if (newDue.isAfter(limit)) {
            throw new InvalidFieldException("replyDue", "must be at most " + maxMonths + " months after 交办 (" + limit + ")");
        }
        if (toldOn.isAfter(today) || toldOn.isBefore(day(assignedAt))) {
            throw new InvalidFieldException("deputiesToldOn", "must lie between 交办 and today");
        }
        LocalDate previous = replyDue;
        if (extendedFrom == null) {
            extendedFrom = replyDue;
        }
        replyDue = newDue;
        extensionReason = reason;
        deputiesToldOn = toldOn;
        replyReminded = false;
        replyEscalated = false;
        audit(actor, "延期办复至 " + newDue + " (原 " + previous + "), 已于 " + toldOn + " 告知代表: " + reason, now);
        pendingEvents.add(new SuggestionEvent.Extended(id, previous, newDue, reason, toldOn, now));
    }

    /**
     * 答复 by the lead unit: the first reply, a re-handled one, or a B/C matter answered again once solved. On time
     * when given by the deadline it answers; a follow-up has none.
     */
    void reply(ReplyCategory replyCategory, String text, String actor, Instant now) {
        requireMove(SuggestionStatus.REPLIED);
        ReplyStage stage = switch (status) {
            case ASSIGNED -> ReplyStage.FIRST;
            case REHANDLING -> ReplyStage.REHANDLED;
            default -> ReplyStage.FOLLOW_UP;
        };
        LocalDate due = stage == ReplyStage.FOLLOW_UP ? null : replyDue;
        LocalDate today = day(now);
        boolean onTime = due == null || !today.isAfter(due);
        moveTo(SuggestionStatus.REPLIED, actor, replyCategory + "类: " + text, now);
        replyCount++;
        replies.add(new SuggestionReply(replyCount, stage, replyCategory, leadUnit, text, actor, now, due, onTime));
        category = replyCategory;
        lastRepliedAt = now;
        if (stage == ReplyStage.FIRST) {
            firstRepliedAt = now;
            firstReplyOnTime = onTime;
        }
        pendingEvents.add(new SuggestionEvent.Replied(id, replyCount, stage, replyCategory, due, today, onTime, now));
    }

    /**
     * The deputies' verdict on the last reply (征询意见表). Dissatisfied: re-handled with a new reply due within
     * {@code rehandleMonths}, at most {@code maxRehandlings} times. Otherwise a B/C matter stays open (跟踪) and an
     * A/D one is finished (办结).
     */
    void feedback(Satisfaction verdict, String note, int rehandleMonths, int maxRehandlings, String actor, Instant now) {
        if (status != SuggestionStatus.REPLIED) {
            throw new IllegalTransitionException("Suggestion", id, status.name(), null,
                    "Feedback is given on a reply; suggestion " + id + " is " + status);
        }
        SuggestionReply last = lastReply().orElseThrow();
        SuggestionStatus outcome;
        if (verdict == Satisfaction.DISSATISFIED && rehandlings < maxRehandlings) {
            outcome = SuggestionStatus.REHANDLING;
        } else if (last.category().keepsOpen()) {
            outcome = SuggestionStatus.TRACKING;
        } else {
            outcome = SuggestionStatus.CLOSED;
        }
        last.feedback(verdict, note, actor, now);
        satisfaction = verdict;
        moveTo(outcome, actor, verdict + (note == null ? "" : ": " + note), now);
        LocalDate rehandlingDue = null;
        if (outcome == SuggestionStatus.REHANDLING) {
            rehandlings++;
            rehandlingDue = day(now).plusMonths(rehandleMonths);
            replyDue = rehandlingDue;
            replyReminded = false;
            replyEscalated = false;
        }
        pendingEvents.add(new SuggestionEvent.FeedbackGiven(id, last.round(), last.category(), verdict, outcome,
                rehandlingDue, now));
        if (outcome == SuggestionStatus.CLOSED) {
            closedAt = now;
            pendingEvents.add(new SuggestionEvent.Closed(id, last.category(), verdict, Boolean.TRUE.equals(firstReplyOnTime),
                    replyCount, now));
        }
    }

    /** Reminder before the reply deadline; false when already reminded or no reply is owed. */
    boolean remindReply(LocalDate today, Instant now) {
        if (replyReminded || replyEscalated || !status.awaitsReply() || today.isAfter(replyDue)) {
            return false;
        }
        replyReminded = true;
        audit("system", "到期前提醒: " + leadUnit + " 应于 " + replyDue + " 前答复", now);
        pendingEvents.add(new SuggestionEvent.Reminded(id, OVERDUE_REPLY, replyDue, now));
        return true;
    }

    /** Escalation once the reply deadline passed; false when already escalated or no reply is owed. */
    boolean escalateReplyIfOverdue(LocalDate today, Instant now) {
        if (replyEscalated || !status.awaitsReply() || !today.isAfter(replyDue)) {
            return false;
        }
        replyEscalated = true;
        audit("system", "超期督办: " + leadUnit + " 未于 " + replyDue + " 前答复", now);
        pendingEvents.add(new SuggestionEvent.Escalated(id, OVERDUE_REPLY, leadUnit, replyDue, now));
        return true;
    }

    /** Reminds the co-units that have not given their views yet; false when there is nothing to remind. */
    boolean remindCoUnits(LocalDate today, Instant now) {
        List<String> pending = pendingCoUnits();
        if (coViewsReminded || coViewsEscalated || coViewsDue == null || pending.isEmpty() || today.isAfter(coViewsDue)) {
            return false;
        }
        coViewsReminded = true;
        audit("system", "到期前提醒协办单位 " + String.join("、", pending) + ": 应于 " + coViewsDue + " 前向主办单位提出意见", now);
        pendingEvents.add(new SuggestionEvent.Reminded(id, OVERDUE_CO_UNIT_VIEW, coViewsDue, now));
        return true;
    }

    /** Escalates each co-unit still silent after its deadline; false when there is none or it was done. */
    boolean escalateCoUnitsIfOverdue(LocalDate today, Instant now) {
        List<String> pending = pendingCoUnits();
        if (coViewsEscalated || coViewsDue == null || pending.isEmpty() || !today.isAfter(coViewsDue)) {
            return false;
        }
        coViewsEscalated = true;
        audit("system", "协办意见超期督办: " + String.join("、", pending) + " (期限 " + coViewsDue + ")", now);
        pending.forEach(u -> pendingEvents.add(new SuggestionEvent.Escalated(id, OVERDUE_CO_UNIT_VIEW, u, coViewsDue, now)));
        return true;
    }

    /** document-service accepted the 督办 task it opened for this suggestion. False for a repeat of the same task. */
    boolean recordSupervisionCompleted(UUID taskId, LocalDate completedOn, String department, String evidence, Instant now) {
        if (taskId.equals(supervisionTaskId)) {
            return false;
        }
        supervisionTaskId = taskId;
        supervisionCompletedOn = completedOn;
        String note = "督办任务办结 (" + (department == null ? "" : department + ", ") + completedOn + ")"
                + (evidence == null || evidence.isBlank() ? "" : ": " + evidence);
        audit("document-service", note.length() > 2000 ? note.substring(0, 2000) : note, now);
        pendingEvents.add(new SuggestionEvent.SupervisionCompleted(id, taskId, now));
        return true;
    }

    List<SuggestionEvent> pullEvents() {
        List<SuggestionEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    private List<String> pendingCoUnits() {
        return coUnits.stream().filter(c -> !c.hasGivenView()).map(CoUnit::unit).toList();
    }

    private Optional<SuggestionReply> lastReply() {
        return replies.isEmpty() ? Optional.empty() : Optional.of(replies.get(replies.size() - 1));
    }

    private void requireMove(SuggestionStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Suggestion", id, status, next);
        }
    }

    private void moveTo(SuggestionStatus next, String actor, String note, Instant now) {
        requireMove(next);
        transitions.add(new SuggestionTransition(status, next, actor, note, now));
        status = next;
    }

    private void audit(String actor, String note, Instant now) {
        transitions.add(new SuggestionTransition(status, status, actor, note, now));
    }

    private static LocalDate day(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    /**
     * What the office records from the paper handed in.
     *
     * @param deputies      the deputies (or, for a proposal, the CPPCC members), the leading one first
     * @param proposerType  proposals only
     * @param proposerGroup proposals by a party, group or sector only
     */
    record Submission(SuggestionKind kind, String session, String title, String content, List<String> deputies,
                      Instant submittedAt, ProposerType proposerType, String proposerGroup) {
        Submission {
            Objects.requireNonNull(kind, "kind");
            deputies = List.copyOf(deputies);
        }

        Submission(SuggestionKind kind, String session, String title, String content, List<String> deputies,
                   Instant submittedAt) {
            this(kind, session, title, content, deputies, submittedAt, null, null);
        }

        Submission(String session, String title, String content, List<String> deputies, Instant submittedAt) {
            this(SuggestionKind.SUGGESTION, session, title, content, deputies, submittedAt);
        }
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    SuggestionKind kind() { return kind; }
    ProposerType proposerType() { return proposerType; }
    String proposerGroup() { return proposerGroup; }
    String session() { return session; }
    String title() { return title; }
    String content() { return content; }
    List<String> deputies() { return List.copyOf(deputies); }
    Instant submittedAt() { return submittedAt; }
    SuggestionStatus status() { return status; }
    Integer registrationNumber() { return registrationNumber; }
    Instant registeredAt() { return registeredAt; }
    String leadUnit() { return leadUnit; }
    List<String> coUnits() { return coUnits.stream().map(CoUnit::unit).toList(); }
    List<CoUnit> coUnitViews() { return List.copyOf(coUnits); }
    Instant assignedAt() { return assignedAt; }
    LocalDate replyDue() { return replyDue; }
    LocalDate coViewsDue() { return coViewsDue; }
    boolean replyReminded() { return replyReminded; }
    boolean replyEscalated() { return replyEscalated; }
    boolean coViewsReminded() { return coViewsReminded; }
    boolean coViewsEscalated() { return coViewsEscalated; }
    LocalDate extendedFrom() { return extendedFrom; }
    String extensionReason() { return extensionReason; }
    LocalDate deputiesToldOn() { return deputiesToldOn; }
    ReplyCategory category() { return category; }
    int replyCount() { return replyCount; }
    Instant firstRepliedAt() { return firstRepliedAt; }
    Boolean firstReplyOnTime() { return firstReplyOnTime; }
    Instant lastRepliedAt() { return lastRepliedAt; }
    Satisfaction satisfaction() { return satisfaction; }
    int rehandlings() { return rehandlings; }
    Instant closedAt() { return closedAt; }
    UUID supervisionTaskId() { return supervisionTaskId; }
    LocalDate supervisionCompletedOn() { return supervisionCompletedOn; }
    String sourceId() { return sourceId; }
    UUID mergedInto() { return mergedInto; }
    String createdBy() { return createdBy; }
    List<SuggestionTransition> transitions() { return List.copyOf(transitions); }
    List<SuggestionReply> replies() { return List.copyOf(replies); }
}
