package org.zhenwu.servicehall.queue;

import java.net.http.HttpResponse;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.test.LoadRun;
import org.zhenwu.platform.test.RawHttp;
import org.zhenwu.platform.test.TestInfrastructure;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.servicehall.ServiceHallServiceApplication;

/**
 * 叫号 under load: {@code windows} windows of one hall calling the next ticket at the same time, through the running
 * service over HTTP (the window terminal's path: JWT, the window, the SKIP LOCKED claim, the ticket's CALLED move and
 * its audit line, the window holding it), against a bare JDBC loop doing the same claim statement and the same
 * writes on the same database in the same run. Each phase has its own queue with the same backlog; after each call
 * the clerk's "办毕" is done in SQL, untimed, so the window is free for its next call.
 * Proof of "never served twice": every called id is collected, and afterwards the database must show one CALLED
 * step per called ticket and as many called tickets as calls answered.
 * Not a test: run with {@code deploy/bench/ticket-calls.sh}.
 */
public final class TicketCallBenchmark {
    static final String TOWN = "440606104";

    public static void main(String[] args) {
        String schema = TestInfrastructure.freshSchema();
        LoadRun.main(schema, () -> run(schema));
    }

    static void run(String schema) throws Exception {
        int windows = Integer.getInteger("windows", 20);
        int tickets = Integer.getInteger("tickets", 60_000);
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 5));
        Duration measure = Duration.ofSeconds(Long.getLong("seconds", 15));
        // the service's request path is first run by the HTTP phase, and C2 compiles it for about a minute on 2 cores
        // (docs/benchmarks/dispatch.md)
        Duration httpWarmup = Duration.ofSeconds(Long.getLong("httpWarmup", 60));
        Path results = Path.of(System.getProperty("results", "docs/benchmarks/ticket-calls.md"));
        try (ConfigurableApplicationContext app = LoadRun.start(ServiceHallServiceApplication.class, schema, windows + 4,
                "--zhenwu.service-hall.applications.clock-check-delay=1h")) {
            int port = LoadRun.port(app);
            String clerk = TestTokens.tokenWith("bench-clerk", TOWN, "行政服务中心", "NONE", "HALL_CLERK");
            LocalDate day = LocalDate.now(WorkingDayCalendar.ZONE);
            List<String> httpWindows = hall(port, clerk, "A", windows);
            List<String> bareWindows = hall(port, clerk, "B", windows);
            seed(schema, "A", day, tickets);
            seed(schema, "B", day, tickets);
            String load = LoadRun.quietMachine(2.0, Duration.ofMinutes(3));

            Phase bare = new Phase("B");
            LoadRun.Result bareResult = LoadRun.run("bare JDBC", windows, warmup, measure,
                    i -> bareWindow(schema, bare, bareWindows.get(i), day));
            Phase http = new Phase("A");
            LoadRun.Remote remote = LoadRun.inSecondProcess(HttpWindows.class, schema, String.valueOf(port), clerk,
                    String.join(",", httpWindows), String.valueOf(httpWarmup.toMillis()), String.valueOf(measure.toMillis()));
            LoadRun.Result httpResult = remote.result();
            http.calls.set(remote.counter("calls"));
            http.doubles.set(remote.counter("doubles"));
            long doubles = bare.check(schema) + http.check(schema);
            String endLoad = LoadRun.loadAverage();

            LoadRun.appendRow(results, HEADER, String.format(
                    "| %s → %s | %d | %,d | %,.0f | %.1f / %.1f | %,.0f | %.1f / %.1f | %.2f | %,d + %,d | %d |",
                    LoadRun.when(load), endLoad, windows, tickets, bareResult.perSecond(), bareResult.p50(), bareResult.p99(),
                    httpResult.perSecond(), httpResult.p50(), httpResult.p99(),
                    httpResult.perSecond() / bareResult.perSecond(), bare.calls.get(), http.calls.get(), doubles));
            if (doubles > 0) {
                throw new IllegalStateException(doubles + " tickets were called twice");
            }
        }
    }

    static final String HEADER = """
            # Ticket calls (service hall, issue #4)

            Command: `deploy/bench/ticket-calls.sh` (defaults: 20 windows, 60,000 waiting tickets per phase, 5 s warm-up
            (60 s over HTTP since 2026-11-27 10:04), 15 s measured). The service and the bare clients run in one JVM, the HTTP window terminals in a second one (since
            2026-11-27 10:00, `LoadRun.inSecondProcess`, keep-alive sockets); MariaDB 10.11 at 127.0.0.1; 2 shared cores.
            "Bare JDBC" runs the service's claim statement (`TicketCalls.CLAIM_SQL`, `ix_ticket_call`, SKIP LOCKED) and
            the same writes (ticket → CALLED, its audit line, the window holding it) in one READ COMMITTED transaction;
            "over HTTP" is `POST /api/service-hall/windows/{id}/calls` with a clerk's JWT. Ratio = HTTP ÷ bare.
            Latencies in ms (p50 / p99); load = 1/5/15-minute load average at the start → at the end.
            "Calls checked" = calls made in both phases (warm-up included), each checked in the database afterwards:
            one CALLED step per ticket, and exactly as many tickets left the line as calls were answered.

            | when (UTC) | load at start → end | windows | tickets per phase | bare calls/s | bare p50 / p99 | HTTP calls/s | HTTP p50 / p99 | ratio | calls checked (bare + HTTP) | served twice |
            |---|---|---|---|---|---|---|---|---|---|---|
            """;

    /** One phase's queue and what its windows were given. */
    static final class Phase {
        final String queue;
        final Set<String> called = ConcurrentHashMap.newKeySet();
        final AtomicLong calls = new AtomicLong();
        final AtomicLong doubles = new AtomicLong();

        Phase(String queue) {
            this.queue = queue;
        }

        void record(String ticketId) {
            calls.incrementAndGet();
            if (!called.add(ticketId)) {
                doubles.incrementAndGet();
            }
        }

        /** Tickets called twice, as the clients saw it and as the database has it. */
        long check(String schema) throws Exception {
            try (Connection c = LoadRun.connect(schema); Statement s = c.createStatement()) {
                long twiceInDb = single(s, """
                        SELECT COUNT(*) FROM (SELECT t.ticket_id FROM ticket_transition t JOIN ticket k ON k.id = t.ticket_id
                        WHERE k.queue_code = '%s' AND t.to_status = 'CALLED' GROUP BY t.ticket_id HAVING COUNT(*) > 1) x"""
                        .formatted(queue));
                long left = single(s, "SELECT COUNT(*) FROM ticket WHERE queue_code = '" + queue + "' AND status <> 'WAITING'");
                if (left != calls.get()) {
                    throw new IllegalStateException("queue " + queue + ": " + calls.get() + " calls answered but " + left
                            + " tickets left the line");
                }
                return doubles.get() + twiceInDb;
            }
        }
    }

    static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A queue and its windows, made through the API as the hall's clerk would. */
    static List<String> hall(int port, String clerk, String queue, int windows) throws Exception {
        ok(LoadRun.send(LoadRun.request(port, "/api/service-hall/queues", clerk,
                "{\"code\":\"" + queue + "\",\"name\":\"综合受理" + queue + "\",\"firstNumber\":1,\"lastNumber\":9999}")), 201);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= windows; i++) {
            String body = ok(LoadRun.send(LoadRun.request(port, "/api/service-hall/windows", clerk,
                    "{\"number\":\"" + queue + i + "\",\"name\":\"窗口" + queue + i + "\",\"queues\":[\"" + queue + "\"]}")), 201);
            ids.add(idOf(body));
        }
        return ids;
    }

    static String ok(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String idOf(String json) {
        int at = json.indexOf("\"id\":\"") + 6;
        return json.substring(at, at + 36);
    }

    /** The clerk's 办毕, untimed: the window's next call then lets the ticket go. */
    static PreparedStatement finisher(Connection c) throws Exception {
        return c.prepareStatement("UPDATE ticket SET status = 'DONE', finished_at = NOW(6), version = version + 1 WHERE id = ?");
    }

    /**
     * The HTTP phase's second JVM: {@code schema port clerkToken windowIds warmupMs measureMs}, one window terminal
     * per window id on its own keep-alive connection, each ticket it is given finished afterwards (untimed) as the
     * clerk's 办毕. Reports the calls answered and the tickets it was given twice.
     */
    public static final class HttpWindows {
        public static void main(String[] args) throws Exception {
            int port = Integer.parseInt(args[1]);
            List<String> windowIds = List.of(args[3].split(","));
            Phase phase = new Phase("A");
            LoadRun.Result result = LoadRun.run("service over HTTP", windowIds.size(),
                    Duration.ofMillis(Long.parseLong(args[4])), Duration.ofMillis(Long.parseLong(args[5])),
                    i -> httpWindow(args[0], phase, port, args[2], windowIds.get(i)));
            LoadRun.report(result, Map.of("calls", phase.calls.get(), "doubles", phase.doubles.get()));
        }
    }

    static LoadRun.Client httpWindow(String schema, Phase phase, int port, String clerk, String windowId) {
        try {
            RawHttp http = new RawHttp(port);
            byte[] call = http.prepare("POST", "/api/service-hall/windows/" + windowId + "/calls", clerk, "");
            Connection c = LoadRun.connect(schema);
            PreparedStatement finish = finisher(c);
            return new LoadRun.Client() {
                String held;

                @Override
                public boolean once() throws Exception {
                    RawHttp.Reply r = http.send(call);
                    if (r.status() == 204) {
                        return false;
                    }
                    if (r.status() != 200) {
                        throw new IllegalStateException("the call answered " + r.status() + ": " + r.body());
                    }
                    held = idOf(r.body());
                    return true;
                }

                @Override
                public void after() throws Exception {
                    phase.record(held);
                    finish.setString(1, held);
                    finish.executeUpdate();
                }

                @Override
                public void close() throws Exception {
                    http.close();
                    c.close();
                }
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same call in plain JDBC: the window row, the claim, the ticket's move, its audit line, the window's hold. */
    static LoadRun.Client bareWindow(String schema, Phase phase, String windowId, LocalDate day) {
        try {
            Connection c = LoadRun.connect(schema);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            PreparedStatement window = c.prepareStatement("SELECT number, version FROM service_window WHERE id = ?");
            PreparedStatement claim = c.prepareStatement(TicketCalls.CLAIM_SQL);
            PreparedStatement move = c.prepareStatement("""
                    UPDATE ticket SET status = 'CALLED', first_called_at = ?, last_called_at = ?, call_count = 1,
                      window_id = ?, window_number = ?, served_by = 'bench', version = version + 1 WHERE id = ?""");
            PreparedStatement audit = c.prepareStatement("""
                    INSERT INTO ticket_transition (ticket_id, from_status, to_status, actor, note, at)
                    VALUES (?, 'WAITING', 'CALLED', 'bench', ?, ?)""");
            PreparedStatement hold = c.prepareStatement(
                    "UPDATE service_window SET current_ticket_id = ?, version = version + 1 WHERE id = ? AND version = ?");
            Connection other = LoadRun.connect(schema);
            PreparedStatement finish = finisher(other);
            return new LoadRun.Client() {
                String held;

                @Override
                public boolean once() throws Exception {
                    Timestamp now = Timestamp.from(Instant.now());
                    window.setString(1, windowId);
                    String number;
                    long version;
                    try (ResultSet rs = window.executeQuery()) {
                        rs.next();
                        number = rs.getString(1);
                        version = rs.getLong(2);
                    }
                    claim.setString(1, TOWN);
                    claim.setString(2, phase.queue);
                    claim.setObject(3, day);
                    held = null;
                    try (ResultSet rs = claim.executeQuery()) {
                        if (rs.next()) {
                            held = rs.getString(1);
                        }
                    }
                    if (held == null) {
                        c.commit();
                        return false;
                    }
                    move.setTimestamp(1, now);
                    move.setTimestamp(2, now);
                    move.setString(3, windowId);
                    move.setString(4, number);
                    move.setString(5, held);
                    move.executeUpdate();
                    audit.setString(1, held);
                    audit.setString(2, "窗口 " + number);
                    audit.setTimestamp(3, now);
                    audit.executeUpdate();
                    hold.setString(1, held);
                    hold.setString(2, windowId);
                    hold.setLong(3, version);
                    if (hold.executeUpdate() != 1) {
                        throw new IllegalStateException("window " + number + " changed under its own call");
                    }
                    c.commit();
                    return true;
                }

                @Override
                public void after() throws Exception {
                    phase.record(held);
                    finish.setString(1, held);
                    finish.executeUpdate();
                }

                @Override
                public void close() throws Exception {
                    c.close();
                    other.close();
                }
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code tickets} waiting tickets of today in the queue, 5% green channel, 10% appointments, in issue order. */
    static void seed(String schema, String queue, LocalDate day, int tickets) throws Exception {
        try (Connection c = LoadRun.connect(schema); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_digit (d INT PRIMARY KEY)");
            s.execute("INSERT IGNORE INTO bench_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
            for (int offset = 0; offset < tickets; offset += 100_000) {
                s.execute("""
                        INSERT INTO ticket (id, town_code, queue_code, service_day, number, priority, priority_rank, channel,
                            status, issued_at, issued_by, version)
                        SELECT UUID(), '%s', '%s', '%s', CONCAT('%s', n),
                            CASE WHEN n MOD 20 = 0 THEN 'GREEN_CHANNEL' WHEN n MOD 10 = 1 THEN 'APPOINTMENT' ELSE 'NORMAL' END,
                            CASE WHEN n MOD 20 = 0 THEN 0 WHEN n MOD 10 = 1 THEN 1 ELSE 2 END,
                            'MACHINE', 'WAITING', NOW(6), 'bench', 0
                        FROM (SELECT %d + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n
                              FROM bench_digit a, bench_digit b, bench_digit c, bench_digit e, bench_digit f) numbers
                        WHERE n < %d ORDER BY n""".formatted(TOWN, queue, day, queue, offset, tickets));
            }
            s.execute("ANALYZE TABLE ticket");
            System.out.printf("seeded %,d waiting tickets in queue %s%n", single(s,
                    "SELECT COUNT(*) FROM ticket WHERE queue_code = '" + queue + "' AND status = 'WAITING'"), queue);
        }
    }
}
