package org.zhenwu.hotline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhenwu.hotline.HotlineServiceApplication;
import org.zhenwu.hotline.workorder.AgentQueue;
import org.zhenwu.hotline.workorder.QueueSql;
import org.zhenwu.hotline.workorder.WorkOrderService;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Clearance;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.test.LoadRun;
import org.zhenwu.platform.test.RawHttp;
import org.zhenwu.platform.test.SharedKafka;
import org.zhenwu.platform.test.TestInfrastructure;
import org.zhenwu.platform.test.TestTokens;

/**
 * Agents' queue claims: N concurrent agents on a queue of M open orders, through the running service over HTTP,
 * against a bare JDBC loop running the same claim SQL on the same database in the same run. After each claim the
 * agent's order leaves the queue (as a dispatch would), in both loops alike, so the head of the queue stays short.
 * Not a test: run with {@code deploy/bench/queue-claims.sh}; it prints a Markdown row and appends it to the results file.
 */
public final class QueueClaimBenchmark {
    private static final String TOWN = "440606104";

    public static void main(String[] args) throws Exception {
        int agents = Integer.getInteger("agents", 16);
        int orders = Integer.getInteger("orders", 1_000_000);
        Duration measure = Duration.ofSeconds(Long.getLong("seconds", 20));
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 5));
        Path results = Path.of(System.getProperty("results", "docs/benchmarks/queue-claims.md"));

        String loadAtStart = loadAverage();
        String schema = TestInfrastructure.freshSchema();
        String url = TestInfrastructure.jdbcUrl(schema);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HotlineServiceApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + TestInfrastructure.DB_USER,
                        "--spring.datasource.password=" + TestInfrastructure.DB_PASSWORD,
                        "--spring.datasource.hikari.maximum-pool-size=" + (agents + 4),
                        "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                        "--zhenwu.security.jwt.secret=" + TestTokens.SECRET,
                        "--zhenwu.hotline.deadline-check-delay=1h", "--logging.level.root=WARN");
        int exit = 1;
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            long seeded = seed(url, orders);
            System.out.printf("seeded %,d open orders in queue DISPATCH%n", seeded);

            Result bare = run("bare JDBC", agents, warmup, measure, i -> jdbcClaimer(url, "bare-" + i));
            WorkOrderService workOrders = app.getBean(WorkOrderService.class);
            Result method = run("service method", agents, warmup, measure, i -> methodClaimer(workOrders, "method-" + i));
            Result service = driveFromSecondProcess(url, port, agents, warmup, measure);
            Result inJvm = run("HTTP, in-JVM client", agents, warmup, measure, i -> httpClaimer(url, port, "jdk-" + i));

            long doubles = 0; // run() records every claimed id and fails on a second claim of any of them
            String row = String.format("| %s | %s → %s | %d | %,d | %.0f | %.1f / %.1f | %.0f | %.1f / %.1f | %.0f | %.1f / %.1f | %.2f | %.0f (%.2f) | %.0f / %.0f / %.0f | %d |",
                    Instant.now().toString().substring(0, 16), loadAtStart, loadAverage(), agents, seeded,
                    bare.perSecond(), bare.p50(), bare.p99(), method.perSecond(), method.p50(), method.p99(),
                    service.perSecond(), service.p50(), service.p99(), service.perSecond() / bare.perSecond(),
                    inJvm.perSecond(), inJvm.perSecond() / bare.perSecond(),
                    bare.cpuMicrosPerClaim(), method.cpuMicrosPerClaim(), service.cpuMicrosPerClaim(), doubles);
            System.out.println(row);
            Files.createDirectories(results.toAbsolutePath().getParent());
            if (!Files.exists(results)) {
                Files.writeString(results, """
                        # Queue claims (hotline agents' queues)

                        Command: `deploy/bench/queue-claims.sh` (defaults: 16 agents, 1,000,000 open orders, 5 s warm-up, 20 s measured).
                        Same machine, same database (MariaDB 10.11 at 127.0.0.1), same run; latencies in ms (p50 / p99).
                        "Service method" calls `WorkOrderService.claimNext` in the service's JVM (Spring transaction, claim SQL,
                        JPA load of the order); "over HTTP" is the full path an agent's console takes (HTTP, JWT check, the
                        same method, JSON). The ratio is over HTTP ÷ bare JDBC. Goal: ratio ≥ 0.5, zero double claims.

                        """);
            }
            if (!Files.readString(results).contains(TABLE_HEADER)) {
                Files.writeString(results, "\n" + TABLE_HEADER + "\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n",
                        java.nio.file.StandardOpenOption.APPEND);
            }
            Files.writeString(results, row + "\n", java.nio.file.StandardOpenOption.APPEND);
            exit = 0;
        } finally {
            app.close();
            try (Connection c = DriverManager.getConnection(TestInfrastructure.DB_URL, TestInfrastructure.DB_USER,
                    TestInfrastructure.DB_PASSWORD); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE `" + schema + "`");
            }
            System.exit(exit);
        }
    }

    static final String TABLE_HEADER = "| when (UTC) | load avg start → end | agents | open orders | bare JDBC claims/s | bare p50 / p99 "
            + "| method claims/s | method p50 / p99 | HTTP claims/s (2nd process) | HTTP p50 / p99 | ratio HTTP ÷ bare "
            + "| in-JVM JDK client claims/s (ratio) | JVM CPU µs per claim: bare / method / HTTP server side | double claims |";

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }

    /**
     * The HTTP phase, driven as issue #11 asks: from a second JVM on loopback ({@link LoadRun#inSecondProcess}), whose
     * agents hold one keep-alive connection each and write a prepared request (like wrk), so the client's cost does
     * not land in the service's JVM and its garbage collector. The driver takes each claimed order off the queue as
     * the other loops do and fails on any order claimed twice.
     */
    private static Result driveFromSecondProcess(String url, int port, int agents, Duration warmup, Duration measure)
            throws Exception {
        LoadRun.Remote remote = LoadRun.inSecondProcess(HttpDriver.class, url, String.valueOf(port),
                String.valueOf(agents), String.valueOf(warmup.toSeconds()), String.valueOf(measure.toSeconds()));
        System.out.printf("service over HTTP: %,.0f µs CPU of the service's JVM per claim, %,d µs of the driver's%n",
                remote.serverCpuMicrosPerOperation(), remote.counter("driverCpuMicrosPerClaim"));
        LoadRun.Result r = remote.result();
        return new Result(r.perSecond(), r.p50(), r.p99(), r.max(), remote.serverCpuMicrosPerOperation());
    }

    /** The second process: {@code url port agents warmupSeconds measureSeconds}. */
    public static final class HttpDriver {
        public static void main(String[] args) throws Exception {
            seedUrl = args[0];
            int port = Integer.parseInt(args[1]);
            Duration measure = Duration.ofSeconds(Long.parseLong(args[4]));
            Result r = run("service over HTTP", Integer.parseInt(args[2]), Duration.ofSeconds(Long.parseLong(args[3])),
                    measure, i -> socketClaimer(port, "agent-" + i));
            long claims = Math.round(r.perSecond() * measure.toSeconds());
            LoadRun.report(new LoadRun.Result("service over HTTP", claims, r.perSecond(), r.p50(), r.p99(), r.max()),
                    Map.of("driverCpuMicrosPerClaim", Math.round(r.cpuMicrosPerClaim())));
            System.exit(0);
        }
    }

    /** One keep-alive HTTP/1.1 connection writing the same prepared claim request (like wrk). */
    private static Claimer socketClaimer(int port, String agent) {
        String token = TestTokens.tokenWith(agent, TOWN, "12345热线", "NONE", "HOTLINE_AGENT");
        RawHttp http = new RawHttp(port);
        byte[] request = http.prepare("POST", "/api/hotline/queues/DISPATCH/claims", token, "");
        return new Claimer() {
            @Override
            public String claim() throws Exception {
                RawHttp.Reply reply = http.send(request);
                if (reply.status() == 204) {
                    return null;
                }
                if (reply.status() != 200) {
                    throw new IllegalStateException("claim answered " + reply.status() + ": " + reply.body());
                }
                int at = reply.body().indexOf("\"id\":\"") + 6;
                return reply.body().substring(at, at + 36);
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }

    /** One agent's loop body: claims one order and returns its id, or null when the queue is empty. */
    interface Claimer extends AutoCloseable {
        String claim() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    private static Claimer jdbcClaimer(String url, String agent) {
        try {
            Connection c = DriverManager.getConnection(url, TestInfrastructure.DB_USER, TestInfrastructure.DB_PASSWORD);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            PreparedStatement select = c.prepareStatement(QueueSql.CLAIM_SQL);   // the service's own statement
            PreparedStatement lease = c.prepareStatement(QueueSql.LEASE_SQL);
            return new Claimer() {
                @Override
                public String claim() throws Exception {
                    Instant now = Instant.now();
                    select.setString(1, TOWN);
                    select.setString(2, "DISPATCH");
                    select.setDate(3, Date.valueOf(LocalDate.now()));
                    select.setTimestamp(4, Timestamp.from(now));
                    String id = null;
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next()) {
                            id = rs.getString("id");
                        }
                    }
                    if (id != null) {
                        lease.setString(1, agent);
                        lease.setTimestamp(2, Timestamp.from(now.plusSeconds(600)));
                        lease.setString(3, id);
                        lease.executeUpdate();
                    }
                    c.commit();
                    return id;
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

    private static Claimer methodClaimer(WorkOrderService workOrders, String agent) {
        Caller caller = new Caller(agent, agent, Set.of(Roles.HOTLINE_AGENT), TOWN, "12345热线", Clearance.NONE);
        return () -> workOrders.claimNext(caller, null, AgentQueue.DISPATCH).map(v -> v.id().toString()).orElse(null);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Claimer httpClaimer(String url, int port, String agent) {
        String token = TestTokens.tokenWith(agent, TOWN, "12345热线", "NONE", "HOTLINE_AGENT");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/hotline/queues/DISPATCH/claims"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
        return () -> {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 204) {
                return null;
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("claim answered " + r.statusCode() + ": " + r.body());
            }
            int at = r.body().indexOf("\"id\":\"") + 6;
            return r.body().substring(at, at + 36);
        };
    }

    /** Claims per second and latencies of the measured window, and this JVM's CPU time per claim in that window. */
    record Result(double perSecond, double p50, double p99, double max, double cpuMicrosPerClaim) {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Runs the agents' loops: warm-up, then a measured window; each claimed order is then taken off the queue. */
    private static Result run(String name, int agents, Duration warmup, Duration measure, IntFunction<Claimer> claimers)
            throws Exception {
        AtomicLong claims = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        AtomicLong doubles = new AtomicLong();
        long warmEnd = System.nanoTime() + warmup.toNanos();
        long end = warmEnd + measure.toNanos();
        CountDownLatch done = new CountDownLatch(agents);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            long[] mine = new long[200_000];
            latencies.add(mine);
            int index = i;
            Thread t = new Thread(() -> {
                int n = 0;
                try (Claimer claimer = claimers.apply(index);
                     Connection done2 = DriverManager.getConnection(seedUrl, TestInfrastructure.DB_USER, TestInfrastructure.DB_PASSWORD);
                     PreparedStatement dispatch = done2.prepareStatement(
                             "UPDATE work_order SET queue = NULL, leased_by = NULL, lease_until = NULL WHERE id = ?")) {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        String id = claimer.claim();
                        long took = System.nanoTime() - start;
                        if (id == null) {
                            break;
                        }
                        if (!claimed.add(id)) {
                            doubles.incrementAndGet();
                        }
                        if (start >= warmEnd) {
                            claims.incrementAndGet();
                            if (n < mine.length) {
                                mine[n++] = took;
                            }
                        }
                        dispatch.setString(1, id);
                        dispatch.executeUpdate();
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    mine[mine.length - 1] = n;
                    done.countDown();
                }
            }, name + "-" + i);
            threads.add(t);
            t.start();
        }
        Thread.sleep(Math.max(0, (warmEnd - System.nanoTime()) / 1_000_000));
        System.out.println(LoadRun.MEASURING + name);   // a parent process takes its CPU reading here
        long cpuAtStart = processCpuNanos();
        done.await();
        long cpu = processCpuNanos() - cpuAtStart;
        long total = 0;
        for (long[] l : latencies) {
            total += l[l.length - 1];
        }
        long[] all = new long[(int) total];
        int k = 0;
        for (long[] l : latencies) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        double perSecond = claims.get() / (measure.toNanos() / 1e9);
        double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
        double p99 = all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6;
        double cpuPerClaim = claims.get() == 0 ? 0 : cpu / 1e3 / claims.get();
        System.out.printf("%-18s %,8.0f claims/s  p50 %.2f ms  p99 %.2f ms  %,.0f µs CPU of this JVM per claim"
                + "  (double claims seen: %d)%n", name, perSecond, p50, p99, cpuPerClaim, doubles.get());
        if (doubles.get() > 0) {
            throw new IllegalStateException(name + ": " + doubles.get() + " orders were claimed twice");
        }
        double max = all.length == 0 ? 0 : all[all.length - 1] / 1e6;
        return new Result(perSecond, p50, p99, max, cpuPerClaim);
    }

    private static String seedUrl;

    /** {@code orders} open orders of one town in queue DISPATCH, 10% urgent, deadlines over the next 30 days. */
    private static long seed(String url, int orders) throws Exception {
        seedUrl = url;
        try (Connection c = DriverManager.getConnection(url, TestInfrastructure.DB_USER, TestInfrastructure.DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_digit (d INT PRIMARY KEY)");
            s.execute("INSERT INTO bench_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
            for (int offset = 0; offset < orders; offset += 100_000) {
                s.execute("""
                        INSERT INTO work_order (id, town_code, order_number, order_type, channel, category, urgency, status,
                            content, accepted_at, due_date, created_by, version, queue, priority, queue_available_on)
                        SELECT UUID(), '%s', CONCAT('B-', n), 'COMPLAINT', 'PHONE', '城市管理', IF(n MOD 10 = 0, 'URGENT', 'NORMAL'),
                            'ACCEPTED', 'bench', CURRENT_TIMESTAMP(6), CURRENT_DATE + INTERVAL (n MOD 30) DAY, 'bench', 0,
                            'DISPATCH', IF(n MOD 10 = 0, 0, 1), CURRENT_DATE
                        FROM (SELECT %d + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n
                              FROM bench_digit a, bench_digit b, bench_digit c, bench_digit e, bench_digit f) numbers
                        WHERE n < %d""".formatted(TOWN, offset, orders));
            }
            s.execute("ANALYZE TABLE work_order");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM work_order WHERE queue = 'DISPATCH'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
