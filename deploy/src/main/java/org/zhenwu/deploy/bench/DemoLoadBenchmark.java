package org.zhenwu.deploy.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.zhenwu.deploy.DemoLoader;

/**
 * {@code --demo} on the whole stack, timed: a fresh stack (empty schemas, a new broker), then {@link DemoLoader} as
 * {@code deploy/local-stack.sh --demo} runs it (same gateway time limits, same files), until the 2019 report counts
 * every generated record. Records the stack's start, the load per service (wall time, rows/s, CPU seconds of the
 * service's process) and the time to a full report, with the load average, as one row of
 * {@code docs/benchmarks/demo-load.md}. Its own ports (26080–26085, Kafka 26092/26093) and schemas
 * ({@code zhenwu_demobench_*}), so it runs beside the other benchmarks ({@code -DportOffset=19000 -Dname=demob}
 * for a second one at the same time). Run by {@code deploy/bench/demo-load.sh}.
 */
public final class DemoLoadBenchmark {

    static final Set<String> SERVICES = Set.of("gateway", "document-service", "service-hall-service", "hotline-service",
            "fleet-service", "congress-service");
    /** The manifest's service names ({@code /api/<name>/…}) → the stack's. */
    static final Map<String, String> PROCESS = Map.of("documents", "document-service", "service-hall",
            "service-hall-service", "hotline", "hotline-service", "fleet", "fleet-service", "congress", "congress-service");

    public static void main(String[] args) throws Exception {
        BigDecimal scale = new BigDecimal(System.getProperty("scale", "0.25"));
        long seed = Long.getLong("seed", DemoLoader.Options.DEFAULT_SEED);
        String label = System.getProperty("label", "");
        Path root = Path.of(System.getProperty("zhenwu.repo.root", ".")).toAbsolutePath().normalize();
        String loadBefore = Bench.loadAverage();
        String when = Bench.now();
        long t0 = System.nanoTime();
        // -DportOffset / -Dname: a second run beside the first (another checkout, say), on its own ports and schemas
        try (BenchStack stack = BenchStack.start(SERVICES, DemoLoader.GATEWAY_ENVIRONMENT, Map.of(),
                Integer.getInteger("portOffset", 18_000), System.getProperty("name", "demobench"))) {
            double startSeconds = (System.nanoTime() - t0 - stack.untimedNanos()) / 1e9;
            if (Boolean.getBoolean("cds")) {
                label = (label.isEmpty() ? "" : label + ", ") + "class-data sharing (archives trained, not timed)";
            }
            Map<String, Long> cpuBefore = new LinkedHashMap<>();
            PROCESS.values().forEach(p -> cpuBefore.put(p, stack.cpuMillis(p)));
            DemoLoader.Result r = new DemoLoader(root, stack.home(), stack.url("gateway"),
                    new DemoLoader.Options(seed, scale), System.out, () -> false, p -> { }).run();
            String loadAfter = Bench.loadAverage();
            StringBuilder services = new StringBuilder();
            for (String service : List.of("documents", "service-hall", "hotline", "fleet", "congress")) {
                Double s = r.serviceSeconds().get(service);
                if (s == null) {
                    continue;
                }
                String process = PROCESS.get(service);
                long cpu = stack.cpuMillis(process) - cpuBefore.get(process);
                long rows = r.serviceRows().get(service);
                services.append(services.length() == 0 ? "" : "; ").append(service).append(' ').append(Bench.f1(s))
                        .append(" s, ").append(String.format(Locale.ROOT, "%,d", rows)).append(" rows, ")
                        .append(Math.round(rows / s)).append("/s, CPU ").append(Bench.f1(cpu / 1000.0)).append(" s");
            }
            double fullReport = startSeconds + r.totalSeconds();
            String row = "| " + when + " | " + label + " | " + loadBefore + " → " + loadAfter + " | " + scale
                    + " | " + Bench.f1(startSeconds) + " | " + Bench.f1(r.filesSeconds()) + " | "
                    + Bench.f1(r.loadSeconds()) + " | " + Bench.f1(r.reportSeconds()) + " | **"
                    + Bench.f1(fullReport) + "**" + (r.complete() ? "" : " (report incomplete)")
                    + (r.refusedRows() > 0 ? ", " + r.refusedRows() + " rows refused" : "") + " | " + services + " |";
            Bench.appendRows("demo-load.md", HEAD, List.of(row));
        }
    }

    static final String HEAD = """
            # `--demo`: the whole stack's load

            | when (UTC) | code | load avg start → end | scale | stack start (s) | files (s) | loading (s) \
            | report after loading (s) | start → full report (s) | per service: wall, rows, rows/s, CPU of the service |
            |---|---|---|---|---|---|---|---|---|---|
            """;
}
