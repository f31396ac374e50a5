package org.zhenwu.deploy.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.zhenwu.deploy.LocalStack;
import org.zhenwu.deploy.ServiceProcess;
import org.zhenwu.deploy.ServiceSpec;

/**
 * The part of the local stack a benchmark measures, beside any dev stack, end-to-end or multi-instance run on the
 * same machine: ports 25080–25085, Kafka 25092/25093 (below the kernel's ephemeral range 32768–60999, where an
 * outgoing connection of any process may hold the port), schemas {@code zhenwu_bench_*} dropped and created afresh,
 * data under {@code .zhenwu/bench-stack/}. The services run as in the dev stack ({@code java -jar}, lean flags:
 * C1 only), or with {@code -Djit=c2} as the Kubernetes base runs them (the lean flags with the default JIT).
 */
final class BenchStack implements AutoCloseable {

    private final LocalStack stack;
    private final List<ServiceSpec> plan;
    /** Second instances: the stack does not know them, so they are stopped here. */
    private final Map<String, ServiceProcess> extra = new ConcurrentHashMap<>();
    private long untimedNanos;

    private BenchStack(LocalStack stack, List<ServiceSpec> plan) {
        this.stack = stack;
        this.plan = plan;
    }

    /**
     * Starts Kafka, the database (fresh bench schemas) and the named services ({@code gateway},
     * {@code hotline-service}, …), with extra environment for the gateway and for every other service.
     */
    static BenchStack start(Set<String> services, Map<String, String> gatewayEnv, Map<String, String> serviceEnv) {
        return start(services, gatewayEnv, serviceEnv, 17_000, "bench");
    }

    /**
     * As {@link #start(Set, Map, Map)}, on other ports and schemas, so that two benchmarks can run side by side:
     * service ports + {@code portOffset}, Kafka on 8092/8093 + {@code portOffset}, schemas {@code zhenwu_<name>_*},
     * data under {@code .zhenwu/<name>-stack/}.
     */
    static BenchStack start(Set<String> services, Map<String, String> gatewayEnv, Map<String, String> serviceEnv,
                            int portOffset, String name) {
        Path root = Path.of(System.getProperty("zhenwu.repo.root", ".")).toAbsolutePath().normalize();
        List<ServiceSpec> plan = ServiceSpec.defaults().stream()
                .map(s -> s.withPort(s.port() + portOffset))
                .map(s -> s.withSchema(s.schema() == null ? null : s.schema().replace("zhenwu_", "zhenwu_" + name + "_")))
                .toList();
        Path home = root.resolve(".zhenwu/" + name + "-stack");
        deleteRecursively(home.resolve("kafka"));   // a fresh broker: no offsets or events of an earlier run
        // -Dcds=true: the services start with class-data archives, as the local stack does once they are trained;
        // the archives are trained (once per build, kept under the stack's home) before the timed start
        boolean cds = Boolean.getBoolean("cds");
        var settings = LocalStack.Settings.devDefaults(root).isolated(home, 8092 + portOffset, 8093 + portOffset,
                8307 + portOffset, plan, services).withClassDataSharing(cds);
        LocalStack stack = new LocalStack(settings).withGatewayEnvironment(gatewayEnv)
                .withServiceEnvironment(serviceEnv)
                // -DreadyTimeoutSeconds=300: six JVMs starting on two cores that other builds keep busy
                .withReadyTimeout(java.time.Duration.ofSeconds(Long.getLong("readyTimeoutSeconds", 120)))
                .withJvmFlags(jvmFlags());
        BenchStack bench = new BenchStack(stack, plan);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::close, "bench-stack-stop"));
        long started = System.nanoTime();
        stack.startInfrastructure();
        for (ServiceSpec s : settings.selectedServices()) {
            if (s.usesDatabase()) {
                stack.database().dropSchema(s.schema());
                stack.database().createSchema(s.schema());
            }
        }
        if (cds) {
            long training = System.nanoTime();
            stack.trainArchives();
            bench.untimedNanos = System.nanoTime() - training;
        }
        try {
            stack.startServices();
        } catch (ServiceProcess.ServiceFailed e) {
            throw new IllegalStateException(e.getMessage() + "; last lines of " + e.service().logFile() + ":\n"
                    + e.logTail(60), e);
        }
        System.out.printf("bench stack (%s) ready in %.1f s%s%n", String.join(", ", settings.selected()),
                (System.nanoTime() - started - bench.untimedNanos) / 1e9,
                cds ? String.format(" with class-data sharing (archives trained before it in %.1f s)", bench.untimedNanos / 1e9) : "");
        return bench;
    }

    /** {@code -Djit=c1} (default, the dev stack's lean flags) or {@code -Djit=c2} (the same with the default JIT). */
    static List<String> jvmFlags() {
        String jit = System.getProperty("jit", "c1");
        return switch (jit) {
            case "c1" -> LocalStack.LEAN_JVM_FLAGS;
            case "c2" -> LocalStack.SERVER_JVM_FLAGS;
            default -> throw new IllegalArgumentException("-Djit must be c1 or c2, not " + jit);
        };
    }

    /** What the results rows say about the services' JIT. */
    static String jitLabel() {
        return jvmFlags() == LocalStack.LEAN_JVM_FLAGS ? "C1 only" : "C1+C2";
    }

    /** Time spent before the start that a start time must not count (training class-data archives), in ns. */
    long untimedNanos() {
        return untimedNanos;
    }

    Path home() {
        return stack.settings().home();
    }

    String url(String service) {
        return spec(service).url();
    }

    String schema(String service) {
        return spec(service).schema();
    }

    String bootstrapServers() {
        return stack.broker().bootstrapServers();
    }

    java.sql.Connection connect(String service) throws java.sql.SQLException {
        return stack.database().connect(spec(service).schema());
    }

    /** CPU time (user + system, ms) the service's process has used so far, from /proc; -1 where unknown. */
    long cpuMillis(String service) {
        return cpuMillisOf(stack.services().get(service).pid());
    }

    /** The same for the Kafka broker. */
    long brokerCpuMillis() {
        return cpuMillisOf(stack.broker().pid());
    }

    /** The same for the database server (the machine's mariadbd or mysqld, which other work may share). */
    static long databaseCpuMillis() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                .mapToLong(p -> cpuMillisOf(p.pid())).filter(ms -> ms >= 0).sum();
    }

    /** The same for any process, from /proc/<pid>/stat; -1 where unknown. */
    static long cpuMillisOf(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;   // fields 14, 15: ticks of 10 ms
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops one service (it stays stopped). */
    void stop(String service) {
        stack.services().get(service).stop(LocalStack.SERVICE_STOP_GRACE_MILLIS);
    }

    /**
     * A second instance of a service beside the first (same schema and broker, as in a scaled deployment), on the
     * first one's port + 100, with extra environment on top of the stack's (e.g. another profile); returns its URL.
     */
    String startSecondInstance(String service, Map<String, String> extraEnv) {
        ServiceSpec first = spec(service);
        ServiceSpec second = new ServiceSpec(service + "-b", first.module(), first.port() + 100, first.schema(),
                first.urlEnv());
        Map<String, String> env = new LinkedHashMap<>(stack.environmentFor(second));
        env.putAll(extraEnv);
        ServiceProcess process = ServiceProcess.start(second, second.jar(stack.settings().repoRoot()),
                stack.jvmFlags(), env, stack.settings().logs().resolve(second.name() + ".log"));
        extra.put(second.name(), process);
        try {
            process.awaitReady(LocalStack.READY_TIMEOUT);
        } catch (ServiceProcess.ServiceFailed e) {
            throw new IllegalStateException(e.getMessage() + ":\n" + e.logTail(60), e);
        }
        return second.url();
    }

    private static void deleteRecursively(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ServiceSpec spec(String service) {
        return plan.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service));
    }

    @Override
    public void close() {
        extra.values().forEach(p -> p.stop(LocalStack.SERVICE_STOP_GRACE_MILLIS));
        stack.close();
    }
}
