package org.zhenwu.servicehall.application;

import static org.zhenwu.platform.importing.Columns.name;
import static org.zhenwu.platform.importing.Columns.text;
import static org.zhenwu.platform.importing.Columns.time;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.importing.BatchInsert;

/**
 * New applications of an import written as rows: a few multi-row inserts per file instead of a {@code merge}, an
 * insert per application and one per trail line (their ids are {@code AUTO_INCREMENT}, which Hibernate never
 * batches). The applications were built by {@link Application#receive} and their state machine, every rule checked;
 * the columns here are the entity's mapping ({@code ApplicationImportTest} reads applications back and moves them on).
 */
final class ApplicationRows {
    private ApplicationRows() {
    }

    static void insert(JdbcClient jdbc, List<Application> applications) {
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> materials = new ArrayList<>();
        List<List<Object>> transitions = new ArrayList<>();
        for (Application a : applications) {
            String id = a.id().toString();
            rows.add(Arrays.asList(id, a.townCode(), a.applicationNumber(), text(a.matterId()), a.matterVersion(),
                    a.matterCode(), a.matterName(), a.department(), a.legalLimitDays(), a.promisedLimitDays(), a.feeFen(),
                    a.channel().name(), text(a.kioskId()), text(a.ticketId()), a.applicantName(),
                    a.applicantIdNumber(), a.applicantPhone(), a.status().name(), time(a.receivedAt()), a.receivedBy(),
                    time(a.noticeIssuedAt()), time(a.acceptedAt()), a.acceptedOn(), a.dueDate(), a.legalDueDate(),
                    time(a.decidedAt()), a.decidedBy(), name(a.outcome()), a.opinion(), a.legalBasis(),
                    time(a.completedAt()), a.completedOn(), a.workingDays(), a.onTime(), time(a.deliveredAt()),
                    name(a.deliveryMethod()), a.trackingNumber(), a.warningLevel().name(), a.sourceId(), 0L));
            List<MaterialCheck> checks = a.materials();
            for (int i = 0; i < checks.size(); i++) {
                materials.add(Arrays.asList(id, i, checks.get(i).material(), checks.get(i).provided()));
            }
            for (ApplicationTransition t : a.transitions()) {
                transitions.add(Arrays.asList(id, name(t.fromStatus()), t.toStatus().name(), t.actor(), t.note(),
                        time(t.at())));
            }
        }
        BatchInsert.into(jdbc, "application", List.of("id", "town_code", "application_number", "matter_id",
                "matter_version", "matter_code", "matter_name", "department", "legal_limit_days", "promised_limit_days",
                "fee_fen", "channel", "kiosk_id", "ticket_id", "applicant_name", "applicant_id_number", "applicant_phone",
                "status", "received_at", "received_by", "notice_issued_at", "accepted_at", "accepted_on", "due_date",
                "legal_due_date", "decided_at", "decided_by", "outcome", "opinion", "legal_basis", "completed_at",
                "completed_on", "working_days", "on_time", "delivered_at", "delivery_method", "tracking_number",
                "warning_level", "source_id", "version"), rows);
        BatchInsert.into(jdbc, "application_material", List.of("application_id", "list_index", "material", "provided"),
                materials);
        BatchInsert.into(jdbc, "application_transition", List.of("application_id", "from_status", "to_status", "actor",
                "note", "at"), transitions);
    }
}
