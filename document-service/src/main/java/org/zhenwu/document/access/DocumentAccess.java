package org.zhenwu.document.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.platform.importing.BatchInsert;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;

/**
 * Who may read a document, and the log of every read of a classified one.
 * <ul>
 * <li>Unclassified: the office, leaders and the district read every document of their towns; a department's
 *     handlers only those they have a need for.</li>
 * <li>Classified (秘密/机密/绝密): a clearance that covers the level AND a need (assigned, acted on it, handed to
 *     their department, circulated to them), whatever the role.</li>
 * </ul>
 * A refused read of a classified document is logged too ({@link #logRefused}).
 * Lists apply the same rule in SQL ({@link #visibleSql}), so a title nobody may read is never listed, nor counted.
 * Needs are copied into {@code document_need} from the aggregate after each change (who once acted on a document or
 * held a copy keeps the need to account for it; a department that declined it loses it).
 */
@Service
public class DocumentAccess {
    /**
     * Lists count what the caller may see up to this many rows: counting every visible row of a busy town checks each
     * one's clearance and need to know, and nobody pages that far (25 pages of 20). A {@code total} above the cap is
     * reported as the cap with {@code totalExact=false}, shown as "500+" as OA inboxes do; the year's exact numbers are
     * in {@code /api/documents/stats}. At 5,000 the count was most of a leader's first page: p99 0.6 s with 100k
     * documents on a quiet machine ({@code docs/benchmarks/inbox.md}).
     */
    public static final int COUNT_CAP = 500;
    private static final String[] SEE_ALL_OPEN = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};

    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentAccess(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Town scope is the caller's business (Jurisdictions); this decides clearance and need. */
    public boolean mayRead(Caller caller, SecrecyLevel level, Need need) {
        if (!caller.clearance().covers(level.requiredClearance())) {
            return false;
        }
        boolean needed = need.people().contains(caller.subject())
                || caller.department() != null && need.departments().contains(caller.department());
        return needed || !level.classified() && caller.hasAnyRole(SEE_ALL_OPEN);
    }

    /**
     * The needs of documents created in this transaction (an import's): multi-row inserts, without first reading and
     * deleting what a new document cannot have yet.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordNeedsOfNew(Map<UUID, Need> needs) {
        List<List<Object>> rows = new ArrayList<>();
        needs.forEach((documentId, need) -> {
            need.people().forEach(p -> rows.add(List.of(documentId.toString(), "U", p)));
            need.departments().forEach(d -> rows.add(List.of(documentId.toString(), "D", d)));
        });
        BatchInsert.into(jdbc, "document_need", List.of("document_id", "kind", "principal"), rows);
    }

    /** Keeps the list index of needs in step with the aggregate; runs in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordNeed(UUID documentId, Need need) {
        List<Object[]> rows = new ArrayList<>();
        need.people().forEach(p -> rows.add(new Object[] {documentId.toString(), "U", p}));
        need.departments().forEach(d -> rows.add(new Object[] {documentId.toString(), "D", d}));
        List<String> current = jdbc.sql("SELECT CONCAT(kind, ':', principal) FROM document_need WHERE document_id = ?")
                .param(documentId.toString()).query(String.class).list();
        List<String> wanted = rows.stream().map(r -> r[1] + ":" + r[2]).toList();
        if (current.size() == wanted.size() && current.containsAll(wanted)) {
            return;
        }
        jdbc.sql("DELETE FROM document_need WHERE document_id = ?").param(documentId.toString()).update();
        for (Object[] row : rows) {
            jdbc.sql("INSERT INTO document_need (document_id, kind, principal) VALUES (?, ?, ?)").params(row).update();
        }
    }

    /**
     * The visibility rule as a SQL condition on a document table aliased {@code alias} (columns {@code id},
     * {@code secrecy_level}); bind {@link #visibleParams}. Evaluated left to right for each candidate row: the
     * clearance, then an unclassified document for the roles that see all of them, and only then the need.
     * <p>
     * The need is a correlated probe of {@code document_need}'s primary key {@code (document_id, kind, principal)}
     * for this row alone: the few need rows of one document, index-only. It is written as a scalar
     * {@code (SELECT COUNT(*) …) > 0} on purpose: MariaDB turns an {@code EXISTS} into an {@code IN} (optimizer switch
     * {@code exists_to_in}) and then materialises the caller's every need row (a leader's 5–10k, from
     * {@code ix_document_need_principal}) in each statement, although a first page examines a few hundred rows. A
     * scalar subquery stays a {@code DEPENDENT SUBQUERY} in MariaDB and MySQL alike. {@code InboxPlansTest} checks
     * the plans; {@code docs/benchmarks/inbox.md} has the figures.
     */
    public static String visibleSql(String alias) {
        return "(" + alias + ".secrecy_level IN (:readableLevels) AND ((:seesAllOpen AND " + alias + ".secrecy_level = 'NONE') "
                + "OR (SELECT COUNT(*) FROM document_need n WHERE n.document_id = " + alias + ".id "
                + "AND ((n.kind = 'U' AND n.principal = :needSubject) OR (n.kind = 'D' AND n.principal = :needDepartment))) > 0))";
    }

    public static Map<String, Object> visibleParams(Caller caller) {
        return Map.of("readableLevels", SecrecyLevel.readableWith(caller.clearance()),
                "seesAllOpen", caller.hasAnyRole(SEE_ALL_OPEN),
                "needSubject", caller.subject(),
                "needDepartment", caller.department() == null ? "" : caller.department());
    }

    /** Appends one line to the read log when the document is classified. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void logRead(Caller caller, UUID documentId, SecrecyLevel level, ReadAction action, String detail, ReadContext context) {
        if (!level.classified()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO classified_read_log (document_id, secrecy_level, reader, reader_name, reader_department,
                                                 action, detail, ip, correlation_id, read_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(documentId.toString(), level.name(), caller.subject(), caller.name(), caller.department(),
                        action.name(), detail, context.ip(), context.correlationId(), Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Appends a {@link ReadAction#REFUSED} line when the document the caller was refused (404) is a classified
     * 收文 or 发文; nothing for an unclassified or unknown id. It commits on its own: the refusal rolls the
     * reading transaction back. The caller learns nothing from it: the answer is the same 404 either way.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void logRefused(Caller caller, UUID documentId, ReadAction attempted, String detail, ReadContext context) {
        List<String> levels = jdbc.sql("""
                SELECT secrecy_level FROM incoming_document WHERE id = :id
                UNION ALL SELECT secrecy_level FROM outgoing_document WHERE id = :id""")
                .param("id", documentId.toString()).query(String.class).list();
        if (levels.isEmpty() || !SecrecyLevel.valueOf(levels.get(0)).classified()) {
            return;
        }
        String tried = attempted.name() + (detail == null ? "" : " " + detail);
        jdbc.sql("""
                INSERT INTO classified_read_log (document_id, secrecy_level, reader, reader_name, reader_department,
                                                 action, detail, ip, correlation_id, read_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(documentId.toString(), levels.get(0), caller.subject(), caller.name(), caller.department(),
                        ReadAction.REFUSED.name(), tried.length() > 300 ? tried.substring(0, 300) : tried,
                        context.ip(), context.correlationId(), Timestamp.from(clock.instant()))
                .update();
    }

    @Transactional(readOnly = true)
    public List<ReadLogEntry> readLog(UUID documentId) {
        return jdbc.sql("""
                SELECT id, document_id, secrecy_level, reader, reader_name, reader_department, action, detail, ip,
                       correlation_id, read_at
                FROM classified_read_log WHERE document_id = ? ORDER BY id""")
                .param(documentId.toString())
                .query((rs, i) -> new ReadLogEntry(rs.getLong("id"), UUID.fromString(rs.getString("document_id")),
                        SecrecyLevel.valueOf(rs.getString("secrecy_level")), rs.getString("reader"),
                        rs.getString("reader_name"), rs.getString("reader_department"),
                        ReadAction.valueOf(rs.getString("action")), rs.getString("detail"), rs.getString("ip"),
                        rs.getString("correlation_id"), rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    public record ReadLogEntry(long id, UUID documentId, SecrecyLevel secrecyLevel, String reader, String readerName,
                               String readerDepartment, ReadAction action, String detail, String ip,
                               String correlationId, Instant at) {
    }
}
