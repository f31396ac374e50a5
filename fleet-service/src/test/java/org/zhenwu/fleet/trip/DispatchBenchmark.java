package org.zhenwu.fleet.trip;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;
import org.zhenwu.fleet.FleetFixture;
import org.zhenwu.fleet.FleetServiceApplication;
import org.zhenwu.platform.test.HttpLoad;
import org.zhenwu.platform.test.LoadRun;
import org.zhenwu.platform.test.TestInfrastructure;
import org.zhenwu.platform.test.TestTokens;

import tools.jackson.databind.json.JsonMapper;

/**
 * 派车 under contention: {@code clients} dispatchers at once, each taking the next approved trip and booking it on
 * one of {@code vehicles} vehicles (and one of {@code drivers} drivers) picked at random, for two-hour windows that
 * overlap heavily. Through the running service over HTTP ({@code POST /trips/{id}/dispatch}: 200 booked or 409
 * {@code double-booking}), against a bare JDBC loop with the same locks (vehicle row, then driver row, FOR UPDATE)
 * and the same overlap statements ({@link TripBookings#VEHICLE_CONFLICTS}, {@link TripBookings#DRIVER_CONFLICTS}) at
 * READ COMMITTED. Each phase books its own year, so both start from free vehicles. Afterwards the database must hold
 * no two overlapping bookings of one vehicle or one driver, and as many bookings as 200s answered.
 * Not a test: run with {@code deploy/bench/dispatch.sh}.
 */
public final class DispatchBenchmark {
    static final String TOWN = FleetFixture.LECONG;

    public static void main(String[] args) {
        String schema = TestInfrastructure.freshSchema();
        LoadRun.main(schema, () -> run(schema));
    }

    static void run(String schema) throws Exception {
        int clients = Integer.getInteger("clients", 50);
        int vehicleCount = Integer.getInteger("vehicles", 20);
        int driverCount = Integer.getInteger("drivers", 60);
        int trips = Integer.getInteger("trips", 40_000);
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 5));
        // the service's own code is first run by the HTTP phase, and C2 compiles it for about a minute on 2 cores:
        // after 15 s the compiler threads still took ~40 % of the JVM's CPU (JFR's thread CPU load)
        Duration httpWarmup = Duration.ofSeconds(Long.getLong("httpWarmup", 60));
        Duration measure = Duration.ofSeconds(Long.getLong("seconds", 15));
        Path results = Path.of(System.getProperty("results", "docs/benchmarks/dispatch.md"));
        try (ConfigurableApplicationContext app = LoadRun.start(FleetServiceApplication.class, schema, clients + 4)) {
            int port = LoadRun.port(app);
            FleetFixture fleet = new FleetFixture(port, app.getBean(JsonMapper.class));
            List<String> vehicles = new ArrayList<>();
            for (int i = 0; i < vehicleCount; i++) {
                vehicles.add(fleet.vehicle(TOWN));
            }
            List<String> drivers = new ArrayList<>();
            for (int i = 0; i < driverCount; i++) {
                drivers.add(fleet.driver(TOWN));
            }
            Phase bare = new Phase(seed(schema, 2031, trips));
            Phase http = new Phase(seed(schema, 2032, trips));
            String load = LoadRun.quietMachine(2.0, Duration.ofMinutes(2));

            LoadRun.Result bareResult = LoadRun.run("bare JDBC", clients, warmup, measure,
                    i -> bareDispatcher(schema, bare, vehicles, drivers));
            String token = TestTokens.tokenWith("bench-manager", TOWN, "党政办", "NONE", "FLEET_MANAGER");
            // each trip once, on a vehicle and a driver drawn now, from a second JVM (one connection per dispatcher)
            List<HttpLoad.Request> dispatches = http.trips.stream().map(t -> HttpLoad.Request.post(
                    "/api/fleet/trips/" + t.id() + "/dispatch", token,
                    "{\"vehicleId\":\"" + any(vehicles) + "\",\"driverId\":\"" + any(drivers) + "\"}")).toList();
            LoadRun.Remote remote = HttpLoad.fromSecondProcess("service over HTTP", port, clients, httpWarmup, measure,
                    HttpLoad.Mode.EACH_ONCE, dispatches, Set.of("200", "409~double-booking"));
            LoadRun.Result httpResult = remote.result();
            http.booked.set(remote.counter("status_200"));
            http.refused.set(remote.counter("status_409"));
            long overlaps = overlaps(schema);
            bare.check(schema, 2031);
            http.check(schema, 2032);

            LoadRun.appendRow(results, HEADER, TABLE, String.format(
                    "| %s → %s | %d | %d / %d | %,.0f | %.1f / %.1f | %,.0f | %.1f / %.1f | %.2f | %,d / %,d | %,d / %,d | %d | %,.0f |",
                    LoadRun.when(load), LoadRun.loadAverage(), clients, vehicleCount, driverCount,
                    bareResult.perSecond(), bareResult.p50(), bareResult.p99(), httpResult.perSecond(), httpResult.p50(),
                    httpResult.p99(), httpResult.perSecond() / bareResult.perSecond(), bare.booked.get(), bare.refused.get(),
                    http.booked.get(), http.refused.get(), overlaps, remote.serverCpuMicrosPerOperation()));
            if (overlaps > 0) {
                throw new IllegalStateException(overlaps + " overlapping bookings");
            }
        }
    }

    static final String HEADER = """
            # Dispatch under contention (fleet, issue #8)

            Command: `deploy/bench/dispatch.sh` (defaults: 50 concurrent dispatchers, 20 vehicles, 60 drivers, 40,000
            approved two-hour trips per phase spread over 2,000 half-hour starts, 5 s warm-up (over HTTP 15 s since
            2026-11-27 08:40, 60 s since 09:10: the service's code compiles then), 15 s measured). The service
            and the bare loop run in the benchmark's JVM; since 2026-11-27 08:50 the HTTP clients run in a second JVM,
            one keep-alive connection each (`HttpLoad`; before, the JDK `HttpClient` in the service's JVM). MariaDB 10.11 at 127.0.0.1; 2 shared cores. Every attempt takes the next
            trip and a random vehicle and driver, so most attempts meet a booking and are refused (409 `double-booking`).
            "Bare JDBC" takes the same locks (vehicle row, then driver row, `FOR UPDATE`) and runs the service's overlap
            statements at READ COMMITTED, then books (trip row + audit line); the service also writes the
            `TripDispatched` outbox row and answers JSON. Attempts/s count both outcomes; ratio = HTTP ÷ bare.
            Latencies in ms (p50 / p99). "Overlaps" = pairs of bookings of one vehicle or one driver whose windows
            overlap, counted in the database after both phases (self-join); booked = 200s, checked equal to the
            DISPATCHED rows of the phase.
            """;

    static final String TABLE = """
            | when (UTC) | load at start → end | dispatchers | vehicles / drivers | bare attempts/s | bare p50 / p99 | HTTP attempts/s (2nd process) | HTTP p50 / p99 | ratio | bare booked / refused | HTTP booked / refused | overlaps | CPU µs per HTTP attempt: service JVM + its broker |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|
            """;

    record Planned(String id, LocalDateTime start, LocalDateTime end) {
    }

    /** One phase's approved trips, handed out in order, and what became of them. */
    static final class Phase {
        final List<Planned> trips;
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong booked = new AtomicLong();
        final AtomicLong refused = new AtomicLong();

        Phase(List<Planned> trips) {
            this.trips = trips;
        }

        Planned take() {
            int i = next.getAndIncrement();
            return i < trips.size() ? trips.get(i) : null;
        }

        void check(String schema, int year) throws Exception {
            try (Connection c = LoadRun.connect(schema); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM trip WHERE status = 'DISPATCHED' AND YEAR(planned_start) = "
                         + year)) {
                rs.next();
                if (rs.getLong(1) != booked.get()) {
                    throw new IllegalStateException(year + ": " + booked.get() + " bookings answered, " + rs.getLong(1)
                            + " in the database");
                }
            }
        }
    }

    /** Bookings of one vehicle or one driver whose windows overlap: must be none. */
    static long overlaps(String schema) throws Exception {
        try (Connection c = LoadRun.connect(schema); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT COUNT(*) FROM trip a JOIN trip b
                  ON a.id < b.id AND (a.vehicle_id = b.vehicle_id OR a.driver_id = b.driver_id)
                 AND a.planned_start < b.planned_end AND b.planned_start < a.planned_end
                WHERE a.status = 'DISPATCHED' AND b.status = 'DISPATCHED'""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static <T> T any(List<T> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    /** The service's dispatch in plain JDBC: trip, vehicle lock, driver lock, the two overlap checks, the booking. */
    static LoadRun.Client bareDispatcher(String schema, Phase phase, List<String> vehicles, List<String> drivers) {
        return LoadRun.onConnection(schema, c -> {
            PreparedStatement trip = c.prepareStatement("SELECT status, version FROM trip WHERE id = ?");
            PreparedStatement vehicle = c.prepareStatement("SELECT plate FROM vehicle WHERE id = ? AND town_code = ? FOR UPDATE");
            PreparedStatement driver = c.prepareStatement("SELECT name FROM driver WHERE id = ? AND town_code = ? FOR UPDATE");
            PreparedStatement vehicleTaken = c.prepareStatement(TripBookings.VEHICLE_CONFLICTS);
            PreparedStatement driverTaken = c.prepareStatement(TripBookings.DRIVER_CONFLICTS);
            PreparedStatement book = c.prepareStatement("""
                    UPDATE trip SET status = 'DISPATCHED', vehicle_id = ?, plate = ?, driver_id = ?, driver_name = ?,
                      dispatched_at = ?, version = version + 1 WHERE id = ? AND version = ?""");
            PreparedStatement audit = c.prepareStatement("""
                    INSERT INTO trip_transition (trip_id, from_status, to_status, actor, at)
                    VALUES (?, 'APPROVED', 'DISPATCHED', 'bench', ?)""");
            return () -> {
                Planned t = phase.take();
                if (t == null) {
                    return false;
                }
                String v = any(vehicles);
                String d = any(drivers);
                trip.setString(1, t.id());
                long version;
                try (ResultSet rs = trip.executeQuery()) {
                    rs.next();
                    version = rs.getLong(2);
                }
                String plate = value(vehicle, v);
                String name = value(driver, d);
                if (conflicts(vehicleTaken, v, t) || conflicts(driverTaken, d, t)) {
                    c.rollback();
                    phase.refused.incrementAndGet();
                    return true;
                }
                Timestamp now = Timestamp.from(Instant.now());
                book.setString(1, v);
                book.setString(2, plate);
                book.setString(3, d);
                book.setString(4, name);
                book.setTimestamp(5, now);
                book.setString(6, t.id());
                book.setLong(7, version);
                if (book.executeUpdate() != 1) {
                    throw new IllegalStateException("trip " + t.id() + " changed under its dispatch");
                }
                audit.setString(1, t.id());
                audit.setTimestamp(2, now);
                audit.executeUpdate();
                c.commit();
                phase.booked.incrementAndGet();
                return true;
            };
        });
    }

    private static String value(PreparedStatement lock, String id) throws Exception {
        lock.setString(1, id);
        lock.setString(2, TOWN);
        try (ResultSet rs = lock.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean conflicts(PreparedStatement check, String resource, Planned t) throws Exception {
        check.setString(1, resource);
        check.setObject(2, t.end());
        check.setObject(3, t.start());
        check.setString(4, t.id());
        try (ResultSet rs = check.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * {@code trips} approved trips of the year, two hours each, starting on one of 2,000 half-hour marks from 1 March
     * (so about 20 trips compete for each mark and its neighbours); returned shuffled.
     */
    static List<Planned> seed(String schema, int year, int trips) throws Exception {
        try (Connection c = LoadRun.connect(schema); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_digit (d INT PRIMARY KEY)");
            s.execute("INSERT IGNORE INTO bench_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
            for (int offset = 0; offset < trips; offset += 100_000) {
                s.execute("""
                        INSERT INTO trip (id, town_code, requester, requester_name, department, purpose, destination,
                            passenger_count, planned_start, planned_end, holiday_use, status, requested_at, approved_by,
                            approved_at, version)
                        SELECT UUID(), '%s', 'bench-clerk', '党政办文书', '党政办', '到区政务中心报送年度材料', '顺德区行政服务中心', 1,
                            start, start + INTERVAL 2 HOUR, FALSE, 'APPROVED', NOW(6), 'bench-manager', NOW(6), 1
                        FROM (SELECT TIMESTAMP('%d-03-01 00:00:00') + INTERVAL 30 * (n MOD 2000) MINUTE AS start
                              FROM (SELECT %d + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n
                                    FROM bench_digit a, bench_digit b, bench_digit c, bench_digit e, bench_digit f) numbers
                              WHERE n < %d) starts""".formatted(TOWN, year, offset, trips));
            }
            s.execute("ANALYZE TABLE trip");
            List<Planned> planned = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id, planned_start, planned_end FROM trip WHERE status = 'APPROVED'"
                    + " AND YEAR(planned_start) = " + year + " ORDER BY id")) {
                while (rs.next()) {
                    planned.add(new Planned(rs.getString(1), rs.getObject(2, LocalDateTime.class),
                            rs.getObject(3, LocalDateTime.class)));
                }
            }
            Collections.shuffle(planned, new Random(year));
            return planned;
        }
    }
}
