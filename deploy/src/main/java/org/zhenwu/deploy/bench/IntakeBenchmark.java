package org.zhenwu.deploy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zhenwu.deploy.DevTokens;

/**
 * Hotline intake through the gateway at fixed rates (open loop: requests are sent on schedule whether or not
 * earlier ones have answered), each step a warm-up and a measured window; then checks the full event fan-out:
 * document-service's annual report must count every created order. Run by {@code deploy/bench/intake.sh}
 * against a running stack; appends one row per rate to the results file.
 */
public final class IntakeBenchmark {
    private static final Pattern COUNT = Pattern.compile("\"hotlineWorkOrders\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String gateway = System.getProperty("gateway", "http://localhost:8080");
        int[] rates = Arrays.stream(System.getProperty("rates", "50,100,200,300").split(",")).mapToInt(Integer::parseInt).toArray();
        Duration measure = Duration.ofSeconds(Long.getLong("seconds", 20));
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 5));
        Path results = Path.of(System.getProperty("results", "docs/benchmarks/intake.md"));
        // Many agents, as in a call centre: the gateway's rate limit is per client, and one agent is not 200 calls/s.
        DevTokens dev = DevTokens.withDevKey();
        int agentCount = Integer.getInteger("agents", 40);
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            agents.add(dev.forUser(new DevTokens.DevUser("HOTLINE_AGENT", "bench-agent-" + i, "压测坐席" + i,
                    DevTokens.DEV_TOWN, "12345热线", "NONE"), Instant.now()));
        }
        String clerk = dev.forRole("OFFICE_CLERK");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

        if (!Files.exists(results)) {
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, """
                    # Hotline intake through the gateway, with full event fan-out

                    Command: `deploy/bench/intake.sh` (starts gateway + hotline-service + document-service + Kafka on the local
                    stack, then drives `POST /api/hotline/work-orders` through the gateway at fixed rates, open loop, from a
                    second JVM on loopback). Each created order is written with its outbox event in one transaction, relayed to
                    Kafka and counted by document-service's annual report; "fan-out" is how long after the last request the
                    report had counted every order created. Latencies in ms. Goal: ≥ 100 creations/s sustained (40× Beijing
                    12345's peak of ~2.5/s) on 2 cores, everything on one machine.

                    | when (UTC) | target/s | achieved/s | created | errors | p50 | p99 | max | fan-out complete after |
                    |---|---|---|---|---|---|---|---|---|
                    """);
        }
        for (int rate : rates) {
            long before = reportCount(http, gateway, clerk, year);
            Step warm = drive(http, gateway, agents, rate, warmup);
            Step step = drive(http, gateway, agents, rate, measure);
            long expected = before + warm.created + step.created;
            Instant end = Instant.now();
            long counted = before;
            while (counted < expected && Duration.between(end, Instant.now()).toSeconds() < 120) {
                Thread.sleep(200);
                counted = reportCount(http, gateway, clerk, year);
            }
            String fanOut = counted >= expected ? String.format("%.1f s", Duration.between(end, Instant.now()).toMillis() / 1000.0)
                    : "incomplete: " + (counted - before) + " of " + (expected - before);
            String row = String.format("| %s | %d | %.1f | %d | %d | %.1f | %.1f | %.1f | %s |",
                    Instant.now().toString().substring(0, 16), rate, step.created / (double) measure.toSeconds(), step.created,
                    step.errors, step.percentile(0.50), step.percentile(0.99), step.percentile(1.0), fanOut);
            System.out.println(row);
            Files.writeString(results, row + "\n", StandardOpenOption.APPEND);
        }
    }

    record Step(int created, int errors, long[] latenciesNanos) {
        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int i = (int) Math.min(latenciesNanos.length - 1, Math.max(0, Math.ceil(latenciesNanos.length * p) - 1));
            return latenciesNanos[i] / 1e6;
        }
    }

    private static Step drive(HttpClient http, String gateway, List<String> tokens, int rate, Duration window) throws Exception {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + window.toNanos();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        int n = 0;
        for (long due = start; due < end; due = start + (++n) * interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long scheduled = due;
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/hotline/work-orders"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.get(n % tokens.size())).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(n))).build();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                // latency counted from the scheduled time: a backed-up system shows it (no coordinated omission)
                latencies.add(System.nanoTime() - scheduled);
                if (e == null && r.statusCode() == 201) {
                    created.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Step(created.get(), errors.get(), sorted);
    }

    private static String body(int n) {
        String[] types = {"COMPLAINT", "CONSULTATION", "HELP", "REPORT", "SUGGESTION"};
        String[] categories = {"城市管理/占道经营", "环境保护/噪音", "市政设施/路灯", "社会保障/医保", "交通/公交"};
        return "{\"type\":\"" + types[n % types.length] + "\",\"channel\":\"PHONE\",\"category\":\"" + categories[n % categories.length]
                + "\",\"callerName\":\"压测" + n + "\",\"callerPhone\":\"1380000" + String.format("%04d", n % 10_000)
                + "\",\"location\":\"乐从镇\",\"content\":\"基准测试工单 " + n + "\"}";
    }

    private static long reportCount(HttpClient http, String gateway, String token, int year) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/documents/reports/annual?year=" + year))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = COUNT.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("annual report answered " + r.statusCode() + ": " + r.body());
        }
        return Long.parseLong(m.group(1));
    }

}
