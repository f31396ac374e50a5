package org.zhenwu.document.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.zhenwu.document.incoming.IncomingDocumentService;
import org.zhenwu.document.outgoing.OutgoingDocumentService;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Clearance;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.test.LoadRun;
import org.zhenwu.platform.test.TestInfrastructure;

/**
 * The plans of the 收文 and 发文 lists' two statements (capped count, first page) on a town of 20,000 documents of
 * each (the inbox benchmark's mix: 80% unclassified, each handed to one of 20 departments, one in twenty also to the
 * leader), in a schema of its own migrated by the service's Flyway scripts, so that the optimizer sees realistic
 * statistics. Intended: the town's index walked in page order (no filesort), index-only for the count, and the need
 * check a dependent probe of {@code document_need}'s primary key, never the caller's need rows materialised
 * ({@link DocumentAccess#visibleSql}). Each statement also returns what a plainly written form of the rule returns.
 */
class InboxPlansTest {
    static final String TOWN = "440606104";
    static final String OTHER_TOWN = "440606105";
    static final String LEADER = "plan-leader";
    static final int DOCUMENTS = 20_000;

    static String schema;
    static SingleConnectionDataSource dataSource;
    static JdbcClient jdbc;

    @BeforeAll
    static void townWithTwentyThousandDocuments() {
        schema = TestInfrastructure.freshSchema();
        dataSource = new SingleConnectionDataSource(TestInfrastructure.jdbcUrl(schema), TestInfrastructure.DB_USER,
                TestInfrastructure.DB_PASSWORD, true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/platform")
                .load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE plan_digit (d INT PRIMARY KEY)").update();
        jdbc.sql("INSERT INTO plan_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)").update();
        String numbers = """
                (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n
                 FROM plan_digit a, plan_digit b, plan_digit c, plan_digit e, plan_digit f) numbers
                WHERE n < %d""".formatted(DOCUMENTS + DOCUMENTS / 10);
        String town = "IF(n < %d, '%s', '%s')".formatted(DOCUMENTS, TOWN, OTHER_TOWN);
        String level = "CASE n MOD 10 WHEN 0 THEN 'SECRET' WHEN 1 THEN 'CONFIDENTIAL' ELSE 'NONE' END";
        jdbc.sql("""
                INSERT INTO incoming_document (id, town_code, kind, status, document_type, secrecy_level, urgency, title,
                    channel, sender, received_at, received_by, received_copies, version)
                SELECT UUID(), %s, 'DOCUMENT', 'REGISTERED', 'NOTICE', %s, 'NORMAL', CONCAT('收文', n), 'PAPER',
                    '顺德区人民政府办公室', TIMESTAMP('2024-01-01 08:00:00') + INTERVAL (n * 600) SECOND, 'plan', 1, 0
                FROM %s""".formatted(town, level, numbers)).update();
        jdbc.sql("""
                INSERT INTO outgoing_document (id, town_code, kind, status, document_type, secrecy_level, urgency, title,
                    drafter, created_at, version)
                SELECT UUID(), %s, 'DOCUMENT', 'DRAFT', 'NOTICE', %s, 'NORMAL', CONCAT('发文', n), 'plan',
                    TIMESTAMP('2024-01-01 08:00:00') + INTERVAL (n * 600) SECOND, 0
                FROM %s""".formatted(town, level, numbers)).update();
        for (String table : List.of("incoming_document", "outgoing_document")) {
            jdbc.sql("INSERT INTO document_need (document_id, kind, principal) SELECT id, 'D', CONCAT('部门', CRC32(id) MOD 20) FROM "
                    + table).update();
            jdbc.sql("INSERT INTO document_need (document_id, kind, principal) SELECT id, 'U', ? FROM " + table
                    + " WHERE CRC32(id) MOD 20 = 7").param(LEADER).update();
        }
        jdbc.sql("ANALYZE TABLE incoming_document, outgoing_document, document_need").query().listOfRows();
    }

    @AfterAll
    static void dropSchema() {
        if (dataSource != null) {
            dataSource.destroy();
        }
        if (schema != null) {
            LoadRun.dropSchema(schema);
        }
    }

    static final Caller LEADER_CALLER = new Caller(LEADER, "镇长", Set.of(Roles.TOWN_LEADER), TOWN, "镇领导班子",
            Clearance.CONFIDENTIAL);
    static final Caller HANDLER = new Caller("plan-handler", "经办人", Set.of(Roles.DEPARTMENT_HANDLER), TOWN, "部门3",
            Clearance.NONE);
    static final Caller CLEARED_HANDLER = new Caller("plan-cleared", "保密员", Set.of(Roles.DEPARTMENT_HANDLER), TOWN,
            "部门5", Clearance.SECRET);

    @Test
    void the_inbox_walks_the_town_index_in_page_order_and_probes_the_need_of_each_candidate_row() {
        for (Caller caller : List.of(LEADER_CALLER, HANDLER, CLEARED_HANDLER)) {
            checkList(caller, IncomingDocumentService::listCountSql, IncomingDocumentService::listPageSql,
                    "incoming_document", "ix_incoming_town_received", "received_at");
        }
    }

    @Test
    void the_outgoing_list_does_the_same_on_its_own_index() {
        for (Caller caller : List.of(LEADER_CALLER, HANDLER, CLEARED_HANDLER)) {
            checkList(caller, OutgoingDocumentService::listCountSql, OutgoingDocumentService::listPageSql,
                    "outgoing_document", "ix_outgoing_town_created", "created_at");
        }
    }

    private static void checkList(Caller caller, UnaryOperator<String> countSql, UnaryOperator<String> pageSql,
                                  String table, String townIndex, String newest) {
        String where = "d.town_code IN (:towns) AND " + DocumentAccess.visibleSql("d");
        Map<String, Object> params = new HashMap<>(DocumentAccess.visibleParams(caller));
        params.put("towns", List.of(TOWN));
        params.put("countCap", DocumentAccess.COUNT_CAP + 1);
        params.put("limit", 20);
        params.put("offset", 0);
        String who = caller.subject() + " on " + table;

        List<Map<String, Object>> count = explain(countSql.apply(where), params);
        assertThat(row(count, "d")).as(who + " count: the town index alone, no row lookup: " + count)
                .containsEntry("key", townIndex)
                .hasEntrySatisfying("Extra", e -> assertThat(((String) e).split("; ")).contains("Using index"));
        assertNeedIsProbed(who + " count", count);

        List<Map<String, Object>> page = explain(pageSql.apply(where), params);
        assertThat(row(page, "d")).as(who + " page: the town index in page order: " + page)
                .containsEntry("key", townIndex);
        assertNeedIsProbed(who + " page", page);

        // the same rows as the rule written plainly (the need as a semi-join the optimizer may materialise)
        String plainly = "d.town_code IN (:towns) AND d.secrecy_level IN (:readableLevels) AND ("
                + "(:seesAllOpen AND d.secrecy_level = 'NONE') OR d.id IN (SELECT n.document_id FROM document_need n "
                + "WHERE (n.kind = 'U' AND n.principal = :needSubject) OR (n.kind = 'D' AND n.principal = :needDepartment)))";
        assertThat(jdbc.sql(countSql.apply(where)).params(params).query(Long.class).single()).as(who + " count")
                .isEqualTo(jdbc.sql(countSql.apply(plainly)).params(params).query(Long.class).single())
                .isPositive();
        assertThat(ids(pageSql.apply(where), params)).as(who + " page").hasSize(20)
                .isEqualTo(ids("SELECT d.id FROM " + table + " d WHERE " + plainly + " ORDER BY d." + newest
                        + " DESC, d.id DESC LIMIT :limit OFFSET :offset", params));
    }

    private static void assertNeedIsProbed(String what, List<Map<String, Object>> plan) {
        assertThat(plan).as(what + ": no filesort, nothing materialised: " + plan)
                .noneSatisfy(r -> assertThat(String.valueOf(r.get("Extra"))).contains("filesort"))
                .noneSatisfy(r -> assertThat(String.valueOf(r.get("select_type"))).contains("MATERIALIZED"));
        assertThat(row(plan, "n")).as(what + ": the need, one probe per candidate row: " + plan)
                .containsEntry("select_type", "DEPENDENT SUBQUERY")
                .containsEntry("key", "PRIMARY");
    }

    private static List<Map<String, Object>> explain(String sql, Map<String, Object> params) {
        return jdbc.sql("EXPLAIN " + sql).params(params).query().listOfRows();
    }

    private static Map<String, Object> row(List<Map<String, Object>> plan, String table) {
        return plan.stream().filter(r -> table.equals(r.get("table"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + table + " in " + plan));
    }

    private static List<String> ids(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query().listOfRows().stream().map(r -> (String) r.get("id")).toList();
    }
}
