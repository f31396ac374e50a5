package org.zhenwu.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.zhenwu.deploy.ClassDataSharing;
import org.zhenwu.deploy.LocalStack;
import org.zhenwu.deploy.ServiceProcess;
import org.zhenwu.deploy.ServiceSpec;

/**
 * Start time and memory of the six JVMs, alone and as the whole stack, under four sets of JVM options: plain
 * {@code java -jar}, plain with a class-data-sharing archive, the local stack's lean flags, and lean flags with an
 * archive (Spring Boot's CDS recipe: extracted jar, training run with {@code -Dspring.context.exit=onRefresh}).
 * Time to ready = process start until {@code /actuator/health/readiness} answers 200 (polled every 300 ms); RSS =
 * VmRSS right after. The variants are measured in turns, round after round, so drift of the machine's load hits
 * them alike. Own ports (27180–27185, Kafka 27292/27293), schemas {@code zhenwu_fp_*} (created, dropped at the
 * end), data under {@code .zhenwu/footprint/}. Run by {@code deploy/bench/footprint.sh}.
 */
public final class FootprintBenchmark {

    record Variant(String name, List<String> flags, boolean cds) {
    }

    /** One start: time to ready (ms) and RSS (kB). */
    record Start(long readyMillis, long rssKb) {
    }

    /** Longer than the stack's 120 s: on 2 cores shared with other builds a lone start has taken more. */
    static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(Long.getLong("timeout", 400));

    private static final String HEAD = """
            # Footprint: time to ready and memory of the six JVMs (issue #11)
            <!-- index-rows: 7 -->

            Command: `deploy/bench/footprint.sh` (default 2 rounds, `-Drounds=N`; `-Dalone=true` also starts each JVM on
            its own). Each round starts the whole stack once per variant, in turns: the real Kafka broker (KRaft, as the
            local stack starts it), then the six JVMs at once with `java <flags> -jar` against MariaDB 10.11 at 127.0.0.1
            (schemas migrated once before the measured starts). Ready = process start until `/actuator/health/readiness`
            answers 200 (polled every 300 ms); RSS = VmRSS just after the last one is ready. Variants: **plain** `java -jar`;
            **plain+CDS** the same with `-XX:SharedArchiveFile` (Spring Boot's recipe: `-Djarmode=tools extract`, one
            training run `-XX:ArchiveClassesAtExit -Dspring.context.exit=onRefresh`); **lean** the local stack's flags
            (`%s`); **lean+CDS** both. Per-service rows are each JVM's own time to ready within the stack's start (six
            JVMs sharing the cores); the stack row is broker start + six JVMs until the last is ready, its RSS the six
            JVMs plus the broker (MariaDB is the shared server here, not counted). Figures are medians over the rounds
            (seconds / MB); ratios are to plain in the same run. Goals: whole stack ready ≤ 30 s and ≤ 2 GiB on 2 cores;
            each service ≤ 0.6× its plain start time.

            """.formatted(String.join(" ", LocalStack.LEAN_JVM_FLAGS));

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 2);
        Path root = Path.of(System.getProperty("zhenwu.repo.root", ".")).toAbsolutePath().normalize();
        Path home = root.resolve(".zhenwu/footprint");
        List<ServiceSpec> plan = ServiceSpec.defaults().stream()
                .map(s -> s.withPort(s.port() + 19_100))
                .map(s -> s.withSchema(s.schema() == null ? null : s.schema().replace("zhenwu_", "zhenwu_fp_")))
                .toList();
        var settings = LocalStack.Settings.devDefaults(root).isolated(home, 27292, 27293, 27307, plan, Set.of());
        List<String> wanted = List.of(System.getProperty("variants", "plain,plain+CDS,lean,lean+CDS").split(","));
        List<Variant> known = List.of(
                new Variant("plain", List.of(), false),
                new Variant("plain+CDS", List.of(), true),
                new Variant("lean", LocalStack.LEAN_JVM_FLAGS, false),
                new Variant("lean+CDS", LocalStack.LEAN_JVM_FLAGS, true));
        // in the order given (the table's columns and the order of the turns in each round); plain is the baseline
        List<Variant> variants = wanted.stream()
                .map(n -> known.stream().filter(v -> v.name().equals(n.trim())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown variant " + n)))
                .toList();
        Map<String, ClassDataSharing> cds = Map.of(
                "plain+CDS", new ClassDataSharing(home.resolve("cds-plain"), List.of()),
                "lean+CDS", new ClassDataSharing(home.resolve("cds-lean"), LocalStack.LEAN_JVM_FLAGS));
        String loadAtStart = Bench.loadAverage();
        String started = Bench.now();
        System.out.println("load average at start: " + loadAtStart);

        boolean aloneToo = Boolean.getBoolean("alone");
        // per service and variant: its starts within the whole stack, round after round (and alone, with -Dalone=true)
        Map<String, Map<String, List<Start>>> inStack = new LinkedHashMap<>();
        Map<String, Map<String, List<Start>>> alone = new LinkedHashMap<>();
        Map<String, List<Start>> whole = new LinkedHashMap<>();
        Map<String, Long> trainingMillis = new ConcurrentHashMap<>();
        Map<String, Long> infraMillis = new LinkedHashMap<>();

        LocalStack infra = new LocalStack(settings);
        try {
            infra.startInfrastructure();
            for (ServiceSpec s : plan) {
                if (s.usesDatabase()) {
                    infra.database().createSchema(s.schema());   // an earlier, interrupted run's schema is reused
                }
            }
            // unmeasured: Flyway migrates each schema, and the jars are read into the page cache (-Dwarmup=false skips
            // it when an earlier run left the schemas migrated)
            if (!"false".equals(System.getProperty("warmup"))) {
                long t0 = System.nanoTime();
                parallel(plan, s -> start(infra, s, new Variant("migrate", LocalStack.LEAN_JVM_FLAGS, false), null, "migrate"));
                System.out.printf(Locale.ROOT, "schemas migrated (six at once) in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            // the training runs, six at once as the local stack does them (timed: the price of the first CDS start)
            for (Variant v : variants) {
                if (v.cds()) {
                    long t1 = System.nanoTime();
                    parallel(plan, s -> {
                        var p = cds.get(v.name()).prepare(s, s.jar(root), infra.environmentFor(s),
                                settings.logs().resolve(s.name() + "." + v.name() + ".training.log"));
                        if (p.jar().equals(s.jar(root))) {
                            throw new IllegalStateException("training failed for " + s.name() + " (" + v.name() + ")");
                        }
                        return null;
                    });
                    trainingMillis.put(v.name(), (System.nanoTime() - t1) / 1_000_000);
                    System.out.printf(Locale.ROOT, "%s archives trained in %.1f s%n", v.name(), trainingMillis.get(v.name()) / 1e3);
                }
            }
            for (int round = 1; aloneToo && round <= rounds; round++) {
                for (ServiceSpec s : plan) {
                    for (Variant v : variants) {
                        Start st = start(infra, s, v, cds.get(v.name()), "alone");
                        System.out.printf(Locale.ROOT, "round %d %-22s %-10s alone: ready %5.1f s  RSS %4d MB  (load %s)%n",
                                round, s.name(), v.name(), st.readyMillis() / 1000.0, st.rssKb() / 1024, Bench.loadAverage());
                        alone.computeIfAbsent(s.name(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(v.name(), k -> new ArrayList<>()).add(st);
                    }
                }
            }
        } finally {
            infra.close();
        }

        for (int round = 1; round <= rounds; round++) {
            for (Variant v : variants) {
                Map<String, Start> each = new LinkedHashMap<>();
                Start st = wholeStack(settings, plan, v, cds.get(v.name()), infraMillis, each);
                System.out.printf(Locale.ROOT, "round %d whole stack %-10s ready %5.1f s  RSS %5d MB  (load %s)%n", round,
                        v.name(), st.readyMillis() / 1000.0, st.rssKb() / 1024, Bench.loadAverage());
                each.forEach((name, e) -> {
                    System.out.printf(Locale.ROOT, "    %-22s ready %5.1f s  RSS %4d MB%n", name, e.readyMillis() / 1000.0,
                            e.rssKb() / 1024);
                    inStack.computeIfAbsent(name, k -> new LinkedHashMap<>()).computeIfAbsent(v.name(), k -> new ArrayList<>())
                            .add(e);
                });
                whole.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(st);
            }
        }

        // drop the schemas this run created
        try (var database = org.zhenwu.deploy.Database.startFromEnvironment(home.resolve("mariadb"), false, 27307)) {
            for (ServiceSpec s : plan) {
                if (s.usesDatabase()) {
                    database.dropSchema(s.schema());
                }
            }
        }

        String loadAtEnd = Bench.loadAverage();
        List<String> rows = new ArrayList<>();
        rows.add("");
        rows.add("### " + started + " UTC — load average " + loadAtStart + " at start, " + loadAtEnd + " at end, "
                + rounds + " round(s), Java " + System.getProperty("java.version"));
        rows.add("");
        StringBuilder head = new StringBuilder("| process |");
        StringBuilder sep = new StringBuilder("|---|");
        for (Variant v : variants) {
            head.append(' ').append(v.name()).append(" s / MB |");
            sep.append("---|");
        }
        head.append(" best ÷ plain (time) | ≤ 0.6×? |");
        sep.append("---|---|");
        rows.add(head.toString());
        rows.add(sep.toString());
        for (ServiceSpec s : plan) {
            rows.add(row(s.name() + " (in the stack)", variants, inStack.get(s.name())));
        }
        for (ServiceSpec s : plan) {
            if (alone.containsKey(s.name())) {
                rows.add(row(s.name() + " (alone)", variants, alone.get(s.name())));
            }
        }
        rows.add(row("**whole stack** (+ broker)", variants, whole));
        rows.add("");
        StringBuilder notes = new StringBuilder("Whole stack: broker start (part of the time) ");
        infraMillis.forEach((k, v) -> notes.append(k).append(' ').append(Bench.f1(v / 1000.0 / rounds)).append(" s, "));
        notes.append("each the mean over the rounds. Training runs, six at once (once; cached under `.zhenwu/` by the local stack): ");
        trainingMillis.forEach((k, v) -> notes.append(k).append(' ').append(Bench.f1(v / 1000.0)).append(" s, "));
        notes.setLength(notes.length() - 2);
        notes.append(". Every whole-stack start (s): ");
        whole.forEach((k, v) -> notes.append(k).append(' ')
                .append(v.stream().map(x -> Bench.f1(x.readyMillis() / 1000.0)).toList()).append(' '));
        rows.add(notes.toString().trim() + ".");
        Bench.appendRows("footprint.md", HEAD, rows);
    }

    private static String row(String name, List<Variant> variants, Map<String, List<Start>> byVariant) {
        StringBuilder sb = new StringBuilder("| ").append(name).append(" |");
        double plain = median(byVariant.get("plain"), true);
        double best = Double.MAX_VALUE;
        String bestName = "";
        for (Variant v : variants) {
            double t = median(byVariant.get(v.name()), true);
            double rss = median(byVariant.get(v.name()), false);
            sb.append(' ').append(t >= TIMEOUT.toMillis() ? "> " + TIMEOUT.toSeconds() + " (not ready)" : Bench.f1(t / 1000.0))
                    .append(" / ").append(Math.round(rss / 1024));
            if (!v.name().equals("plain")) {
                sb.append(" (").append(Bench.f2(t / plain)).append("×)");
            }
            sb.append(" |");
            if (t < best) {
                best = t;
                bestName = v.name();
            }
        }
        sb.append(' ').append(Bench.f2(best / plain)).append(" (").append(bestName).append(") | ")
                .append(best / plain <= 0.6 ? "yes" : "**no**").append(" |");
        return sb.toString();
    }

    private static double median(List<Start> starts, boolean time) {
        double[] v = starts.stream().mapToDouble(s -> time ? s.readyMillis() : s.rssKb()).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Starts one service alone, waits until ready, reads its RSS, stops it. */
    private static Start start(LocalStack infra, ServiceSpec s, Variant v, ClassDataSharing cds, String tag) {
        Path root = infra.settings().repoRoot();
        Path jar = s.jar(root);
        List<String> flags = v.flags();
        Map<String, String> env = infra.environmentFor(s);
        if (cds != null) {
            var prepared = cds.prepare(s, jar, env, infra.settings().logs().resolve(s.name() + ".training.log"));
            jar = prepared.jar();
            flags = prepared.jvmFlags();
        }
        ServiceProcess p = ServiceProcess.start(s, jar, flags, env,
                infra.settings().logs().resolve(s.name() + "." + tag + ".log"));
        try {
            p.awaitReady(TIMEOUT);
            return new Start(p.readyAfterMillis(), rssKb(p.pid()));
        } catch (ServiceProcess.ServiceFailed e) {
            throw new IllegalStateException(e.getMessage() + ":\n" + e.logTail(40), e);
        } finally {
            p.stop(LocalStack.SERVICE_STOP_GRACE_MILLIS);
        }
    }

    /** Broker, then the six JVMs at once; ready when the last one is. RSS of the six plus the broker. */
    private static Start wholeStack(LocalStack.Settings base, List<ServiceSpec> plan, Variant v, ClassDataSharing cds,
                                    Map<String, Long> infraMillis, Map<String, Start> each) {
        LocalStack stack = new LocalStack(base);
        List<ServiceProcess> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            long t0 = System.nanoTime();
            stack.startInfrastructure();
            infraMillis.merge(v.name(), (System.nanoTime() - t0) / 1_000_000, Long::sum);
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(plan.size());
            for (ServiceSpec s : plan) {
                ready.add(CompletableFuture.runAsync(() -> {
                    Path jar = s.jar(base.repoRoot());
                    List<String> flags = v.flags();
                    Map<String, String> env = stack.environmentFor(s);
                    if (cds != null) {
                        var prepared = cds.prepare(s, jar, env, base.logs().resolve(s.name() + ".training.log"));
                        jar = prepared.jar();
                        flags = prepared.jvmFlags();
                    }
                    ServiceProcess p = ServiceProcess.start(s, jar, flags, env, base.logs().resolve(s.name() + ".stack.log"));
                    processes.add(p);
                    try {
                        p.awaitReady(TIMEOUT);
                    } catch (ServiceProcess.ServiceFailed e) {
                        // recorded as "not ready within the timeout"; the others are still measured
                        System.out.println("  " + e.getMessage());
                    }
                }, pool));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
            long readyMillis = (System.nanoTime() - t0) / 1_000_000;
            pool.shutdown();
            long rss = rssKb(stack.broker().pid());
            for (ServiceSpec s : plan) {
                ServiceProcess p = processes.stream().filter(x -> x.spec().name().equals(s.name())).findFirst().orElseThrow();
                long kb = rssKb(p.pid());
                each.put(s.name(), new Start(p.readyAfterMillis() < 0 ? TIMEOUT.toMillis() : p.readyAfterMillis(), kb));
                rss += kb;
            }
            return new Start(readyMillis, rss);
        } finally {
            processes.parallelStream().forEach(p -> p.stop(LocalStack.SERVICE_STOP_GRACE_MILLIS));
            stack.close();
        }
    }

    interface Task {
        Object run(ServiceSpec s) throws Exception;
    }

    /** One thread per service, all at once; the first failure is thrown. */
    private static void parallel(List<ServiceSpec> plan, Task task) {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(plan.size());
        try {
            List<CompletableFuture<Object>> all = plan.stream().map(s -> CompletableFuture.supplyAsync(() -> {
                try {
                    return task.run(s);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool)).toList();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
    }

    /** VmRSS in kB from /proc; 0 where unavailable. */
    static long rssKb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("[^0-9]", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private FootprintBenchmark() {
    }
}
