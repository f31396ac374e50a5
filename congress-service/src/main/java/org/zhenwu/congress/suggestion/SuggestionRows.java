package org.zhenwu.congress.suggestion;

import static org.zhenwu.platform.importing.Columns.name;
import static org.zhenwu.platform.importing.Columns.text;
import static org.zhenwu.platform.importing.Columns.time;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.importing.BatchInsert;

/**
 * New suggestions of an import written as rows: a few multi-row inserts per file (suggestions, deputies, co-units,
 * trail lines, replies) instead of a statement per suggestion, per deputy and co-unit, and per trail line and reply
 * (their ids are {@code AUTO_INCREMENT}, which Hibernate never batches). The suggestions were built by
 * {@link Suggestion#imported} and their state machine, every rule checked; the columns here are the entities'
 * mapping ({@code SuggestionImportTest} reads suggestions back and moves them on).
 */
final class SuggestionRows {
    private SuggestionRows() {
    }

    static void insert(JdbcClient jdbc, List<Suggestion> suggestions) {
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> deputies = new ArrayList<>();
        List<List<Object>> coUnits = new ArrayList<>();
        List<List<Object>> transitions = new ArrayList<>();
        List<List<Object>> replies = new ArrayList<>();
        for (Suggestion s : suggestions) {
            String id = s.id().toString();
            rows.add(Arrays.asList(id, s.townCode(), s.kind().name(), name(s.proposerType()), s.proposerGroup(),
                    s.session(), s.title(), s.content(), time(s.submittedAt()), s.status().name(),
                    s.registrationNumber(), time(s.registeredAt()), s.leadUnit(), time(s.assignedAt()), s.replyDue(),
                    s.coViewsDue(), s.coViewsReminded(), s.coViewsEscalated(), s.replyReminded(), s.replyEscalated(),
                    s.extendedFrom(), s.extensionReason(), s.deputiesToldOn(), name(s.category()), s.replyCount(),
                    time(s.firstRepliedAt()), s.firstReplyOnTime(), time(s.lastRepliedAt()), name(s.satisfaction()),
                    s.rehandlings(), time(s.closedAt()), text(s.supervisionTaskId()), s.supervisionCompletedOn(),
                    s.sourceId(), text(s.mergedInto()), s.createdBy(), 0L));
            List<String> names = s.deputies();
            for (int i = 0; i < names.size(); i++) {
                deputies.add(Arrays.asList(id, i, names.get(i)));
            }
            List<CoUnit> units = s.coUnitViews();
            for (int i = 0; i < units.size(); i++) {
                CoUnit c = units.get(i);
                coUnits.add(Arrays.asList(id, i, c.unit(), c.view(), time(c.viewedAt()), c.viewedBy()));
            }
            for (SuggestionTransition t : s.transitions()) {
                transitions.add(Arrays.asList(id, name(t.fromStatus()), t.toStatus().name(), t.actor(), t.note(),
                        time(t.at())));
            }
            for (SuggestionReply r : s.replies()) {
                replies.add(Arrays.asList(id, r.round(), r.stage().name(), name(r.category()), r.unit(), r.content(),
                        r.repliedBy(), time(r.repliedAt()), r.due(), r.onTime(), name(r.satisfaction()),
                        r.feedbackNote(), r.feedbackBy(), time(r.feedbackAt())));
            }
        }
        BatchInsert.into(jdbc, "suggestion", List.of("id", "town_code", "kind", "proposer_type", "proposer_group",
                "session", "title", "content", "submitted_at", "status", "registration_number", "registered_at",
                "lead_unit", "assigned_at", "reply_due", "co_views_due", "co_views_reminded", "co_views_escalated",
                "reply_reminded", "reply_escalated", "extended_from", "extension_reason", "deputies_told_on", "category",
                "reply_count", "first_replied_at", "first_reply_on_time", "last_replied_at", "satisfaction",
                "rehandlings", "closed_at", "supervision_task_id", "supervision_completed_on", "source_id",
                "merged_into", "created_by", "version"), rows);
        BatchInsert.into(jdbc, "suggestion_deputy", List.of("suggestion_id", "list_index", "deputy_name"), deputies);
        BatchInsert.into(jdbc, "suggestion_co_unit", List.of("suggestion_id", "list_index", "unit", "view_text",
                "viewed_at", "viewed_by"), coUnits);
        BatchInsert.into(jdbc, "suggestion_transition", List.of("suggestion_id", "from_status", "to_status", "actor",
                "note", "at"), transitions);
        BatchInsert.into(jdbc, "suggestion_reply", List.of("suggestion_id", "round", "stage", "category", "unit",
                "content", "replied_by", "replied_at", "due", "on_time", "satisfaction", "feedback_note", "feedback_by",
                "feedback_at"), replies);
    }
}
