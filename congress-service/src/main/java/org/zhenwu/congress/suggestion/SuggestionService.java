package org.zhenwu.congress.suggestion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntSupplier;


import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.congress.v1.CongressTopics;
import org.zhenwu.contracts.congress.v1.SuggestionAssigned;
import org.zhenwu.contracts.congress.v1.SuggestionClosed;
import org.zhenwu.contracts.congress.v1.SuggestionEscalated;
import org.zhenwu.contracts.congress.v1.SuggestionExtended;
import org.zhenwu.contracts.congress.v1.SuggestionFeedbackGiven;
import org.zhenwu.contracts.congress.v1.SuggestionReplied;
import org.zhenwu.contracts.congress.v1.SuggestionSubmitted;
import org.zhenwu.contracts.congress.v1.SuggestionsMerged;
import org.zhenwu.contracts.document.v1.SupervisionCompleted;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.KnownSourceIds;
import org.zhenwu.platform.importing.NumberBlocks;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.inbox.Inbox;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * The suggestions feature's public API. Every method checks the caller's town; writes also the role: the congress
 * office runs the loop, a unit's handlers answer for their own unit (the lead unit replies, a co-unit gives views).
 */
@Service
public class SuggestionService {
    static final String CONSUMER = "congress-service";
    private static final String[] STAFF = {Roles.CONGRESS_STAFF, Roles.DISTRICT_ADMIN};

    private final SuggestionRepository suggestions;
    private final SuggestionDeadlines deadlines;
    private final Jurisdictions jurisdictions;
    private final WorkingDayCalendar calendar;
    private final SuggestionProperties limits;
    private final Outbox outbox;
    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    SuggestionService(SuggestionRepository suggestions, SuggestionDeadlines deadlines, Jurisdictions jurisdictions,
                      WorkingDayCalendar calendar, SuggestionProperties limits, Outbox outbox, Inbox inbox, JdbcClient jdbc,
                      Clock clock) {
        this.suggestions = suggestions;
        this.deadlines = deadlines;
        this.jurisdictions = jurisdictions;
        this.calendar = calendar;
        this.limits = limits;
        this.outbox = outbox;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- the congress office ------------------------------------------------------------------------------------

    @Transactional
    Suggestion submit(Caller caller, String town, Suggestion.Submission submission) {
        caller.requireAnyRole(STAFF);
        String townCode = jurisdictions.townForWrite(caller, town);
        Suggestion suggestion = Suggestion.submit(UUID.randomUUID(), townCode, submission, limits.motionMinDeputies(),
                caller.subject(), clock.instant());
        suggestions.save(suggestion);
        publish(suggestion);
        return suggestion;
    }

    /** A suggestion drawn from a public opinion (民意转建议) by the deputies who take it up. */
    @Transactional
    public UUID submitFor(Caller caller, String town, String session, String title, String content, List<String> deputies) {
        Instant now = clock.instant();
        return submit(caller, town, new Suggestion.Submission(session, title, content, deputies, now)).id();
    }

    @Transactional
    Suggestion register(Caller caller, UUID id) {
        Suggestion suggestion = forStaff(caller, id);
        suggestion.register(() -> nextNumber(suggestion.townCode(), suggestion.session(), suggestion.kind()),
                caller.subject(), clock.instant());
        return saved(suggestion);
    }

    /** 交办; the suggestions merged into this one (并案) go to the same units in the same transaction. */
    @Transactional
    Suggestion assign(Caller caller, UUID id, String leadUnit, List<String> coUnits) {
        Suggestion suggestion = forStaff(caller, id);
        Instant now = clock.instant();
        suggestion.assign(leadUnit, coUnits, limits.replyMonths(), limits.coViewMonths(), caller.subject(), now);
        for (Suggestion merged : suggestions.findByMergedIntoOrderByRegistrationNumberAscIdAsc(id)) {
            merged.assignWith(suggestion, limits.replyMonths(), limits.coViewMonths(), caller.subject(), now);
            saved(merged);
        }
        return saved(suggestion);
    }

    /**
     * 并案: identical suggestions of the same session are put under the handling of the lead one ({@code id}): one
     * 交办, one 督办 task, the same units; each still gets its own reply and feedback and counts on its own.
     */
    @Transactional
    Suggestion merge(Caller caller, UUID id, List<UUID> mergedIds) {
        caller.requireAnyRole(STAFF);
        lockInIdOrder(id, mergedIds);
        Suggestion lead = find(caller, id);
        if (new java.util.HashSet<>(mergedIds).size() != mergedIds.size()) {
            throw new org.zhenwu.platform.web.InvalidFieldException("suggestionIds", "names a suggestion more than once");
        }
        Instant now = clock.instant();
        List<Suggestion> merged = new java.util.ArrayList<>();
        for (UUID mergedId : mergedIds) {
            if (mergedId.equals(id)) {
                throw new org.zhenwu.platform.web.InvalidFieldException("suggestionIds", "a suggestion is not merged with itself");
            }
            Suggestion other = suggestions.findByIdAndTownCodeIn(mergedId, List.of(lead.townCode())).orElseThrow(() ->
                    new org.zhenwu.platform.web.InvalidFieldException("suggestionIds",
                            "no suggestion " + mergedId + " in town " + lead.townCode()));
            if (suggestions.existsByMergedInto(mergedId)) {
                throw new SuggestionRuleViolation("already-merged", other.status(), mergedId
                        + " leads a merger itself; merge into it instead");
            }
            other.mergeInto(lead, limits.replyMonths(), limits.coViewMonths(), caller.subject(), now);
            merged.add(other);
        }
        lead.leadMerger(merged, caller.subject(), now);
        merged.forEach(this::saved);
        return saved(lead);
    }

    /**
     * Two officers merging the same suggestion at once: the second waits for the first and then finds it merged (409).
     * All rows are locked in one statement in id order, so crossing mergers wait for each other instead of deadlocking.
     */
    private void lockInIdOrder(UUID id, List<UUID> others) {
        List<String> ids = java.util.stream.Stream.concat(java.util.stream.Stream.of(id), others.stream())
                .map(UUID::toString).sorted().distinct().toList();
        jdbc.sql("SELECT id FROM suggestion WHERE id IN (:ids) ORDER BY id FOR UPDATE").param("ids", ids)
                .query(String.class).list();
    }

    /** The ids of the suggestions handled with this one (并案), by number. */
    @Transactional(readOnly = true)
    List<UUID> mergedWith(UUID id) {
        return suggestions.findByMergedIntoOrderByRegistrationNumberAscIdAsc(id).stream().map(Suggestion::id).toList();
    }

    /** 延期 of the first reply, with the deputies told. */
    @Transactional
    Suggestion extend(Caller caller, UUID id, LocalDate replyDue, String reason, LocalDate deputiesToldOn) {
        Suggestion suggestion = forStaff(caller, id);
        suggestion.extend(replyDue, reason, deputiesToldOn, limits.maxReplyMonths(), caller.subject(), clock.instant());
        return saved(suggestion);
    }

    /** The deputies' 征询意见表, entered by the congress office. */
    @Transactional
    Suggestion feedback(Caller caller, UUID id, Satisfaction satisfaction, String note) {
        Suggestion suggestion = forStaff(caller, id);
        suggestion.feedback(satisfaction, note, limits.rehandleMonths(), limits.maxRehandlings(), caller.subject(),
                clock.instant());
        return saved(suggestion);
    }

    /**
     * Brings in past suggestions: every row's history is replayed through the loop with its own times, numbered
     * like a live one, and its replies and feedback announced so the figures elsewhere count them (its assignment is
     * not: that would open a 督办 task for a finished matter). All or nothing; rows whose source id this town already
     * has are skipped, so a file can be sent again.
     * <p>
     * Per file, not per suggestion: one query for the known source ids, a block of registration numbers per session
     * and kind ({@link NumberBlocks}), the rows in multi-row inserts ({@link SuggestionRows}) and the events in the
     * outbox's multi-row inserts. Nothing is written until every row has replayed.
     */
    @Transactional
    public ImportResult importHistory(Caller caller, String town, List<SuggestionImportFile.Row> rows) {
        caller.requireAnyRole(STAFF);
        String townCode = jurisdictions.townForWrite(caller, town);
        Set<String> known = KnownSourceIds.of(rows.stream().map(SuggestionImportFile.Row::sourceId).toList(),
                ids -> suggestions.knownSourceIds(townCode, ids));
        List<SuggestionImportFile.Row> fresh = rows.stream().filter(row -> known.add(row.sourceId())).toList();
        if (fresh.isEmpty()) {
            return new ImportResult(0, rows.size());
        }
        // a block of registration numbers per session and kind, for the rows that get as far as 登记
        Map<List<Object>, Integer> counts = new TreeMap<>(Comparator.comparing(List::toString));
        fresh.stream().filter(row -> row.status() != SuggestionStatus.SUBMITTED).forEach(row -> counts.merge(
                List.of(townCode, row.submission().session(), row.submission().kind().name()), 1, Integer::sum));
        Map<List<Object>, Long> next = new java.util.HashMap<>(NumberBlocks.reserve(jdbc, "suggestion_counter",
                List.of("town_code", "session", "kind"), "last_seq", counts));
        String actor = "import:" + caller.subject();
        List<RowError> errors = new java.util.ArrayList<>();
        List<Suggestion> imported = new java.util.ArrayList<>(fresh.size());
        for (SuggestionImportFile.Row row : fresh) {
            try {
                Suggestion s = replay(townCode, row, actor, () -> Math.toIntExact(
                        next.merge(List.of(townCode, row.submission().session(), row.submission().kind().name()), 1L,
                                Long::sum) - 1));
                if (s.status() != row.status()) {
                    throw new IllegalStateException("its history leads to " + s.status() + ", not " + row.status());
                }
                imported.add(s);
            } catch (RuntimeException e) {
                String field = e instanceof org.zhenwu.platform.web.InvalidFieldException f ? f.field() : "status";
                errors.add(new RowError(row.line(), field, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        SuggestionRows.insert(jdbc, imported);
        imported.forEach(this::publish);
        return new ImportResult(imported.size(), rows.size() - fresh.size());
    }

    private Suggestion replay(String town, SuggestionImportFile.Row row, String actor, IntSupplier numbers) {
        Suggestion s = Suggestion.imported(UUID.randomUUID(), town, row.sourceId(), row.submission(), actor);
        SuggestionStatus target = row.status();
        if (target == SuggestionStatus.SUBMITTED) {
            return s;
        }
        Instant registered = row.registeredAt() != null ? row.registeredAt() : row.submission().submittedAt();
        s.register(numbers, actor, registered);
        if (target == SuggestionStatus.REGISTERED) {
            return s;
        }
        Instant assigned = row.assignedAt() != null ? row.assignedAt() : registered;
        s.assign(row.leadUnit(), row.coUnits(), limits.replyMonths(), limits.coViewMonths(), actor, assigned);
        if (target == SuggestionStatus.ASSIGNED) {
            return s;
        }
        Instant replied = row.repliedAt() != null ? row.repliedAt() : assigned;
        s.reply(row.category(), row.reply(), actor, replied);
        if (target == SuggestionStatus.REPLIED) {
            return s;
        }
        // the record keeps the final verdict: no re-handling is replayed
        s.feedback(row.satisfaction(), "历史导入", limits.rehandleMonths(), 0, actor,
                row.feedbackAt() != null ? row.feedbackAt() : replied);
        return s;
    }

    public record ImportResult(int imported, int skipped) {
    }

    // ---- the units --------------------------------------------------------------------------------------------

    /** A co-unit's views; its handlers give them for their own unit, the office may enter them for any co-unit. */
    @Transactional
    Suggestion giveCoUnitView(Caller caller, UUID id, String unit, String view) {
        Suggestion suggestion = find(caller, id);
        String forUnit = unitActingFor(caller, unit);
        suggestion.giveCoUnitView(forUnit, view, caller.subject(), clock.instant());
        return saved(suggestion);
    }

    /** 答复 by the lead unit's handlers (or entered by the congress office). */
    @Transactional
    Suggestion reply(Caller caller, UUID id, ReplyCategory category, String text) {
        Suggestion suggestion = find(caller, id);
        String forUnit = unitActingFor(caller, suggestion.leadUnit());
        if (!Objects.equals(forUnit, suggestion.leadUnit())) {
            throw new ForbiddenException("Only the lead unit " + suggestion.leadUnit() + " replies to this suggestion");
        }
        suggestion.reply(category, text, caller.subject(), clock.instant());
        return saved(suggestion);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    Suggestion get(Caller caller, UUID id) {
        Suggestion suggestion = find(caller, id);
        suggestion.transitions().size(); // the audit trail and the replies are shown with the suggestion
        suggestion.replies().size();
        return suggestion;
    }

    @Transactional(readOnly = true)
    Page<Suggestion> list(Caller caller, String town, String session, SuggestionStatus status, SuggestionKind kind,
                          String unit, int page, int size) {
        var scope = jurisdictions.readScope(caller, town);
        return suggestions.search(scope.codes(), session, status, kind, unit, PageRequest.of(page, size));
    }

    // ---- events and jobs --------------------------------------------------------------------------------------

    /**
     * document-service completed a 督办 task. Only tasks it opened for a suggestion concern us; the suggestion is
     * found by originId within the event's town. Redeliveries and unknown suggestions change nothing.
     */
    @Transactional
    public void onSupervisionCompleted(SupervisionCompleted event) {
        if (!SupervisionCompleted.ORIGIN_CONGRESS_SUGGESTION.equals(event.originType())) {
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        Optional<UUID> id = parse(event.originId());
        if (id.isEmpty()) {
            return;
        }
        suggestions.findByIdAndTownCodeIn(id.get(), List.of(event.jurisdiction())).ifPresent(suggestion -> {
            LocalDate completedOn = event.completedOn() != null ? event.completedOn() : day(event.occurredAt());
            if (suggestion.recordSupervisionCompleted(event.taskId(), completedOn, event.ownerDepartment(),
                    event.evidence(), clock.instant())) {
                saved(suggestion);
            }
            // the lead suggestion's task covers those merged into it (并案)
            for (Suggestion merged : suggestions.findByMergedIntoOrderByRegistrationNumberAscIdAsc(suggestion.id())) {
                if (merged.recordSupervisionCompleted(event.taskId(), completedOn, event.ownerDepartment(),
                        event.evidence(), clock.instant())) {
                    saved(merged);
                }
            }
        });
    }

    /**
     * Reminds units before their deadlines and escalates what is overdue: the lead unit's reply and the co-units'
     * views. Each suggestion is locked for this transaction, so several instances never act on the same one twice.
     */
    @Transactional
    public int checkDeadlines(int batch) {
        Instant now = clock.instant();
        LocalDate today = day(now);
        LocalDate remindUntil = calendar.addWorkingDays(today, limits.remindBeforeDays());
        int acted = 0;
        for (UUID id : deadlines.lockOverdueReplies(today, batch)) {
            acted += act(id, s -> s.escalateReplyIfOverdue(today, now));
        }
        for (UUID id : deadlines.lockRepliesDueSoon(today, remindUntil, batch)) {
            acted += act(id, s -> s.remindReply(today, now));
        }
        for (UUID id : deadlines.lockOverdueCoViews(today, batch)) {
            acted += act(id, s -> s.escalateCoUnitsIfOverdue(today, now));
        }
        for (UUID id : deadlines.lockCoViewsDueSoon(today, remindUntil, batch)) {
            acted += act(id, s -> s.remindCoUnits(today, now));
        }
        return acted;
    }

    private int act(UUID id, java.util.function.Predicate<Suggestion> step) {
        Suggestion suggestion = suggestions.findById(id).orElseThrow();
        if (step.test(suggestion)) {
            saved(suggestion);
            return 1;
        }
        return 0;
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private Suggestion find(Caller caller, UUID id) {
        return suggestions.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Suggestion", id));
    }

    private Suggestion forStaff(Caller caller, UUID id) {
        caller.requireAnyRole(STAFF);
        return find(caller, id);
    }

    /**
     * The unit the caller answers for: a unit's handler always for their own department (naming another is 403),
     * the congress office for the unit it names.
     */
    private static String unitActingFor(Caller caller, String named) {
        if (caller.hasAnyRole(STAFF)) {
            return named;
        }
        caller.requireAnyRole(Roles.DEPARTMENT_HANDLER);
        if (named != null && !named.equals(caller.department())) {
            throw new ForbiddenException("You answer for " + caller.department() + ", not for " + named);
        }
        return caller.department();
    }

    private Suggestion saved(Suggestion suggestion) {
        suggestions.save(suggestion);
        publish(suggestion);
        return suggestion;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LocalDate day(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    /** Gapless per town, session and kind, also under concurrent registration: the counter row is locked until commit. */
    private int nextNumber(String townCode, String session, SuggestionKind kind) {
        jdbc.sql("""
                INSERT INTO suggestion_counter (town_code, session, kind, last_seq) VALUES (?, ?, ?, LAST_INSERT_ID(1))
                ON DUPLICATE KEY UPDATE last_seq = LAST_INSERT_ID(last_seq + 1)""")
                .params(townCode, session, kind.name()).update();
        return jdbc.sql("SELECT LAST_INSERT_ID()").query(Integer.class).single();
    }

    private void publish(Suggestion s) {
        String key = s.id().toString();
        String town = s.townCode();
        int number = s.registrationNumber() == null ? 0 : s.registrationNumber();
        for (SuggestionEvent event : s.pullEvents()) {
            if (event instanceof SuggestionEvent.Assigned a) {
                if (s.kind() == SuggestionKind.PROPOSAL || s.sourceId() != null || s.mergedInto() != null) {
                    continue;
                }
                outbox.append(CongressTopics.SUGGESTION_EVENTS, key, SuggestionAssigned.TYPE,
                        SuggestionAssigned.of(town, s.id(), s.session(), number, s.title(), s.deputies(),
                                a.leadUnit(), s.coUnits(), a.replyDue(), a.occurredAt()));
                continue;
            }
            if (event instanceof SuggestionEvent.Merged m) {
                outbox.append(CongressTopics.SUGGESTION_EVENTS, key, SuggestionsMerged.TYPE,
                        SuggestionsMerged.of(town, s.id(), s.kind().name(), s.session(), number, m.merged(), m.numbers(),
                                s.leadUnit(), m.occurredAt()));
            } else if (event instanceof SuggestionEvent.Submitted u) {
                outbox.append(CongressTopics.SUGGESTION_EVENTS, key, SuggestionSubmitted.TYPE,
                        SuggestionSubmitted.of(town, s.id(), s.kind().name(), s.session(), s.title(), s.submittedAt(),
                                u.occurredAt()));
            } else if (event instanceof SuggestionEvent.Replied r) {
                outbox.append(CongressTopics.SUGGESTION_EVENTS, key, SuggestionReplied.TYPE,
                        SuggestionReplied.of(town, s.id(), s.kind().name(), s.session(), number, s.leadUnit(),
                                r.category().name(), r.stage().name(), r.round(), r.due(), r.repliedOn(), r.onTime(),
                                r.occurredAt()));
            } else if (event instanceof SuggestionEvent.FeedbackGiven f) {
                outbox.append(CongressTopics.SUGGESTION_EVENTS, key, SuggestionFeedbackGiven.TYPE,
                        SuggestionFeedbackGiven.of(town, s.id(), f.round(), f.category().name(), f.satisfaction().name(),
                                f.outcome().name(), f.rehandlingDue(), f.occurredAt()));
            } else if (event instanceof SuggestionEvent.Closed c) {
                outbox.append(CongressTopics.SUGGESTION_EVENTS, key, SuggestionClosed.TYPE,
                        SuggestionClosed.of(town, s.id(), s.kind().name(), s.session(), number, s.leadUnit(),
                                c.category().name(), c.satisfaction().name(), c.firstReplyOnTime(), c.replies(),
                                c.occurredAt()));
            } else if (event instanceof SuggestionEvent.Escalated e) {
                outbox.append(CongressTopics.SUGGESTION_EVENTS, key, SuggestionEscalated.TYPE,
                        SuggestionEscalated.of(town, s.id(), s.session(), number, s.title(), e.overdue(), e.unit(),
                                e.due(), e.occurredAt()));
            } else if (event instanceof SuggestionEvent.Extended x) {
                outbox.append(CongressTopics.SUGGESTION_EVENTS, key, SuggestionExtended.TYPE,
                        SuggestionExtended.of(town, s.id(), s.leadUnit(), x.previousDue(), x.replyDue(), x.reason(),
                                x.deputiesToldOn(), x.occurredAt()));
            }
            // Registered, co-unit views, reminders and supervision stay internal: no consumer needs them.
            // A proposal's assignment is not announced: SuggestionAssigned would open a deputies'-suggestion 督办 task.
            // Nor is a merged suggestion's: its lead suggestion's task covers it (SuggestionsMerged names it).
        }
    }
}
