package org.zhenwu.servicehall.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Clearance;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.test.HttpLoad;
import org.zhenwu.platform.test.LoadRun;
import org.zhenwu.platform.test.TestInfrastructure;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.servicehall.ServiceHallServiceApplication;
import org.zhenwu.servicehall.stats.FigureRollupService;
import org.zhenwu.servicehall.stats.ServiceHallStatsService;
import org.zhenwu.servicehall.stats.ServiceHallStatsService.HallStats;

/**
 * A leader reading a year's figures of a large town: {@code applications} applications accepted over the year (25
 * departments, 5% withdrawn), as many tickets called (waiting times) and a rating for every fifth completed one. Five
 * ways, one after the other, one client each: a naive full scan (every row of the year read with no index, grouped
 * and sorted in Java), the live tables ({@code ServiceHallStatsService.liveStats}: covering-index range scans grouped
 * in SQL, the service before the rollups), the service's method ({@code ServiceHallStatsService.stats}: the rollups)
 * and {@code GET /api/service-hall/stats} over HTTP for the year and for a period of partial months. The rollup
 * figures must equal the live tables' and the naive figures the service's.
 * Not a test: run with {@code deploy/bench/hall-figures.sh}.
 */
public final class HallFiguresBenchmark {
    static final String TOWN = "440606104";
    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);
    /** A period with partial first and last months: their days are read from the live tables. */
    static final LocalDate MID_FROM = LocalDate.of(2025, 1, 15);
    static final LocalDate MID_TO = LocalDate.of(2025, 12, 14);

    public static void main(String[] args) {
        String schema = TestInfrastructure.freshSchema();
        LoadRun.main(schema, () -> run(schema));
    }

    static void run(String schema) throws Exception {
        int applications = Integer.getInteger("applications", 500_000);
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 3));
        Duration measure = Duration.ofSeconds(Long.getLong("seconds", 15));
        Path results = Path.of(System.getProperty("results", "docs/benchmarks/hall-figures.md"));
        try (ConfigurableApplicationContext app = LoadRun.start(ServiceHallServiceApplication.class, schema, 6,
                "--zhenwu.service-hall.applications.clock-check-delay=1h")) {
            int port = LoadRun.port(app);
            long seedStart = System.nanoTime();
            seed(schema, applications);
            System.out.printf("seeded in %.0f s%n", (System.nanoTime() - seedStart) / 1e9);
            // the seed wrote behind the service's back: fill the rollups as the migration would
            long rebuildStart = System.nanoTime();
            app.getBean(FigureRollupService.class).rebuildAll();
            double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
            ServiceHallStatsService stats = app.getBean(ServiceHallStatsService.class);
            Caller leader = new Caller("bench-leader", "镇长", Set.of(Roles.TOWN_LEADER), TOWN, "党政办", Clearance.NONE);
            HallStats expected = stats.stats(leader, null, FROM, TO);
            requireEqual(expected, stats.liveStats(leader, null, FROM, TO));
            requireEqual(stats.stats(leader, null, MID_FROM, MID_TO), stats.liveStats(leader, null, MID_FROM, MID_TO));
            String load = LoadRun.quietMachine(2.0, Duration.ofMinutes(3));

            LoadRun.Result naive = LoadRun.run("naive full scan", 1, warmup, measure, i -> naiveReader(schema, expected));
            LoadRun.Result live = LoadRun.run("live tables", 1, warmup, measure, i -> () -> {
                stats.liveStats(leader, null, FROM, TO);
                return true;
            });
            LoadRun.Result method = LoadRun.run("service method", 1, warmup, measure, i -> () -> {
                stats.stats(leader, null, FROM, TO);
                return true;
            });
            String token = TestTokens.tokenWith("bench-leader", TOWN, "党政办", "NONE", "TOWN_LEADER");
            LoadRun.Result http = overHttp("service over HTTP", port, token, FROM, TO, warmup, measure);
            LoadRun.Result mid = overHttp("service over HTTP, mid-month period", port, token, MID_FROM, MID_TO, warmup,
                    measure);
            LoadRun.appendRow(results, HEADER, String.format(
                    "| %s → %s | %,d | %,d | %,d | %.0f | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.1f× | %s |",
                    LoadRun.when(load), LoadRun.loadAverage(), expected.accepted(), expected.waiting().tickets(),
                    expected.ratings().total(), rebuildSeconds * 1000, naive.p50(), naive.p99(), live.p50(), live.p99(),
                    method.p50(), method.p99(), http.p50(), http.p99(), mid.p50(), mid.p99(), naive.p50() / http.p50(),
                    http.p50() < 300 ? "yes" : "**no**"));
        }
    }

    private static LoadRun.Result overHttp(String name, int port, String token, LocalDate from, LocalDate to,
                                           Duration warmup, Duration measure) throws Exception {
        return HttpLoad.fromSecondProcess(name, port, 1, warmup, measure, HttpLoad.Mode.REPEAT,
                List.of(HttpLoad.Request.get("/api/service-hall/stats?from=" + from + "&to=" + to, token)),
                Set.of("200")).result();
    }

    /** The rollups must give exactly what the live tables give. */
    private static void requireEqual(HallStats rollups, HallStats live) {
        if (!rollups.equals(live)) {
            throw new IllegalStateException("rollup figures " + rollups + " differ from the live tables' " + live);
        }
    }

    static final String HEADER = """
            # Hall figures for a year of a large town (service hall, issue #4)

            Command: `deploy/bench/hall-figures.sh` (defaults: 500,000 applications accepted in 2025 in one town, 25
            departments, 5% withdrawn; as many tickets with waiting times; a rating for every fifth completed one;
            3 s warm-up, 15 s measured, one client). MariaDB 10.11 at 127.0.0.1, 2 shared cores, service and method client in
            one JVM, the HTTP client in a second one (since 2026-11-27, `HttpLoad`). "Naive" reads every row of the year with no index (`IGNORE INDEX`) and groups, sorts and counts in
            Java; "live" is `ServiceHallStatsService.liveStats` (covering-index range scans of the live tables grouped in
            SQL, the service before the rollups); "method" is `ServiceHallStatsService.stats` (the rollups); "HTTP" is
            `GET /api/service-hall/stats?from=2025-01-01&to=2025-12-31` as the town's leader, "mid-month" the same for
            2025-01-15..2025-12-14 (the partial months' tickets read live). "Rebuild" is `FigureRollupService.rebuildAll`
            after the bulk seed (what the migration's backfill costs). The rollup figures are checked equal to the live
            tables' for both periods and the naive figures equal to the service's. Latencies in ms (p50 / p99); ratio =
            naive p50 ÷ HTTP p50. Goal: HTTP p50 < 300 ms.

            | when (UTC) | load at start → end | accepted | tickets | ratings | rebuild ms | naive p50 / p99 | live p50 / p99 | method p50 / p99 | HTTP p50 / p99 | HTTP mid-month p50 / p99 | naive ÷ HTTP | p50 < 300 ms |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|
            """;


    /**
     * The figures as a first version would compute them: every application, ticket and rating of the year read in
     * full (no index), then grouped, sorted and counted in Java.
     */
    static LoadRun.Client naiveReader(String schema, HallStats expected) {
        try {
            Connection c = LoadRun.connect(schema);
            PreparedStatement apps = c.prepareStatement("""
                    SELECT town_code, department, status, on_time, working_days FROM application
                    IGNORE INDEX (ix_application_figures, ix_application_department, ix_application_town_received,
                                  ix_application_clock, uk_application_source)
                    WHERE accepted_on BETWEEN ? AND ?""");
            PreparedStatement waits = c.prepareStatement("""
                    SELECT waiting_seconds FROM ticket IGNORE INDEX (ix_ticket_waiting, ix_ticket_call, ix_ticket_town_issued,
                                                                     uk_ticket_number, ix_ticket_window_day)
                    WHERE town_code = ? AND service_day BETWEEN ? AND ? AND waiting_seconds IS NOT NULL""");
            PreparedStatement rates = c.prepareStatement("""
                    SELECT r.score, r.negative, r.named, k.status, k.return_visit_at
                    FROM rating r IGNORE INDEX (ix_rating_figures, ix_rating_negative)
                    LEFT JOIN rectification k ON k.rating_id = r.id
                    WHERE r.town_code = ? AND r.rated_at >= ? AND r.rated_at < ?""");
            return new LoadRun.Client() {
                @Override
                public boolean once() throws Exception {
                    long[] town = new long[4];
                    Map<String, long[]> byDepartment = new HashMap<>();
                    Map<String, long[]> byTown = new HashMap<>();
                    apps.setObject(1, FROM);
                    apps.setObject(2, TO);
                    try (ResultSet rs = apps.executeQuery()) {
                        while (rs.next()) {
                            String status = rs.getString(3);
                            if (status.equals("WITHDRAWN") || status.equals("AWAITING_SUPPLEMENT")) {
                                continue;
                            }
                            long[] line = byTown.computeIfAbsent(rs.getString(1), k -> new long[4]);
                            boolean done = status.equals("COMPLETED") || status.equals("DELIVERED");
                            add(line, done, rs.getBoolean(4), rs.getLong(5));
                            if (rs.getString(1).equals(TOWN)) {
                                add(byDepartment.computeIfAbsent(rs.getString(2), k -> new long[4]), done, rs.getBoolean(4),
                                        rs.getLong(5));
                                add(town, done, rs.getBoolean(4), rs.getLong(5));
                            }
                        }
                    }
                    waits.setString(1, TOWN);
                    waits.setObject(2, FROM);
                    waits.setObject(3, TO);
                    int[] seconds = new int[(int) expected.waiting().tickets() + 16];
                    int n = 0;
                    try (ResultSet rs = waits.executeQuery()) {
                        while (rs.next()) {
                            if (n == seconds.length) {
                                seconds = Arrays.copyOf(seconds, n * 2);
                            }
                            seconds[n++] = rs.getInt(1);
                        }
                    }
                    Arrays.sort(seconds, 0, n);
                    int p50 = seconds[Math.max(0, (int) Math.ceil(n * 0.5) - 1)];
                    rates.setString(1, TOWN);
                    rates.setObject(2, FROM.atStartOfDay());
                    rates.setObject(3, TO.plusDays(1).atStartOfDay());
                    long ratings = 0;
                    try (ResultSet rs = rates.executeQuery()) {
                        while (rs.next()) {
                            ratings++;
                        }
                    }
                    if (town[0] != expected.accepted() || town[1] != expected.completed() || n != expected.waiting().tickets()
                            || p50 != expected.waiting().p50Seconds() || byDepartment.size() != expected.byDepartment().size()
                            || ratings != expected.ratings().total()) {
                        throw new IllegalStateException("naive figures differ: accepted " + town[0] + ", completed " + town[1]
                                + ", tickets " + n + ", p50 " + p50 + ", ratings " + ratings + " vs " + expected);
                    }
                    return true;
                }

                @Override
                public void close() throws Exception {
                    c.close();
                }
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(long[] line, boolean done, boolean onTime, long workingDays) {
        line[0]++;
        if (done) {
            line[1]++;
        }
        if (onTime) {
            line[2]++;
        }
        line[3] += workingDays;
    }

    /** A year of a large town, in bulk INSERT … SELECT statements of 100,000 rows. */
    static void seed(String schema, int applications) throws Exception {
        try (Connection c = LoadRun.connect(schema); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_digit (d INT PRIMARY KEY)");
            s.execute("INSERT INTO bench_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
            String numbers = """
                    (SELECT %d + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n
                     FROM bench_digit a, bench_digit b, bench_digit c, bench_digit e, bench_digit f) numbers WHERE n < %d""";
            for (int offset = 0; offset < applications; offset += 100_000) {
                s.execute("""
                        INSERT INTO application (id, town_code, application_number, matter_version, matter_code, matter_name,
                            department, legal_limit_days, promised_limit_days, fee_fen, channel, applicant_name, status,
                            received_at, received_by, accepted_at, accepted_on, due_date, legal_due_date, completed_at,
                            completed_on, working_days, on_time, outcome, version)
                        SELECT UUID(), '%1$s', CONCAT('%1$s-2025-', n), 1, CONCAT('M', n MOD 120), '城乡居民最低生活保障申请',
                            CONCAT('部门', n MOD 25), 20, 10, 0, 'WINDOW', '王五', st, day, 'bench', day, DATE(day),
                            DATE(day) + INTERVAL 14 DAY, DATE(day) + INTERVAL 28 DAY,
                            IF(done, day + INTERVAL (n MOD 13) DAY, NULL), IF(done, DATE(day) + INTERVAL (n MOD 13) DAY, NULL),
                            IF(done, n MOD 13, NULL), IF(done, n MOD 13 <= 10, NULL), IF(done, 'APPROVED', NULL), 0
                        FROM (SELECT n, TIMESTAMP('2025-01-01 09:00:00') + INTERVAL (n MOD 365) DAY AS day,
                                     ELT(1 + n MOD 20, 'WITHDRAWN', 'ACCEPTED', 'APPROVED', 'DELIVERED', 'COMPLETED', 'COMPLETED',
                                         'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED',
                                         'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED') AS st,
                                     n MOD 20 >= 3 AS done
                              FROM %2$s) rows_of_year""".formatted(TOWN, numbers.formatted(offset, applications)));
                s.execute("""
                        INSERT INTO ticket (id, town_code, queue_code, service_day, number, priority, priority_rank, channel,
                            status, issued_at, issued_by, first_called_at, call_count, waiting_seconds, version)
                        SELECT UUID(), '%s', 'A', DATE('2025-01-01') + INTERVAL (n MOD 365) DAY, CONCAT('A', n), 'NORMAL', 2,
                            'MACHINE', 'DONE', TIMESTAMP('2025-01-01 09:00:00') + INTERVAL (n MOD 365) DAY, 'bench',
                            TIMESTAMP('2025-01-01 09:00:00') + INTERVAL (n MOD 365) DAY + INTERVAL (n MOD 1800) SECOND, 1,
                            n MOD 1800, 0
                        FROM %s""".formatted(TOWN, numbers.formatted(offset, applications)));
                System.out.printf("seeded %,d applications and tickets%n", Math.min(applications, offset + 100_000));
            }
            s.execute("""
                    INSERT INTO rating (id, town_code, application_id, application_number, matter_code, department, level,
                        score, negative, channel, named, rated_at, rated_by, version)
                    SELECT UUID(), town_code, id, application_number, matter_code, department,
                        IF(working_days = 12, 'DISSATISFIED', 'VERY_SATISFIED'), IF(working_days = 12, 2, 5), working_days = 12,
                        'WINDOW', FALSE, completed_at, 'bench', 0
                    FROM application WHERE status = 'COMPLETED' AND CRC32(id) MOD 5 = 0""");
            s.execute("ANALYZE TABLE application, ticket, rating");
        }
    }
}
