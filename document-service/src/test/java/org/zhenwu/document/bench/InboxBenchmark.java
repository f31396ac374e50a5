package org.zhenwu.document.bench;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.document.DocumentServiceApplication;
import org.zhenwu.document.access.DocumentAccess;
import org.zhenwu.document.incoming.IncomingDocumentService;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Clearance;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.test.HttpLoad;
import org.zhenwu.platform.test.LoadRun;
import org.zhenwu.platform.test.TestInfrastructure;
import org.zhenwu.platform.test.TestTokens;

/**
 * A leader's 收文 inbox in a town of {@code documents} incoming documents (80% unclassified, 10% 秘密, 10% 机密;
 * each handed to one of 20 departments, one in twenty also to the leader): the first page of 20 with its total,
 * {@code clients} at once. Over HTTP ({@code GET /api/documents/incoming?size=20} with a 机密-cleared leader's JWT)
 * against bare JDBC running the same two statements (the capped count and the page, with the service's own
 * clearance-and-need condition {@link DocumentAccess#visibleSql}); the bare page must list the same documents the
 * service lists. In the same run, as the baseline: "before", the statements as they were until V12 (the need as an
 * {@code EXISTS} that MariaDB materialises) on a copy of the documents with the former index
 * {@code (town_code, received_at)}, bare, with the same clients; and the HTTP page with one client (the latency
 * with no queueing, for a busy machine). Prints and records the EXPLAIN of both statements.
 * Not a test: run with {@code deploy/bench/inbox.sh}.
 */
public final class InboxBenchmark {
    static final String TOWN = "440606104";
    static final String LEADER = "bench-leader";
    static final String LEADER_DEPARTMENT = "镇领导班子";

    public static void main(String[] args) {
        String schema = TestInfrastructure.freshSchema();
        LoadRun.main(schema, () -> run(schema));
    }

    static void run(String schema) throws Exception {
        int clients = Integer.getInteger("clients", 8);
        int documents = Integer.getInteger("documents", 100_000);
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 5));
        Duration measure = Duration.ofSeconds(Long.getLong("seconds", 15));
        Path results = Path.of(System.getProperty("results", "docs/benchmarks/inbox.md"));
        try (ConfigurableApplicationContext app = LoadRun.start(DocumentServiceApplication.class, schema, clients + 4)) {
            int port = LoadRun.port(app);
            seed(schema, documents);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Caller leader = new Caller(LEADER, "镇长", Set.of(Roles.TOWN_LEADER), TOWN, LEADER_DEPARTMENT,
                    Clearance.CONFIDENTIAL);
            Map<String, Object> params = new HashMap<>(DocumentAccess.visibleParams(leader));
            params.put("towns", List.of(TOWN));
            params.put("countCap", DocumentAccess.COUNT_CAP + 1);
            params.put("limit", 20);
            params.put("offset", 0);
            if (!BEFORE_PAGE.contains("incoming_document_before")) {
                throw new IllegalStateException("the former page statement was not derived: " + BEFORE_PAGE);
            }
            String plans = explain(jdbc, COUNT, params) + "; " + explain(jdbc, PAGE, params);
            System.out.println("plans: " + plans);
            System.out.println("before: " + explain(jdbc, BEFORE_COUNT, params) + "; " + explain(jdbc, BEFORE_PAGE, params));

            String token = TestTokens.tokenWith(LEADER, TOWN, LEADER_DEPARTMENT, "CONFIDENTIAL", "TOWN_LEADER");
            HttpRequest firstPage = LoadRun.request(port, "/api/documents/incoming?size=20", token, null);
            String body = LoadRun.send(firstPage).body();
            List<Object> page = ids(jdbc, PAGE, params);
            if (page.size() != 20 || !body.contains(page.get(0).toString()) || !body.contains(page.get(19).toString())
                    || !page.equals(ids(jdbc, BEFORE_PAGE, params))) {
                throw new IllegalStateException("the bare page differs from the service's or the former one: " + page
                        + " vs " + body);
            }
            String load = LoadRun.quietMachine(2.0, Duration.ofMinutes(2));
            LoadRun.Result before = LoadRun.run("before V12, bare JDBC", clients, warmup, measure, i -> () -> {
                jdbc.sql(BEFORE_COUNT).params(params).query(Long.class).single();
                jdbc.sql(BEFORE_PAGE).params(params).query().listOfRows();
                return true;
            });
            LoadRun.Result bare = LoadRun.run("bare JDBC", clients, warmup, measure, i -> () -> {
                jdbc.sql(COUNT).params(params).query(Long.class).single();
                jdbc.sql(PAGE).params(params).query().listOfRows();
                return true;
            });
            HttpLoad.Request page1 = HttpLoad.Request.get("/api/documents/incoming?size=20", token);
            LoadRun.Result http = HttpLoad.fromSecondProcess("service over HTTP", port, clients, warmup, measure,
                    HttpLoad.Mode.REPEAT, List.of(page1), Set.of("200")).result();
            LoadRun.Result single = HttpLoad.fromSecondProcess("service over HTTP, 1 client", port, 1, warmup, measure,
                    HttpLoad.Mode.REPEAT, List.of(page1), Set.of("200")).result();
            LoadRun.appendRow(results, HEADER, TABLE, String.format(
                    "| %s → %s | %,d | %d | %,.0f | %.1f / %.1f | %,.0f | %.1f / %.1f | %.2f | %,.0f | %.1f / %.1f | %.2f"
                            + " | %.1f / %.1f | %s | %s |",
                    LoadRun.when(load), LoadRun.loadAverage(), documents, clients, before.perSecond(), before.p50(),
                    before.p99(), bare.perSecond(), bare.p50(), bare.p99(), bare.perSecond() / before.perSecond(),
                    http.perSecond(), http.p50(), http.p99(), http.perSecond() / bare.perSecond(), single.p50(),
                    single.p99(), http.p99() < 100 ? "yes" : "**no**", plans));
        }
    }

    static final String HEADER = """
            # Leader's inbox, 100k documents in the town (documents, issue #5)

            Command: `deploy/bench/inbox.sh` (defaults: 100,000 incoming documents in one town — 80% unclassified, 10%
            秘密, 10% 机密, each handed to one of 20 departments, one in twenty also to the leader — 8 concurrent
            clients, 5 s warm-up, 15 s measured). The service and the bare clients run in one JVM, the HTTP clients in
            a second one (since 2026-11-27: `HttpLoad`, keep-alive sockets); MariaDB 10.11 at 127.0.0.1; 2 shared cores. Each request is the leader's first page of 20 with its total (capped count +
            page, the clearance-and-need filter in SQL). "Bare JDBC" runs the same two statements through the service's
            JDBC pool; "HTTP" is `GET /api/documents/incoming?size=20` with a 机密-cleared TOWN_LEADER token.
            "Before" runs, bare, the statements as they were until V12 (need as a materialised `EXISTS`) on a copy of the
            documents with the former index `(town_code, received_at)`, in the same run with the same clients. "HTTP 1 client" is the same page with
            one client at a time. Ratios: bare ÷ before and HTTP ÷ bare, requests/s. Latencies in ms (p50 / p99).
            Goal: HTTP p99 < 100 ms. Plans: `table:key` per row of `EXPLAIN` for the count, then the page.
            """;

    static final String TABLE = """
            | when (UTC) | load at start → end | documents | clients | before req/s | before p50 / p99 | bare req/s | bare p50 / p99 | bare ÷ before | HTTP req/s | HTTP p50 / p99 | HTTP ÷ bare | HTTP 1 client p50 / p99 | p99 < 100 ms | plans (count; page) |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
            """;

    static final String WHERE = "d.town_code IN (:towns) AND " + DocumentAccess.visibleSql("d");
    static final String COUNT = IncomingDocumentService.listCountSql(WHERE);
    static final String PAGE = IncomingDocumentService.listPageSql(WHERE);
    /** {@link DocumentAccess#visibleSql} until V12. */
    static final String BEFORE_WHERE = "d.town_code IN (:towns) AND (d.secrecy_level IN (:readableLevels) AND "
            + "((:seesAllOpen AND d.secrecy_level = 'NONE') OR EXISTS (SELECT 1 FROM document_need n WHERE n.document_id = d.id "
            + "AND ((n.kind = 'U' AND n.principal = :needSubject) OR (n.kind = 'D' AND n.principal = :needDepartment)))))";
    static final String BEFORE_COUNT = "SELECT COUNT(*) FROM (SELECT 1 FROM incoming_document_before d WHERE "
            + BEFORE_WHERE + " LIMIT :countCap) c";
    static final String BEFORE_PAGE = PAGE.replace("FROM incoming_document d WHERE " + WHERE,
            "FROM incoming_document_before d WHERE " + BEFORE_WHERE);

    static List<Object> ids(JdbcClient jdbc, String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query().listOfRows().stream().map(r -> r.get("id")).toList();
    }

    static String explain(JdbcClient jdbc, String sql, Map<String, Object> params) {
        List<Map<String, Object>> rows = jdbc.sql("EXPLAIN " + sql).params(params).query().listOfRows();
        rows.forEach(r -> System.out.println("  " + r));
        return rows.stream().map(r -> r.get("table") + ":" + r.get("key")
                        + (String.valueOf(r.get("Extra")).contains("filesort") ? "+filesort" : ""))
                .collect(Collectors.joining(" "));
    }

    /** The town's documents over two years, newest last, in bulk INSERT … SELECT statements. */
    static void seed(String schema, int documents) throws Exception {
        try (Connection c = LoadRun.connect(schema); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_digit (d INT PRIMARY KEY)");
            s.execute("INSERT INTO bench_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
            for (int offset = 0; offset < documents; offset += 100_000) {
                s.execute("""
                        INSERT INTO incoming_document (id, town_code, kind, status, document_type, secrecy_level, urgency,
                            title, channel, sender, received_at, received_by, received_copies, version)
                        SELECT UUID(), '%s', 'DOCUMENT', ELT(1 + n MOD 4, 'REGISTERED', 'HANDLING', 'COMPLETED', 'ARCHIVED'),
                            'NOTICE', CASE n MOD 10 WHEN 0 THEN 'SECRET' WHEN 1 THEN 'CONFIDENTIAL' ELSE 'NONE' END, 'NORMAL',
                            CONCAT('关于做好第', n, '项工作的通知'), 'PAPER', '顺德区人民政府办公室',
                            TIMESTAMP('2024-01-01 08:00:00') + INTERVAL (n * 600) SECOND, 'bench', 1, 0
                        FROM (SELECT %d + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n
                              FROM bench_digit a, bench_digit b, bench_digit c, bench_digit e, bench_digit f) numbers
                        WHERE n < %d""".formatted(TOWN, offset, documents));
            }
            s.execute("""
                    INSERT INTO document_need (document_id, kind, principal)
                    SELECT id, 'D', CONCAT('部门', CRC32(id) MOD 20) FROM incoming_document""");
            s.execute("""
                    INSERT INTO document_need (document_id, kind, principal)
                    SELECT id, 'U', '%s' FROM incoming_document WHERE CRC32(id) MOD 20 = 7""".formatted(LEADER));
            // the baseline: the same documents with the indexes as they were until V12
            s.execute("CREATE TABLE incoming_document_before LIKE incoming_document");
            s.execute("""
                    ALTER TABLE incoming_document_before DROP KEY ix_incoming_town_received,
                        ADD KEY ix_incoming_town_received (town_code, received_at)""");
            s.execute("INSERT INTO incoming_document_before SELECT * FROM incoming_document");
            s.execute("ANALYZE TABLE incoming_document, incoming_document_before, document_need");
        }
    }
}
