package org.zhenwu.document.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;
import org.zhenwu.document.DocumentServiceApplication;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.HttpLoad;
import org.zhenwu.platform.test.LoadRun;
import org.zhenwu.platform.test.TestInfrastructure;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.calendar.WorkingDayCalendar;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 发文登记 under contention: {@code clients} (32, as issue #5 asks) register outgoing documents of one 机关代字 at once,
 * each taking the next gap-free 发文字号 of the year. Over HTTP from a second JVM
 * ({@code POST /api/documents/outgoing/{id}/registration}, a 党政办 clerk's token) against the service's statements
 * for a registration in bare JDBC (the baseline), each on an issuer code of its own, {@code documents} registrations
 * each, as a burst (the rate over the time it took). Before each, a warm-up on codes of their own: the bare loop
 * never runs the service's request path, which C2 compiles for about a minute on 2 cores (dispatch.md), so the HTTP
 * warm-up lasts {@code httpWarmup} seconds. Fails unless every code's numbers are 1…n, each once, with the counter at
 * n. The documents are drafted and taken to 复核 once per code over HTTP, then copied in SQL (a copy has the
 * original's rows in every table that holds them). Not a test: run with {@code deploy/bench/numbering.sh}.
 */
public final class NumberingBenchmark {
    static final String TOWN = "440606104";
    static final String BASE = "/api/documents/outgoing";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) {
        String schema = TestInfrastructure.freshSchema();
        LoadRun.main(schema, () -> run(schema));
    }

    static void run(String schema) throws Exception {
        int clients = Integer.getInteger("clients", 32);
        int documents = Integer.getInteger("documents", 4_000);
        int warmupDocuments = Integer.getInteger("warmupDocuments", 20_000);
        Duration bareWarmup = Duration.ofSeconds(Long.getLong("warmup", 5));
        Duration httpWarmup = Duration.ofSeconds(Long.getLong("httpWarmup", 60));
        Duration atMost = Duration.ofMinutes(5);
        Path results = Path.of(System.getProperty("results", "docs/benchmarks/numbering.md"));
        int year = LocalDate.now(WorkingDayCalendar.ZONE).getYear();
        try (ConfigurableApplicationContext app = LoadRun.start(DocumentServiceApplication.class, schema, clients + 4)) {
            int port = LoadRun.port(app);
            String clerkToken = TestTokens.tokenWith("bench-clerk", TOWN, "党政办", "CONFIDENTIAL", "OFFICE_CLERK");
            Api clerk = new Api(port).as(clerkToken);
            Api leader = new Api(port).as(TestTokens.tokenWith("bench-leader", TOWN, "镇领导", "TOP_SECRET", "TOWN_LEADER"));
            Map<String, List<String>> codes = new LinkedHashMap<>();
            codes.put("乐府预", copies(schema, reviewed(clerk, leader, "乐府预"), warmupDocuments / 4));
            codes.put("乐府基", copies(schema, reviewed(clerk, leader, "乐府基"), documents));
            codes.put("乐府热", copies(schema, reviewed(clerk, leader, "乐府热"), warmupDocuments));
            codes.put("乐府发", copies(schema, reviewed(clerk, leader, "乐府发"), documents));
            String load = LoadRun.quietMachine(2.0, Duration.ofMinutes(2));

            // the baseline: the service's three transactions in plain JDBC, warmed up on a code of its own
            runBare("bare JDBC, warm-up", schema, clients, bareWarmup, codes.get("乐府预"), "乐府预", year);
            LoadRun.Result bare = runBare("bare JDBC", schema, clients, atMost, codes.get("乐府基"), "乐府基", year);

            // the service, from a second JVM: warm-up on a code of its own, then the measured burst
            HttpLoad.fromSecondProcess("service over HTTP, warm-up", port, clients, Duration.ZERO, httpWarmup,
                    HttpLoad.Mode.EACH_ONCE, registrations(codes.get("乐府热"), clerkToken), Set.of("200"));
            LoadRun.Remote remote = HttpLoad.fromSecondProcess("service over HTTP", port, clients, Duration.ZERO, atMost,
                    HttpLoad.Mode.EACH_ONCE, registrations(codes.get("乐府发"), clerkToken), Set.of("200"));
            LoadRun.Result http = remote.result();

            List<String> verdicts = new ArrayList<>();
            boolean ok = true;
            for (String code : codes.keySet()) {
                Check check = check(schema, code, year);
                boolean measured = code.equals("乐府基") || code.equals("乐府发");
                boolean good = check.gapFree() && (!measured || check.registered() == documents);
                ok &= good;
                verdicts.add(code + " " + (good ? "1…" + check.registered() : "**NO** " + check));
            }
            JsonNode book = JSON.readTree(clerk.get(BASE + "/register?issuerCode=乐府发&year=" + year).body());
            ok &= book.size() == documents;
            LoadRun.appendRow(results, HEADER, TABLE, String.format(
                    "| %s → %s | %,d | %d | %,.0f | %.1f / %.1f | %,.0f | %.1f / %.1f | %.2f | %,.0f | %s |",
                    LoadRun.when(load), LoadRun.loadAverage(), documents, clients, bare.perSecond(), bare.p50(),
                    bare.p99(), http.perSecond(), http.p50(), http.p99(), http.perSecond() / bare.perSecond(),
                    remote.serverCpuMicrosPerOperation(), (ok ? "yes: " : "**NO**: ") + String.join(", ", verdicts)
                            + "; 登记簿 lists " + book.size()));
            if (!ok) {
                throw new IllegalStateException("numbers with a gap or a duplicate: " + verdicts);
            }
        }
    }

    static final String HEADER = """
            # Number assignment: 发文登记 under contention (documents, issues #5 and #11)

            Command: `deploy/bench/numbering.sh` (defaults: 32 clients, 4,000 registrations per phase). `NumberingBenchmark`
            takes documents of one 机关代字 that are waiting for 登记 and registers them all at once, each getting the next
            gap-free 发文字号 of the year, twice: against the service's own statements for a registration in bare JDBC
            (the baseline: look the document up; make sure the counter row exists, in a transaction of its own; then
            the document, its transitions and co-signers, `UPDATE sequence_counter … LAST_INSERT_ID(last_seq + 1)`, the
            transition row, the need and distribution reads and the document's update, in the transaction that holds
            the counter's row lock; READ COMMITTED), then over HTTP from a second JVM, one keep-alive connection per
            client (`POST /api/documents/outgoing/{id}/registration`). Each phase has an issuer code of its own, and a
            warm-up on another code first (bare 5 s; HTTP 60 s, see dispatch.md on C2). Registrations/s over the time
            the burst took; latencies in ms. "CPU µs" is the service JVM's CPU per HTTP registration. The run fails
            unless every code's numbers are 1…n, each once, with its counter at n, and the 登记簿 of the measured code
            lists every document. MariaDB 10.11 at 127.0.0.1, 2 shared cores.
            """;

    static final String TABLE = """
            | when (UTC) | load at start → end | registrations | clients | bare/s | bare p50 / p99 | HTTP/s (2nd process) | HTTP p50 / p99 | ratio | service CPU µs per registration | gap-free, no duplicates (numbers per code) |
            |---|---|---|---|---|---|---|---|---|---|---|
            """;

    /** A document of {@code code} drafted and taken through 核稿, 签发 and 复核 over HTTP, as in OutgoingApiTest: waiting for 登记. */
    static String reviewed(Api clerk, Api leader, String code) throws Exception {
        String id = ok(clerk.post(BASE, """
                {"elements":{"documentType":"NOTICE","urgency":"URGENT","issuerName":"佛山市顺德区乐从镇人民政府",
                 "issuerCode":"%s","title":"关于做好防汛工作的通知","mainRecipients":"各村（居）委会，镇属各单位",
                 "body":"为切实做好今年防汛工作，现将有关事项通知如下……","signature":"乐从镇人民政府",
                 "dateWritten":"2026-03-04","sealed":true,"pages":3},
                 "coSigningDepartments":[]}""".formatted(code)), 201).get("id").asString();
        ok(clerk.post(BASE + "/" + id + "/submission", ""), 200);
        ok(clerk.post(BASE + "/" + id + "/check", "{\"signer\":\"bench-leader\"}"), 200);
        ok(leader.post(BASE + "/" + id + "/signature", ""), 200);
        ok(clerk.post(BASE + "/" + id + "/review", ""), 200);
        return id;
    }

    private static JsonNode ok(Api.Response r, int status) throws Exception {
        if (r.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.status() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /**
     * {@code n} copies of the document {@code template} in every table with its rows (the document's own, and each
     * table with a {@code document_id}), in one {@code INSERT … SELECT} per table over MariaDB's sequence engine.
     * Copy k's id is the template's with its last 12 hex digits replaced by k. The template itself is deleted.
     */
    static List<String> copies(String schema, String template, int n) throws Exception {
        String prefix = template.substring(0, 24);
        try (Connection c = LoadRun.connect(schema); Statement s = c.createStatement()) {
            Map<String, String> keyOf = new LinkedHashMap<>();
            keyOf.put("outgoing_document", "id");
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.columns WHERE table_schema = '"
                    + schema + "' AND column_name = 'document_id' ORDER BY table_name")) {
                while (rs.next()) {
                    keyOf.put(rs.getString(1), "document_id");
                }
            }
            String copyId = "CONCAT('" + prefix + "', LPAD(LOWER(HEX(n.seq)), 12, '0'))";
            for (Map.Entry<String, String> table : keyOf.entrySet()) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT column_name, extra FROM information_schema.columns"
                        + " WHERE table_schema = '" + schema + "' AND table_name = '" + table.getKey() + "' ORDER BY ordinal_position")) {
                    while (rs.next()) {
                        if (!rs.getString(2).contains("auto_increment")) {
                            columns.add(rs.getString(1));
                        }
                    }
                }
                String values = columns.stream().map(col -> col.equals(table.getValue()) ? copyId : "t." + col)
                        .collect(Collectors.joining(", "));
                s.executeUpdate("INSERT INTO " + table.getKey() + " (" + String.join(", ", columns) + ") SELECT " + values
                        + " FROM " + table.getKey() + " t JOIN seq_1_to_" + n + " n WHERE t." + table.getValue()
                        + " = '" + template + "'");
            }
            List<String> tables = new ArrayList<>(keyOf.keySet());
            for (int i = tables.size() - 1; i >= 0; i--) {   // children first, for their foreign keys
                s.executeUpdate("DELETE FROM " + tables.get(i) + " WHERE " + keyOf.get(tables.get(i)) + " = '" + template + "'");
            }
        }
        List<String> ids = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            ids.add(prefix + String.format("%012x", k));
        }
        return ids;
    }

    static List<HttpLoad.Request> registrations(List<String> ids, String token) {
        return ids.stream().map(id -> HttpLoad.Request.post(BASE + "/" + id + "/registration", token, "")).toList();
    }

    static LoadRun.Result runBare(String name, String schema, int clients, Duration atMost, List<String> ids, String code,
                                  int year) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return LoadRun.run(name, clients, Duration.ZERO, atMost, i -> LoadRun.onConnection(schema, c -> {
            PreparedStatement document = c.prepareStatement(
                    "SELECT * FROM outgoing_document WHERE id = ? AND town_code IN (?)");
            PreparedStatement transitions = c.prepareStatement(
                    "SELECT * FROM outgoing_transition WHERE document_id = ? ORDER BY id");
            PreparedStatement countersigns = c.prepareStatement(
                    "SELECT * FROM outgoing_countersign WHERE document_id = ? ORDER BY id");
            PreparedStatement ensure = c.prepareStatement(
                    "INSERT IGNORE INTO sequence_counter (scope, year, town_code, last_seq) VALUES (?, ?, ?, 0)");
            PreparedStatement owner = c.prepareStatement("SELECT town_code FROM sequence_counter WHERE scope = ? AND year = ?");
            PreparedStatement take = c.prepareStatement(
                    "UPDATE sequence_counter SET last_seq = LAST_INSERT_ID(last_seq + 1) WHERE scope = ? AND year = ?");
            PreparedStatement taken = c.prepareStatement("SELECT LAST_INSERT_ID()");
            PreparedStatement trail = c.prepareStatement("""
                    INSERT INTO outgoing_transition (document_id, action, actor, at, from_status, note, to_status)
                    VALUES (?, '登记', 'bench-clerk', ?, 'REVIEWED', ?, 'REGISTERED')""");
            PreparedStatement need = c.prepareStatement(
                    "SELECT CONCAT(kind, ':', principal) FROM document_need WHERE document_id = ?");
            PreparedStatement distribution = c.prepareStatement(
                    "SELECT * FROM outgoing_distribution WHERE document_id = ? ORDER BY id");
            PreparedStatement register = c.prepareStatement("""
                    UPDATE outgoing_document SET status = 'REGISTERED', number_code = ?, number_year = ?, number_sequence = ?,
                      registered_at = ?, version = version + 1 WHERE id = ? AND version = ?""");
            return () -> {
                int k = next.getAndIncrement();
                if (k >= ids.size()) {
                    return false;
                }
                String id = ids.get(k);
                lookUp(document, transitions, countersigns, id);
                c.commit();
                ensure.setString(1, code);
                ensure.setInt(2, year);
                ensure.setString(3, TOWN);
                ensure.executeUpdate();
                owner.setString(1, code);
                owner.setInt(2, year);
                all(owner);
                c.commit();
                long version = lookUp(document, transitions, countersigns, id);
                take.setString(1, code);
                take.setInt(2, year);
                if (take.executeUpdate() != 1) {
                    throw new IllegalStateException("no counter for " + code);
                }
                int sequence;
                try (ResultSet rs = taken.executeQuery()) {
                    rs.next();
                    sequence = rs.getInt(1);
                }
                Timestamp now = Timestamp.from(Instant.now());
                trail.setString(1, id);
                trail.setTimestamp(2, now);
                trail.setString(3, code + "〔" + year + "〕" + sequence + "号");
                trail.executeUpdate();
                need.setString(1, id);
                all(need);
                distribution.setString(1, id);
                all(distribution);
                register.setString(1, code);
                register.setInt(2, year);
                register.setInt(3, sequence);
                register.setTimestamp(4, now);
                register.setString(5, id);
                register.setLong(6, version);
                if (register.executeUpdate() != 1) {
                    throw new IllegalStateException("document " + id + " changed meanwhile");
                }
                c.commit();
                return true;
            };
        }));
    }

    /** The document as the service loads it (with its transitions and co-signers); its version, once it is 复核. */
    private static long lookUp(PreparedStatement document, PreparedStatement transitions, PreparedStatement countersigns,
                               String id) throws Exception {
        document.setString(1, id);
        document.setString(2, TOWN);
        long version;
        try (ResultSet rs = document.executeQuery()) {
            if (!rs.next() || !"REVIEWED".equals(rs.getString("status"))) {
                throw new IllegalStateException("document " + id + " is not waiting for 登记");
            }
            version = rs.getLong("version");
        }
        transitions.setString(1, id);
        all(transitions);
        countersigns.setString(1, id);
        all(countersigns);
        return version;
    }

    private static void all(PreparedStatement query) throws Exception {
        try (ResultSet rs = query.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
            }
        }
    }

    record Check(long registered, long distinct, long lowest, long highest, long counter) {
        boolean gapFree() {
            return registered > 0 && distinct == registered && lowest == 1 && highest == registered && counter == registered;
        }
    }

    static Check check(String schema, String code, int year) throws Exception {
        try (Connection c = LoadRun.connect(schema); PreparedStatement q = c.prepareStatement("""
                SELECT COUNT(*), COUNT(DISTINCT d.number_sequence), MIN(d.number_sequence), MAX(d.number_sequence),
                       (SELECT last_seq FROM sequence_counter WHERE scope = ? AND year = ?)
                FROM outgoing_document d WHERE d.number_code = ? AND d.number_year = ? AND d.status = 'REGISTERED'""")) {
            q.setString(1, code);
            q.setInt(2, year);
            q.setString(3, code);
            q.setInt(4, year);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new Check(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            }
        }
    }
}
