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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.zhenwu.deploy.DevTokens;
import org.zhenwu.deploy.LocalStack;
import org.zhenwu.deploy.ServiceProcess;
import org.zhenwu.deploy.ServiceSpec;

/**
 * A bounded soak through the gateway (issue #10, "load held"): an isolated stack of its own (gateway, hotline,
 * document and service-hall as {@code java -jar} processes, Kafka, all on free ports, fresh {@code zhenwu_soak_*}
 * schemas) under a steady mixed load for a fixed time, open loop on loopback: agents file work orders (受理) and read
 * their list, the office reads the annual summary, the hall issues tickets and reads its queues. Every window it
 * records the error rate, p50/p99 and each service's heap, direct buffers and RSS; at the end, whether the summary
 * counted every order filed. Run by {@code deploy/bench/soak.sh}; appends to {@code docs/benchmarks/soak.md}.
 */
public final class SoakRun {
    private static final Pattern COUNT = Pattern.compile("\"hotlineWorkOrders\"\\s*:\\s*(\\d+)");
    private static final List<String> SERVICES = List.of("gateway", "hotline-service", "document-service",
            "service-hall-service");

    /** One kind of request of the mix, with its share (out of 10) and the roles that make it. */
    private record Kind(String name, int share) {
    }

    private static final List<Kind> MIX = List.of(new Kind("POST work-order", 4), new Kind("GET work-orders", 2),
            new Kind("GET annual report", 2), new Kind("POST ticket", 1), new Kind("GET queues", 1));

    private SoakRun() {
    }

    /** Free ports picked at start: other stacks (dev, benchmarks, test runs) may share the machine. */
    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("zhenwu.repo.root", ".")).toAbsolutePath().normalize();
        int rate = Integer.getInteger("rate", 20);
        Duration total = Duration.ofSeconds(Long.getLong("seconds", 300));
        Duration window = Duration.ofSeconds(Long.getLong("window", 30));
        Path results = root.resolve(System.getProperty("results", "docs/benchmarks/soak.md"));

        List<ServiceSpec> plan = ServiceSpec.defaults().stream()
                .map(s -> s.withPort(freePort()))
                .map(s -> s.withSchema(s.schema() == null ? null : s.schema().replace("zhenwu_", "zhenwu_soak_")))
                .toList();
        var settings = LocalStack.Settings.devDefaults(root).isolated(root.resolve(".zhenwu/soak"), freePort(),
                freePort(), 43307, plan, Set.copyOf(SERVICES));
        try (LocalStack stack = new LocalStack(settings).withReadyTimeout(Duration.ofSeconds(300))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "soak-stack-stop"));
            long t0 = System.nanoTime();
            stack.startInfrastructure();
            for (ServiceSpec s : settings.selectedServices()) {
                if (s.usesDatabase()) {
                    stack.database().dropSchema(s.schema());
                    stack.database().createSchema(s.schema());
                }
            }
            stack.startServices();
            double ready = (System.nanoTime() - t0) / 1e9;
            String gateway = plan.stream().filter(ServiceSpec::isGateway).findFirst().orElseThrow().url();
            System.out.printf(Locale.ROOT, "soak stack ready in %.1f s; %d req/s for %d s%n", ready, rate,
                    total.toSeconds());
            new SoakRun.Driver(gateway, stack.services(), rate, total, window, results, ready).run();
        }
    }

    /** The most numbers one queue hands out in a day (the service's limit). */
    static final int NUMBERS_PER_QUEUE = 9_999;

    private static final class Driver {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String gateway;
        private final Map<String, ServiceProcess> services;
        private final int rate;
        private final Duration total;
        private final Duration window;
        private final Path results;
        private final double readySeconds;
        private final List<String> agents = new ArrayList<>();
        private final String clerk;
        private final String hall;
        private final int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        private final AtomicInteger created = new AtomicInteger();
        /** The hall's queues, filled one after the other: a queue hands out 1…9,999 a day at most. */
        private final List<String> queues = new ArrayList<>();
        private final AtomicInteger tickets = new AtomicInteger();

        Driver(String gateway, Map<String, ServiceProcess> services, int rate, Duration total, Duration window,
               Path results, double readySeconds) {
            this.gateway = gateway;
            this.services = services;
            this.rate = rate;
            this.total = total;
            this.window = window;
            this.results = results;
            this.readySeconds = readySeconds;
            // many agents, as in a call centre: the gateway's rate limit is per caller
            DevTokens dev = DevTokens.withDevKey();
            for (int i = 0; i < 40; i++) {
                agents.add(dev.forUser(new DevTokens.DevUser("HOTLINE_AGENT", "soak-agent-" + i, "压测坐席" + i,
                        DevTokens.DEV_TOWN, "12345热线", "NONE"), Instant.now()));
            }
            clerk = dev.forRole("OFFICE_CLERK");
            hall = dev.forRole("HALL_CLERK");
        }

        void run() throws Exception {
            // enough numbers for every ticket of the run: at 20/s an hour issues 7,200, and a queue's default range
            // (1…999, a real hall's day with room to spare) ran out after ~8 minutes, answering 409 from then on
            long sends = rate * total.toSeconds();
            long ticketCount = 0;
            for (int i = 0; i < sends; i++) {
                ticketCount += kindOf(i).name().equals("POST ticket") ? 1 : 0;
            }
            for (int q = 0; q <= ticketCount / NUMBERS_PER_QUEUE; q++) {
                String code = "S" + (char) ('A' + q);
                var queue = send(post("/api/service-hall/queues", hall, "{\"code\":\"" + code + "\",\"name\":\"综合受理"
                        + (q + 1) + "\",\"lastNumber\":" + NUMBERS_PER_QUEUE + "}"));
                if (queue.statusCode() != 201) {
                    throw new IllegalStateException("queue " + code + ": " + queue.statusCode() + " " + queue.body());
                }
                queues.add(code);
            }
            List<String> rows = new ArrayList<>();
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            long end = start + total.toNanos();
            int n = 0;
            while (start + n * interval < end) {
                long windowEnd = Math.min(end, System.nanoTime() + window.toNanos());
                ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
                AtomicInteger errors = new AtomicInteger();
                AtomicInteger sent = new AtomicInteger();
                Map<String, Integer> why = new java.util.concurrent.ConcurrentSkipListMap<>();
                List<CompletableFuture<?>> inFlight = new ArrayList<>();
                for (long due = start + n * interval; due < windowEnd; due = start + (++n) * interval) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    long scheduled = due;
                    int i = n;
                    sent.incrementAndGet();
                    inFlight.add(http.sendAsync(request(i), HttpResponse.BodyHandlers.discarding())
                            .whenComplete((r, e) -> {
                                // from the scheduled time: a backed-up system shows it (no coordinated omission)
                                latencies.add(System.nanoTime() - scheduled);
                                if (e != null || r.statusCode() >= 300) {
                                    errors.incrementAndGet();
                                    why.merge(kindOf(i).name() + " " + (e != null ? e.getClass().getSimpleName()
                                            : r.statusCode()), 1, Integer::sum);
                                } else if (kindOf(i).name().equals("POST work-order")) {
                                    created.incrementAndGet();
                                }
                            }));
                }
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                String row = String.format(Locale.ROOT, "| %d | %d | %d%s | %.2f %% | %.0f | %.0f | %.0f | %s |",
                        Math.round((System.nanoTime() - start) / 1e9), sent.get(), errors.get(),
                        why.isEmpty() ? "" : " (" + why.entrySet().stream().map(w -> w.getValue() + " × " + w.getKey())
                                .collect(Collectors.joining(", ")) + ")",
                        sent.get() == 0 ? 0 : 100.0 * errors.get() / sent.get(), percentile(sorted, 0.50),
                        percentile(sorted, 0.99), percentile(sorted, 1.0), memory());
                System.out.println(row);
                rows.add(row);
            }
            // the summary must count every order filed (the fan-out held under the load)
            Instant stopped = Instant.now();
            long counted = 0;
            while (counted < created.get() && Duration.between(stopped, Instant.now()).toSeconds() < 120) {
                counted = reportCount();
                if (counted < created.get()) {
                    Thread.sleep(500);
                }
            }
            String fanOut = String.format(Locale.ROOT, "Annual summary: %d orders counted, %d filed with a 201 "
                    + "(%.1f s after the load stopped; more counted than acknowledged = a POST answered with an error "
                    + "that had committed)", counted, created.get(), Duration.between(stopped, Instant.now())
                    .toMillis() / 1000.0);
            System.out.println(fanOut);
            write(rows, fanOut);
        }

        private Kind kindOf(int i) {
            int slot = i % 10;
            for (Kind k : MIX) {
                if (slot < k.share()) {
                    return k;
                }
                slot -= k.share();
            }
            throw new IllegalStateException();
        }

        private HttpRequest request(int i) {
            String agent = agents.get(i % agents.size());
            return switch (kindOf(i).name()) {
                case "POST work-order" -> post("/api/hotline/work-orders", agent, "{\"type\":\"COMPLAINT\","
                        + "\"channel\":\"PHONE\",\"category\":\"城市管理/占道经营\",\"callerName\":\"压测" + i
                        + "\",\"callerPhone\":\"1380000" + String.format(Locale.ROOT, "%04d", i % 10_000)
                        + "\",\"location\":\"乐从镇\",\"content\":\"耐久测试工单 " + i + "\"}");
                case "GET work-orders" -> get("/api/hotline/work-orders", agent);
                case "GET annual report" -> get("/api/documents/reports/annual?year=" + year, clerk);
                case "POST ticket" -> post("/api/service-hall/tickets", hall, "{\"queue\":\""
                        + queues.get(Math.min(queues.size() - 1, tickets.getAndIncrement() / NUMBERS_PER_QUEUE)) + "\"}");
                default -> get("/api/service-hall/queues", hall);
            };
        }

        private HttpRequest post(String path, String token, String body) {
            return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        private HttpRequest get(String path, String token) {
            return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET().build();
        }

        private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        private long reportCount() throws IOException, InterruptedException {
            HttpResponse<String> r = send(get("/api/documents/reports/annual?year=" + year, clerk));
            Matcher m = COUNT.matcher(r.body());
            return r.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        /** Per service "heap/direct/RSS" in MB, from its {@code /actuator/prometheus} (open) and /proc. */
        private String memory() {
            return SERVICES.stream().map(name -> {
                ServiceProcess p = services.get(name);
                String scrape = scrape(p.spec().url());
                return String.format(Locale.ROOT, "%.0f/%.1f/%d", sum(scrape, "jvm_memory_used_bytes", "area=\"heap\"")
                        / 1e6, sum(scrape, "jvm_buffer_memory_used_bytes", "id=\"direct\"") / 1e6, rssMb(p.pid()));
            }).collect(Collectors.joining(" · "));
        }

        private String scrape(String base) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 ? r.body() : "";
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }

        /** Sum of the samples of {@code metric} whose labels contain {@code label}; NaN when there is none. */
        private static double sum(String scrape, String metric, String label) {
            double total = 0;
            boolean found = false;
            for (String line : scrape.split("\n")) {
                if (line.startsWith(metric + "{") && line.contains(label)) {
                    total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? total : Double.NaN;
        }

        private static long rssMb(long pid) {
            try (var lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
                return lines.filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("[^0-9]", ""))
                        .mapToLong(Long::parseLong).findFirst().orElse(0) / 1024;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1));
            return sorted[i] / 1e6;
        }

        private void write(List<String> rows, String fanOut) throws IOException {
            if (!Files.exists(results)) {
                Files.createDirectories(results.toAbsolutePath().getParent());
                Files.writeString(results, """
                        # Soak through the gateway (issue #10, item 4)

                        Command: `deploy/bench/soak.sh [-Drate=20] [-Dseconds=300] [-Dwindow=30]`. It starts an
                        isolated stack of its own (gateway, hotline-service, document-service, service-hall-service as
                        `java -jar` processes with the lean flags, `-Xmx256m`; Kafka; fresh `zhenwu_soak_*` schemas;
                        free ports), then drives a steady mixed load through the gateway, open loop on loopback, from a
                        second JVM: 4/10 `POST /api/hotline/work-orders` (40 agents), 2/10
                        `GET /api/hotline/work-orders`, 2/10 `GET /api/documents/reports/annual`, 1/10 `POST /api/service-hall/tickets`, 1/10
                        `GET /api/service-hall/queues`. Per window: requests, errors (any answer ≥ 300 or no answer,
                        with their kinds), latency in ms from the scheduled send (no coordinated omission), and per
                        service (gateway · hotline · document · service-hall) heap used / direct buffers / RSS in MB,
                        from `/actuator/prometheus` (`jvm_memory_used_bytes` area heap, `jvm_buffer_memory_used_bytes`
                        id direct) and `/proc/<pid>/status`. A leak shows as direct buffers or RSS (or heap, which the
                        serial collector lets grow to `-Xmx` between collections) climbing window after window; a
                        backlog as p99 climbing.
                        """);
            }
            StringBuilder run = new StringBuilder();
            run.append(String.format(Locale.ROOT, "%n## %s: %d req/s for %d s (stack ready in %.0f s; %s)%n%n",
                    Instant.now().toString().substring(0, 16), rate, total.toSeconds(), readySeconds,
                    System.getProperty("load.note", "load not noted")));
            run.append("| t (s) | requests | errors | error rate | p50 | p99 | max | heap/direct/RSS MB: gateway · "
                    + "hotline · document · service-hall |\n|---|---|---|---|---|---|---|---|\n");
            rows.forEach(r -> run.append(r).append('\n'));
            run.append('\n').append(fanOut).append(".\n");
            Files.writeString(results, run.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
