package org.zhenwu.document.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Clearance;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.test.LoadRun;
import org.zhenwu.platform.test.TestInfrastructure;
import org.zhenwu.platform.test.TestTokens;

/**
 * A leader's 收文 inbox in a town of {@code documents} incoming documents (80% unclassified, 10% 秘密, 10% 机密;
 * each handed to one of 20 departments, one in twenty also to the leader): the first page of 20 with its total,
 * {@code clients} at once. Over HTTP ({@code GET /api/documents/incoming?size=20} with a 机密-cleared leader's JWT)
 * against bare JDBC running the same two statements (the capped count and the page, with the service's own
 * clearance-and-need condition {@link DocumentAccess#visibleSql}); the bare page must list the same documents the
 * service lists. Prints and records the EXPLAIN of both statements.
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
            String plans = explain(jdbc, COUNT, params) + "; " + explain(jdbc, PAGE, params);
            System.out.println("plans: " + plans);

            String token = TestTokens.tokenWith(LEADER, TOWN, LEADER_DEPARTMENT, "CONFIDENTIAL", "TOWN_LEADER");
            HttpRequest firstPage = LoadRun.request(port, "/api/documents/incoming?size=20", token, null);
            String body = LoadRun.send(firstPage).body();
            List<String> page = jdbc.sql(PAGE).params(params).query(String.class).list();
            if (page.size() != 20 || !body.contains(page.get(0)) || !body.contains(page.get(19))) {
                throw new IllegalStateException("the bare page differs from the service's: " + page + " vs " + body);
            }
            String load = LoadRun.quietMachine(2.0, Duration.ofMinutes(2));
            LoadRun.Result bare = LoadRun.run("bare JDBC", clients, warmup, measure, i -> () -> {
                jdbc.sql(COUNT).params(params).query(Long.class).single();
                jdbc.sql(PAGE).params(params).query(String.class).list();
                return true;
            });
            LoadRun.Result http = LoadRun.run("service over HTTP", clients, warmup, measure, i -> () -> {
                HttpResponse<String> r = LoadRun.send(firstPage);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("inbox answered " + r.statusCode() + ": " + r.body());
                }
                return true;
            });
            LoadRun.appendRow(results, HEADER, String.format(
                    "| %s → %s | %,d | %d | %,.0f | %.1f / %.1f | %,.0f | %.1f / %.1f | %.2f | %s | %s |",
                    LoadRun.when(load), LoadRun.loadAverage(), documents, clients, bare.perSecond(), bare.p50(), bare.p99(),
                    http.perSecond(), http.p50(), http.p99(), http.perSecond() / bare.perSecond(),
                    http.p99() < 100 ? "yes" : "**no**", plans));
        }
    }

    static final String HEADER = """
            # Leader's inbox, 100k documents in the town (documents, issue #5)

            Command: `deploy/bench/inbox.sh` (defaults: 100,000 incoming documents in one town — 80% unclassified, 10%
            秘密, 10% 机密, each handed to one of 20 departments, one in twenty also to the leader — 8 concurrent
            clients, 5 s warm-up, 15 s measured). One JVM holds the service and the clients; MariaDB 10.11 at
            127.0.0.1; 2 shared cores. Each request is the leader's first page of 20 with its total (capped count +
            page, the clearance-and-need filter in SQL). "Bare JDBC" runs the same two statements through the service's
            JDBC pool; "HTTP" is `GET /api/documents/incoming?size=20` with a 机密-cleared TOWN_LEADER token.
            Ratio = HTTP ÷ bare requests/s. Latencies in ms (p50 / p99). Goal: HTTP p99 < 100 ms.
            Plans: `table:key` per row of `EXPLAIN` for the count, then the page.

            | when (UTC) | load at start → end | documents | clients | bare req/s | bare p50 / p99 | HTTP req/s | HTTP p50 / p99 | ratio | p99 < 100 ms | plans (count; page) |
            |---|---|---|---|---|---|---|---|---|---|---|
            """;

    static final String WHERE = "d.town_code IN (:towns) AND " + DocumentAccess.visibleSql("d");
    static final String COUNT = "SELECT COUNT(*) FROM (SELECT 1 FROM incoming_document d WHERE " + WHERE
            + " LIMIT :countCap) c";
    static final String PAGE = "SELECT d.id FROM incoming_document d WHERE " + WHERE
            + " ORDER BY d.received_at DESC, d.id DESC LIMIT :limit OFFSET :offset";

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
            s.execute("ANALYZE TABLE incoming_document, document_need");
        }
    }
}
