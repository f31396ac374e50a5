package org.zhenwu.platform.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import com.sun.management.OperatingSystemMXBean;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The harness of the benchmarks behind {@code docs/benchmarks/}: a service started in the benchmark's JVM on a fresh
 * schema and the shared broker, closed-loop clients (warm-up, then a measured window, every latency kept), the
 * machine's load average recorded with each row, and the row appended to the results file. Not a test.
 */
public final class LoadRun {
    /** Plain HTTP/1.1, as a browser or a window terminal talks to the service. */
    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private LoadRun() {
    }

    /**
     * One client's loop body: one timed operation, false when there is nothing left to do (the client then stops);
     * then, untimed, whatever the next operation needs (a clerk finishing the ticket the window called).
     */
    public interface Client extends AutoCloseable {
        boolean once() throws Exception;

        default void after() throws Exception {
        }

        @Override
        default void close() throws Exception {
        }
    }

    /** Operations completed in the measured window, per second, and their latencies in ms. */
    public record Result(String name, long operations, double perSecond, double p50, double p99, double max) {
        @Override
        public String toString() {
            return String.format("%-22s %,8d ops  %,8.1f/s  p50 %.1f ms  p99 %.1f ms  max %.1f ms", name, operations,
                    perSecond, p50, p99, max);
        }
    }

    /**
     * Runs {@code clients} concurrent loops: {@code warmup} unmeasured, then {@code measure}; an operation counts in
     * the window it started in. The rate is over the window, or up to the last client's end when all of them ran out
     * of work sooner. The first exception of any client fails the run.
     */
    public static Result run(String name, int clients, Duration warmup, Duration measure, IntFunction<Client> factory)
            throws Exception {
        AtomicLong counted = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[][] latencies = new long[clients][];   // each client's, grown as it goes (a driver has a small heap)
        int[] sizes = new int[clients];
        AtomicLong lastStop = new AtomicLong(Long.MIN_VALUE);
        long warmEnd = System.nanoTime() + warmup.toNanos();
        long end = warmEnd + measure.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            int index = i;
            Thread t = new Thread(() -> {
                long[] mine = new long[4_096];
                int n = 0;
                try (Client client = factory.apply(index)) {
                    while (System.nanoTime() < end && failure.get() == null) {
                        long start = System.nanoTime();
                        boolean more = client.once();
                        long took = System.nanoTime() - start;
                        if (!more) {
                            break;
                        }
                        if (start >= warmEnd) {
                            counted.incrementAndGet();
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = took;
                        }
                        client.after();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    latencies[index] = mine;
                    sizes[index] = n;
                    lastStop.accumulateAndGet(System.nanoTime(), Math::max);
                    done.countDown();
                }
            }, name + "-" + i);
            t.start();
        }
        long untilMeasured = warmEnd - System.nanoTime();
        // a parent process takes its CPU reading here (inSecondProcess); at once when there is no warm-up (a burst)
        if (untilMeasured <= 0 || !done.await(untilMeasured, TimeUnit.NANOSECONDS)) {
            System.out.println(MEASURING + name);
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed", failure.get());
        }
        long[] all = new long[Arrays.stream(sizes).sum()];
        int k = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(latencies[i], 0, all, k, sizes[i]);
            k += sizes[i];
        }
        Arrays.sort(all);
        // the measured time: the window, or less when every client ran out of work before it ended (a burst)
        long measured = Math.max(1, Math.min(end, lastStop.get()) - warmEnd);
        Result result = new Result(name, counted.get(), counted.get() / (measured / 1e9), percentile(all, 50),
                percentile(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.println(result);
        return result;
    }

    /** The line a driver prints when its measured window starts (see {@link #inSecondProcess}). */
    public static final String MEASURING = "measuring ";
    static final String RESULT = "RESULT ";

    /** What a run in a second process gave: its result, its counters, and this JVM's CPU per operation meanwhile. */
    public record Remote(Result result, Map<String, Long> counters, double serverCpuMicrosPerOperation) {
        public long counter(String name) {
            Long value = counters.get(name);
            if (value == null) {
                throw new IllegalStateException("the driver reported no counter " + name + ": " + counters);
            }
            return value;
        }
    }

    /**
     * Runs the clients in a second JVM on loopback, as issue #11 asks of a load generator: {@code driver}'s main
     * (same class path, SerialGC, C1, 256 MB) with {@code args}, which calls {@link #run} once and ends with
     * {@link #report}. So the clients' CPU and garbage stay out of the measured service's JVM (this one), whose CPU
     * over the measured window is read when the driver says it starts measuring and when it reports. The driver's
     * lines are echoed with a {@code [driver]} prefix; a driver that fails fails the run.
     */
    public static Remote inSecondProcess(Class<?> driver, String... args) throws Exception {
        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(launcher, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), driver.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        long cpuAtStart = -1;
        long cpuAtEnd = -1;
        String last = null;
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith(MEASURING)) {
                    cpuAtStart = processCpuNanos();
                } else if (line.startsWith(RESULT)) {
                    cpuAtEnd = processCpuNanos();
                }
                System.out.println("[driver] " + line);
                last = line;
            }
        } finally {
            process.destroy();
        }
        if (process.waitFor() != 0 || last == null || !last.startsWith(RESULT)) {
            throw new IllegalStateException(driver.getSimpleName() + " failed (exit " + process.exitValue() + "): " + last);
        }
        String[] f = last.substring(RESULT.length()).split(" ");
        Result result = new Result(f[0].replace('_', ' '), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
        Map<String, Long> counters = new TreeMap<>();
        for (int i = 6; i < f.length; i++) {
            String[] kv = f[i].split("=", 2);
            counters.put(kv[0], Long.parseLong(kv[1]));
        }
        double cpuPerOperation = cpuAtStart < 0 || result.operations() == 0 ? 0
                : (cpuAtEnd - cpuAtStart) / 1e3 / result.operations();
        return new Remote(result, counters, cpuPerOperation);
    }

    /** A driver's last line (see {@link #inSecondProcess}): its result and named counters. */
    public static void report(Result result, Map<String, Long> counters) {
        StringBuilder line = new StringBuilder(RESULT).append(result.name().replace(' ', '_')).append(' ')
                .append(result.operations());
        for (double v : new double[] {result.perSecond(), result.p50(), result.p99(), result.max()}) {
            line.append(' ').append(String.format(Locale.ROOT, "%.3f", v));
        }
        counters.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
        System.out.flush();
    }

    /** This JVM's CPU time so far, all threads. */
    public static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    /** Nearest rank, in ms. */
    static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(sortedNanos.length * p / 100.0);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    /** The 1-, 5- and 15-minute load averages, as {@code uptime} shows them. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    /**
     * Waits (at most {@code atMost}) for the 1-minute load to drop below {@code below}: the machine is shared, and a
     * row measured under someone else's build says little. Returns the load average the run starts with.
     * {@code -DquietWait=<seconds>} overrides {@code atMost}.
     */
    public static String quietMachine(double below, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.getLong("quietWait", atMost.toSeconds())).toNanos();
        while (oneMinuteLoad() >= below && System.nanoTime() < deadline) {
            System.out.println("load " + loadAverage() + ": waiting for < " + below);
            Thread.sleep(10_000);
        }
        String load = loadAverage();
        System.out.println("starting at load " + load);
        return load;
    }

    private static double oneMinuteLoad() {
        String load = loadAverage();
        return load.equals("n/a") ? 0 : Double.parseDouble(load.split(" ")[0]);
    }

    /**
     * Starts a service's application on the schema, on a random port, with the test profile and the shared broker;
     * {@code -DserviceArgs="--a=b --c=d"} adds arguments (a log level to see the statements of one call, say).
     */
    public static ConfigurableApplicationContext start(Class<?> application, String schema, int poolSize, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + TestInfrastructure.jdbcUrl(schema),
                "--spring.datasource.username=" + TestInfrastructure.DB_USER,
                "--spring.datasource.password=" + TestInfrastructure.DB_PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=" + poolSize,
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--zhenwu.security.jwt.secret=" + TestTokens.SECRET, "--logging.level.root=WARN"));
        args.addAll(List.of(more));
        String extra = System.getProperty("serviceArgs", "").trim();   // e.g. -DserviceArgs=--logging.level.org.hibernate.SQL=DEBUG
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
        }
        return new SpringApplicationBuilder(application).profiles("test").run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.jdbcUrl(schema), TestInfrastructure.DB_USER,
                TestInfrastructure.DB_PASSWORD);
    }

    /** What a bare client does with its own connection: prepares its statements on it and returns its loop. */
    @FunctionalInterface
    public interface OnConnection {
        Client prepare(Connection connection) throws Exception;
    }

    /**
     * A bare client, the baseline of a service's operation: a JDBC connection of its own on {@code schema}, in
     * transactions as the services run them (autocommit off, READ COMMITTED), given to {@code body} to prepare its
     * statements; the connection closes with the client.
     */
    public static Client onConnection(String schema, OnConnection body) {
        Connection c = null;
        try {
            c = connect(schema);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            Client client = body.prepare(c);
            Connection owned = c;
            return new Client() {
                @Override
                public boolean once() throws Exception {
                    return client.once();
                }

                @Override
                public void after() throws Exception {
                    client.after();
                }

                @Override
                public void close() throws Exception {
                    try (owned) {
                        client.close();
                    }
                }
            };
        } catch (Exception e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new IllegalStateException("a bare client could not start", e);
        }
    }

    public static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.DB_URL, TestInfrastructure.DB_USER,
                TestInfrastructure.DB_PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + schema + "`");
        } catch (SQLException e) {
            System.err.println("could not drop " + schema + ": " + e.getMessage());
        }
    }

    /** A request with a bearer token and a JSON body (GET when {@code json} is null). */
    public static HttpRequest request(int port, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        return json == null ? b.GET().build()
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    public static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The start of a row: the minute (UTC) and the load average. */
    public static String when(String load) {
        return Instant.now().toString().substring(0, 16) + " | " + load;
    }

    /**
     * Appends a Markdown row under {@code table} (its heading line and separator): the file gets {@code header} when it
     * does not exist yet, and {@code table} again when its last table has other columns (a benchmark that gained a
     * column) or the file no longer ends in a row (a reading written below the table).
     */
    public static void appendRow(Path file, String header, String table, String row) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, header);
        }
        String text = Files.readString(file);
        String heading = table.strip().lines().findFirst().orElseThrow();
        String lastHeading = text.lines().filter(l -> l.startsWith("| when")).reduce((a, b) -> b).orElse("");
        String lastLine = text.strip().lines().reduce((a, b) -> b).orElse("");
        // a new table when the columns changed, or when a reading was written below the last row
        if (!lastHeading.equals(heading) || !lastLine.startsWith("|")) {
            Files.writeString(file, (text.endsWith("\n\n") ? "" : "\n") + table.strip() + "\n", StandardOpenOption.APPEND);
        }
        appendRow(file, header, row);
    }

    /** Appends a Markdown row, writing {@code header} first when the file does not exist yet. */
    public static void appendRow(Path file, String header, String row) throws IOException {
        System.out.println(row);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, header);
        }
        Files.writeString(file, row + "\n", StandardOpenOption.APPEND);
    }

    /** Runs a benchmark body on a fresh schema, drops the schema afterwards and exits the JVM (the broker's threads). */
    public static void main(String schema, ThrowingRunnable body) {
        int exit = 1;
        try {
            body.run();
            exit = 0;
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            dropSchema(schema);
            System.exit(exit);
        }
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
