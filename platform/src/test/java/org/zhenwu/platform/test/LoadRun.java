package org.zhenwu.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

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
     * the window it started in. The first exception of any client fails the run.
     */
    public static Result run(String name, int clients, Duration warmup, Duration measure, IntFunction<Client> factory)
            throws Exception {
        AtomicLong counted = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        int[] sizes = new int[clients];
        long warmEnd = System.nanoTime() + warmup.toNanos();
        long end = warmEnd + measure.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            long[] mine = new long[1_000_000];
            latencies.add(mine);
            int index = i;
            Thread t = new Thread(() -> {
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
                            if (n < mine.length) {
                                mine[n++] = took;
                            }
                        }
                        client.after();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    sizes[index] = n;
                    done.countDown();
                }
            }, name + "-" + i);
            t.start();
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed", failure.get());
        }
        long[] all = new long[Arrays.stream(sizes).sum()];
        int k = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(latencies.get(i), 0, all, k, sizes[i]);
            k += sizes[i];
        }
        Arrays.sort(all);
        Result result = new Result(name, counted.get(), counted.get() / (measure.toNanos() / 1e9), percentile(all, 50),
                percentile(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.println(result);
        return result;
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
