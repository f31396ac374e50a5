package org.zhenwu.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The whole system on one machine without Docker: a real Kafka broker (KRaft), the MySQL/MariaDB it finds
 * (or an embedded MariaDB), then the five services and the gateway as separate {@code java -jar} processes.
 * Data lives under {@code <repo>/.zhenwu/} and survives restarts; delete that directory to reset.
 *
 * <p>{@link #main} is the one command ({@code deploy/local-stack.sh}); the pieces are public so the
 * end-to-end test can start a stack of its own on other ports.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * Measured on 2 cores: six JVMs ready in about half the time and a third less memory than default flags. The
     * heap starts at 32 MB and grows as a service needs it: with the default initial size (1/64 of the machine's
     * memory, so the whole 256 MB here) a service at rest held ~50 MB more (hotline: 346 → 295 MB RSS when ready).
     */
    public static final List<String> LEAN_JVM_FLAGS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms32m", "-Xmx256m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m");
    /**
     * The lean flags with the default JIT (C1 then C2), as the Kubernetes base runs the services: C1 only starts
     * faster and uses less code cache, but its code takes about twice the CPU per request once warm.
     */
    public static final List<String> SERVER_JVM_FLAGS = LEAN_JVM_FLAGS.stream()
            .filter(f -> !f.startsWith("-XX:TieredStopAtLevel")).toList();
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    public static final long SERVICE_STOP_GRACE_MILLIS = 20_000;

    /** Everything a stack needs to know; {@link #devDefaults(Path)} is the dev stack. */
    public record Settings(Path repoRoot, Path home, int kafkaPort, int controllerPort, int embeddedDbPort,
                           List<ServiceSpec> plan, Set<String> selected, boolean forceEmbeddedDb, String profile,
                           boolean classDataSharing) {

        public static Settings devDefaults(Path repoRoot) {
            List<ServiceSpec> plan = ServiceSpec.defaults();
            return new Settings(repoRoot, repoRoot.resolve(".zhenwu"), 9092, 9093, Database.EMBEDDED_PORT, plan,
                    plan.stream().map(ServiceSpec::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new)),
                    false, "dev", false);
        }

        public Settings withSelected(Set<String> names) {
            Set<String> ordered = plan.stream().map(ServiceSpec::name).filter(names::contains)
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            return new Settings(repoRoot, home, kafkaPort, controllerPort, embeddedDbPort, plan, ordered, forceEmbeddedDb,
                    profile, classDataSharing);
        }

        public Settings withClassDataSharing(boolean on) {
            return new Settings(repoRoot, home, kafkaPort, controllerPort, embeddedDbPort, plan, selected, forceEmbeddedDb,
                    profile, on);
        }

        /** Another stack beside the dev one: its own data dir, ports, plan (ports and schemas) and selection. */
        public Settings isolated(Path newHome, int newKafkaPort, int newControllerPort, int newEmbeddedDbPort,
                                 List<ServiceSpec> newPlan, Set<String> names) {
            return new Settings(repoRoot, newHome, newKafkaPort, newControllerPort, newEmbeddedDbPort, newPlan,
                    Set.of(), forceEmbeddedDb, profile, classDataSharing).withSelected(names);
        }

        public List<ServiceSpec> selectedServices() {
            return plan.stream().filter(s -> selected.contains(s.name())).toList();
        }

        public Path logs() {
            return home.resolve("logs");
        }
    }

    private final Settings settings;
    private final Map<String, ServiceProcess> running = new ConcurrentHashMap<>();
    /** One thread per waiting child: the common pool has a single worker on 2 cores and would serialize them. */
    private final java.util.concurrent.ExecutorService waiters = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-stack-start");
        t.setDaemon(true);
        return t;
    });
    /** Added to the gateway's environment (--demo: longer time limits for the imports). */
    private final Map<String, String> gatewayEnvironment = new ConcurrentHashMap<>();
    /** Added to every other service's environment (tests: shorter job intervals). */
    private final Map<String, String> serviceEnvironment = new ConcurrentHashMap<>();
    private volatile Duration readyTimeout = READY_TIMEOUT;
    private volatile List<String> jvmFlags = LEAN_JVM_FLAGS;
    private volatile Thread backgroundTraining;
    /** Short-lived helpers (the demo data generator): stopped first when the stack stops. */
    private final List<Process> helpers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private KafkaBroker broker;
    private Database database;
    private volatile boolean closed;

    public LocalStack(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public Database database() {
        return database;
    }

    public Map<String, ServiceProcess> services() {
        return Map.copyOf(running);
    }

    /** Extra environment for the gateway process; call before {@link #startServices()}. */
    public LocalStack withGatewayEnvironment(Map<String, String> env) {
        gatewayEnvironment.putAll(env);
        return this;
    }

    /**
     * Extra environment for every service but the gateway, e.g. Spring relaxed-binding names such as
     * {@code ZHENWU_HOTLINE_DEADLINE_CHECK_INTERVAL=1s}; call before {@link #startServices()}.
     */
    public LocalStack withServiceEnvironment(Map<String, String> env) {
        serviceEnvironment.putAll(env);
        return this;
    }

    /** The services' JVM flags (default {@link #LEAN_JVM_FLAGS}); call before {@link #startServices()}. */
    public LocalStack withJvmFlags(List<String> flags) {
        jvmFlags = List.copyOf(flags);
        return this;
    }

    public List<String> jvmFlags() {
        return jvmFlags;
    }

    /** How long {@link #startServices()} waits for each service (default {@link #READY_TIMEOUT}). */
    public LocalStack withReadyTimeout(Duration timeout) {
        readyTimeout = timeout;
        return this;
    }

    public boolean isClosed() {
        return closed;
    }

    /** A helper process that {@link #close()} stops before the services (or at once, when already stopping). */
    public void adopt(Process helper) {
        helpers.add(helper);
        if (closed) {
            ChildProcesses.terminate(helper, 1_000);
        }
    }

    /** Kafka and the database, in parallel (an embedded MariaDB takes several seconds). */
    public void startInfrastructure() {
        try {
            Files.createDirectories(settings.logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = new KafkaBroker(settings.home().resolve("kafka"), settings.kafkaPort(), settings.controllerPort())
                .withoutShutdownHook();
        linkLog(settings.logs().resolve("kafka.log"), broker.logFile());
        var kafka = CompletableFuture.runAsync(broker::start, waiters);
        var db = CompletableFuture.supplyAsync(() ->
                Database.startFromEnvironment(settings.home().resolve("mariadb"), settings.forceEmbeddedDb(),
                        settings.embeddedDbPort()), waiters);
        try {
            database = db.join();
            kafka.join();
        } catch (CompletionException e) {
            db.thenAccept(d -> database = d);
            throw unwrap(e);
        }
        for (ServiceSpec service : settings.selectedServices()) {
            if (service.usesDatabase()) {
                database.createSchema(service.schema());
            }
        }
    }

    /** The environment a service process gets on top of the launcher's own. */
    public Map<String, String> environmentFor(ServiceSpec service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(service.port()));
        env.put("KAFKA_BOOTSTRAP", broker.bootstrapServers());
        env.put("SPRING_PROFILES_ACTIVE", settings.profile());
        env.put("ZHENWU_JWT_SECRET", DevTokens.DEV_SECRET);
        if (service.usesDatabase()) {
            env.put("DB_URL", database.urlFor(service.schema()));
            env.put("DB_USER", database.user());
            env.put("DB_PASSWORD", database.password());
        }
        if (service.isGateway()) {
            // the whole plan, not only the selection: a service left out runs from the IDE on its usual port
            for (ServiceSpec target : settings.plan()) {
                if (!target.isGateway()) {
                    env.put(target.urlEnv(), target.url());
                }
            }
            env.putAll(gatewayEnvironment);
        } else {
            env.putAll(serviceEnvironment);
        }
        return env;
    }

    /** Starts every selected service at once and waits for all of them to be ready. */
    public void startServices() {
        List<ServiceSpec> selected = settings.selectedServices();
        for (ServiceSpec service : selected) {
            checkJar(service);
            if (ChildProcesses.portInUse(service.port())) {
                throw new IllegalStateException("port " + service.port() + " for " + service.name()
                        + " is already in use: is another stack (or the IDE) running it?");
            }
        }
        ClassDataSharing cds = settings.classDataSharing() ? classDataSharing() : null;
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        List<ServiceSpec> untrained = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (ServiceSpec service : selected) {
            ready.add(CompletableFuture.runAsync(() -> {
                Path jar = service.jar(settings.repoRoot());
                List<String> flags = jvmFlags;
                Map<String, String> env = environmentFor(service);
                if (cds != null) {
                    var prepared = cds.ready(service, jar);
                    if (prepared.isPresent()) {
                        jar = prepared.get().jar();
                        flags = prepared.get().jvmFlags();
                    } else {
                        untrained.add(service);
                    }
                }
                ServiceProcess process = ServiceProcess.start(service, jar, flags, env,
                        settings.logs().resolve(service.name() + ".log"));
                running.put(service.name(), process);
                if (closed) {   // stopped while we were starting it
                    process.stop(SERVICE_STOP_GRACE_MILLIS);
                    return;
                }
                process.awaitReady(readyTimeout);
            }, waiters));
        }
        // fail fast: the first service that dies or times out ends the wait, close() stops the rest
        CompletableFuture<Void> firstFailureOrAll = new CompletableFuture<>();
        ready.forEach(f -> f.whenComplete((ok, failure) -> {
            if (failure != null) {
                firstFailureOrAll.completeExceptionally(failure);
            }
        }));
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).thenRun(() -> firstFailureOrAll.complete(null));
        try {
            firstFailureOrAll.join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
        if (!untrained.isEmpty()) {
            trainInBackground(cds, untrained);
        }
    }

    private ClassDataSharing classDataSharing() {
        return new ClassDataSharing(settings.home().resolve("cds"), jvmFlags);
    }

    /**
     * Trains the selected services' missing class-data archives now, all at once, after {@link #startInfrastructure()}:
     * for a benchmark whose timed start must find them, as a returning user's start does.
     */
    public void trainArchives() {
        ClassDataSharing cds = classDataSharing();
        CompletableFuture.allOf(settings.selectedServices().stream()
                .map(s -> CompletableFuture.runAsync(() -> cds.prepare(s, s.jar(settings.repoRoot()), environmentFor(s),
                        settings.logs().resolve(s.name() + ".cds-training.log")), waiters))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** The missing class-data archives, one at a time at the lowest CPU priority, for the next start. */
    private void trainInBackground(ClassDataSharing cds, List<ServiceSpec> services) {
        System.out.println("  class-data archives for " + services.size() + " service(s) are trained in the background"
                + " at the lowest priority; the next start uses them");
        Thread training = new Thread(() -> {
            for (ServiceSpec service : services) {
                if (closed || Thread.currentThread().isInterrupted()) {
                    return;
                }
                cds.train(service, service.jar(settings.repoRoot()), environmentFor(service),
                        settings.logs().resolve(service.name() + ".cds-training.log"), true);
            }
        }, "cds-training");
        training.setDaemon(true);
        backgroundTraining = training;
        training.start();
    }

    /**
     * Starts one service of the selection again, after it was killed or stopped, with {@code extraEnv} on top of its
     * usual environment (the previous log is kept as {@code <name>.log.1}), and waits until it is ready.
     */
    public ServiceProcess restart(String name, Map<String, String> extraEnv) {
        ServiceSpec service = settings.selectedServices().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not part of this stack"));
        ServiceProcess old = running.get(name);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + old.pid() + ")");
        }
        Map<String, String> env = environmentFor(service);
        env.putAll(extraEnv);
        ServiceProcess process = ServiceProcess.start(service, service.jar(settings.repoRoot()), jvmFlags, env,
                settings.logs().resolve(service.name() + ".log"));
        running.put(name, process);
        process.awaitReady(readyTimeout);
        return process;
    }

    /** Services first (SIGTERM, 20 s, kill), then the broker, then an embedded database. Data is kept. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (backgroundTraining != null) {
            backgroundTraining.interrupt();   // its training run is killed; the archive is trained next time
        }
        helpers.forEach(h -> ChildProcesses.terminate(h, 1_000));
        List<CompletableFuture<Void>> stops = running.values().stream()
                .map(s -> CompletableFuture.runAsync(() -> s.stop(SERVICE_STOP_GRACE_MILLIS), waiters))
                .toList();
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        if (broker != null) {
            broker.stop();
        }
        if (database != null) {
            database.close();
        }
        waiters.shutdown();
    }

    /** Sum of VmRSS over every process this JVM started (services, broker, embedded mariadbd). */
    public static long childrenRssKb() {
        return ProcessHandle.current().descendants().mapToLong(h -> ChildProcesses.rssKb(h.pid())).sum();
    }

    /** {@code .zhenwu/logs/kafka.log} points at the broker's log in its data directory. */
    private static void linkLog(Path link, Path target) {
        try {
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, link.getParent().relativize(target));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // cosmetic only
        }
    }

    private void checkJar(ServiceSpec service) {
        Path jar = service.jar(settings.repoRoot());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -B -DskipTests install -pl "
                    + service.module() + " -am (deploy/local-stack.sh does this for you)");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Main-Class") == null) {
                throw new IllegalStateException(jar + " is not an executable Spring Boot jar (no Main-Class): is "
                        + service.module() + " built with spring-boot-maven-plugin?");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static RuntimeException unwrap(CompletionException e) {
        return e.getCause() instanceof RuntimeException r ? r : e;
    }

    // ------------------------------------------------------------------ the command

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        // initialise logging once, before the broker and database threads race to do it
        org.slf4j.LoggerFactory.getILoggerFactory();
        Path root = Path.of(System.getProperty("zhenwu.repo.root", ".")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("deploy"))) {
            System.err.println("Run from the repository root (deploy/local-stack.sh does that): " + root);
            System.exit(2);
        }
        Settings settings;
        DemoLoader.Options demo;
        try {
            settings = parse(args, Settings.devDefaults(root));
            demo = DemoLoader.Options.parse(args);
            if (demo != null && settings != null && settings.selected().isEmpty()) {
                throw new IllegalArgumentException("--demo needs the services: it loads its data through the gateway");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (settings == null) {
            System.out.println(usage());
            return;
        }
        LocalStack stack = new LocalStack(settings);
        if (demo != null && System.getenv("SPRING_APPLICATION_JSON") == null) {
            stack.withGatewayEnvironment(DemoLoader.GATEWAY_ENVIRONMENT);
        }
        Thread hook = new Thread(() -> {
            System.out.println("\nStopping the local stack (data kept in " + root.relativize(settings.home()) + "/) …");
            stack.close();
            System.out.println("Stopped.");
        }, "local-stack-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        try {
            System.out.println("Starting Kafka (KRaft) and the database …");
            stack.startInfrastructure();
            System.out.printf(Locale.ROOT, "  Kafka ready at %s, database %s%s (%.1f s)%n", stack.broker().bootstrapServers(),
                    stack.database().baseUrl(), stack.database().isEmbedded() ? " (embedded MariaDB)" : "",
                    (System.nanoTime() - t0) / 1e9);
            if (!settings.selected().isEmpty()) {
                System.out.println("Starting " + String.join(", ", settings.selected()) + " …");
                stack.startServices();
            }
        } catch (ServiceProcess.ServiceFailed e) {
            System.err.println("\n" + e.getMessage() + ". Last lines of " + root.relativize(e.service().logFile()) + ":");
            System.err.println(e.logTail(60));
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("\nLocal stack failed to start: " + e.getMessage());
            System.exit(1);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, String> tokens = DevTokens.withDevKey().allRoles(Instant.now());
        Path tokensFile = writeTokens(settings.home().resolve("tokens.env"), tokens, settings);
        System.out.println(summary(stack, seconds, root, tokensFile, tokens));
        if (demo != null) {
            loadDemo(stack, demo, root);
        }
        watch(stack, root);
    }

    /** {@code --demo}: generate (once) and load the demo data through the gateway; a failure leaves the stack running. */
    private static void loadDemo(LocalStack stack, DemoLoader.Options demo, Path root) {
        String gateway = stack.settings().plan().stream().filter(ServiceSpec::isGateway).findFirst().orElseThrow().url();
        try {
            new DemoLoader(root, stack.settings().home(), gateway, demo, System.out, stack::isClosed, stack::adopt).run();
        } catch (RuntimeException e) {
            if (!stack.isClosed()) {
                System.err.println("\nDemo data not loaded: " + e.getMessage() + "\nThe stack keeps running; Ctrl-C stops everything.");
            }
        }
    }

    /** Returns null for --help. */
    static Settings parse(String[] args, Settings defaults) {
        List<String> all = defaults.plan().stream().map(ServiceSpec::name).toList();
        Set<String> selected = new java.util.LinkedHashSet<>(all);
        boolean embedded = false;
        // on by default since the footprint benchmark (docs/benchmarks/footprint.md); --no-cds or ZHENWU_CDS=false turn it off
        boolean cds = !"false".equalsIgnoreCase(System.getenv("ZHENWU_CDS"));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--only" -> selected = new java.util.LinkedHashSet<>(names(value(args, ++i, arg), defaults.plan()));
                case "--skip" -> selected.removeAll(names(value(args, ++i, arg), defaults.plan()));
                case "--no-services" -> selected.clear();
                case "--embedded-db" -> embedded = true;
                case "--cds" -> cds = true;
                case "--no-cds" -> cds = false;
                case "--demo" -> { }   // DemoLoader.Options.parse reads the demo options
                case "--demo-seed", "--demo-scale" -> i++;
                case "-h", "--help" -> {
                    return null;
                }
                default -> {
                    if (arg.startsWith("--only=")) {
                        selected = new java.util.LinkedHashSet<>(names(arg.substring(7), defaults.plan()));
                    } else if (arg.startsWith("--skip=")) {
                        selected.removeAll(names(arg.substring(7), defaults.plan()));
                    } else if (arg.startsWith("--demo-seed=") || arg.startsWith("--demo-scale=")) {
                        // read by DemoLoader.Options.parse
                    } else {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                }
            }
        }
        // keep the plan's order: services first, the gateway last in the table
        Set<String> chosen = selected;
        Set<String> ordered = all.stream().filter(chosen::contains).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return new Settings(defaults.repoRoot(), defaults.home(), defaults.kafkaPort(), defaults.controllerPort(),
                defaults.embeddedDbPort(), defaults.plan(), ordered, embedded, defaults.profile(), cds);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a comma-separated list of services");
        }
        return args[i];
    }

    private static List<String> names(String list, List<ServiceSpec> plan) {
        List<String> names = new ArrayList<>();
        for (String given : list.split(",")) {
            if (given.isBlank()) {
                continue;
            }
            names.add(plan.stream().filter(s -> s.answersTo(given)).findFirst()
                    .map(ServiceSpec::name)
                    .orElseThrow(() -> new IllegalArgumentException("unknown service '" + given.trim() + "'; known: "
                            + plan.stream().map(ServiceSpec::name).collect(Collectors.joining(", ")))));
        }
        return names;
    }

    static String usage() {
        return """
                Usage: deploy/local-stack.sh [--only a,b] [--skip a,b] [--no-services] [--embedded-db] [--no-cds]
                                             [--demo [--demo-scale 0.25] [--demo-seed 2019]]
                  --only a,b       start only these services (names: document, service-hall, hotline, fleet, congress, gateway)
                  --skip a,b       start all but these (dev loop: run the skipped one from the IDE on its usual port)
                  --no-services    Kafka and the database only
                  --embedded-db    use the embedded MariaDB (port 3307) even when MYSQL_URL answers
                  --no-cds         no class-data sharing (default: each jar is extracted and an archive trained once
                                   into .zhenwu/cds, again when the jar changes; later starts map it and are faster)
                  --demo           once everything is ready, load two years (2018-2019) of synthetic activity of the ten
                                   towns through the gateway (files generated once into .zhenwu/demo/; a rerun skips
                                   what is loaded) and print the annual report's URLs
                  --demo-scale X   volume of the demo data, 0 < X <= 2 (default 0.25: ~56k rows, a first load takes minutes)
                  --demo-seed N    seed of the demo data (default 2019); either option implies --demo
                Environment: MYSQL_URL (default jdbc:mysql://127.0.0.1:3306/), MYSQL_USER (root), MYSQL_PASSWORD (empty)
                Ctrl-C stops everything gracefully; data stays in .zhenwu/ (delete it to reset).""";
    }

    static Path writeTokens(Path file, Map<String, String> tokens, Settings settings) {
        String until = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.systemDefault())
                .format(Instant.now().plus(DevTokens.LIFETIME).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        StringBuilder sb = new StringBuilder("# Zhenwu dev tokens (HS256, dev key), valid until ").append(until)
                .append(".\n# Written by deploy/local-stack.sh; use: source .zhenwu/tokens.env\n");
        settings.plan().stream().filter(ServiceSpec::isGateway).findFirst()
                .ifPresent(g -> sb.append("export ZHENWU_GATEWAY=").append(g.url()).append('\n'));
        tokens.forEach((role, token) -> sb.append("export TOKEN_").append(role).append('=').append(token).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    static String summary(LocalStack stack, double seconds, Path root, Path tokensFile, Map<String, String> tokens) {
        Settings settings = stack.settings();
        StringBuilder sb = new StringBuilder("\n");
        String row = "  %-22s %-40s %8s %9s %7s%n";
        sb.append(String.format(row, "PROCESS", "URL", "PID", "RSS", "READY"));
        for (ServiceSpec spec : settings.plan()) {
            ServiceProcess p = stack.running.get(spec.name());
            if (p != null) {
                sb.append(String.format(row, spec.name(), spec.url(), p.pid(), mb(ChildProcesses.treeRssKb(handle(p.pid()))),
                        String.format(Locale.ROOT, "%.1f s", p.readyAfterMillis() / 1000.0)));
            } else {
                sb.append(String.format(row, spec.name(), spec.url() + " (not started)", "-", "-", ""));
            }
        }
        ServiceSpec gateway = settings.plan().stream().filter(ServiceSpec::isGateway).findFirst().orElseThrow();
        if (stack.running.containsKey(gateway.name())) {
            sb.append(String.format(row, "Swagger UI", gateway.url() + "/swagger-ui.html", "", "", ""));
        }
        sb.append(String.format(row, "kafka", stack.broker().bootstrapServers(), stack.broker().pid(),
                mb(ChildProcesses.treeRssKb(handle(stack.broker().pid()))), ""));
        if (stack.database().isEmbedded()) {
            var mariadbd = ProcessHandle.current().descendants()
                    .filter(h -> h.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                    .findFirst();
            sb.append(String.format(row, "mariadb (embedded)", stack.database().baseUrl(),
                    mariadbd.map(h -> Long.toString(h.pid())).orElse(""),
                    mariadbd.map(h -> mb(ChildProcesses.rssKb(h.pid()))).orElse(""), ""));
        } else {
            sb.append(String.format(row, "database (external)", stack.database().baseUrl(), "", "", ""));
        }
        sb.append(String.format(Locale.ROOT, "%nReady in %.1f s. Total RSS of the stack's processes: %s.%n", seconds,
                mb(childrenRssKb())));
        sb.append("Logs: ").append(root.relativize(settings.logs())).append("/<name>.log   Data: ")
                .append(root.relativize(settings.home())).append("/ (delete to reset)\n");
        List<ServiceSpec> notStarted = settings.plan().stream().filter(p -> !stack.running.containsKey(p.name())).toList();
        if (notStarted.size() > 3) {
            sb.append("\nServices run from the IDE need: SPRING_PROFILES_ACTIVE=").append(settings.profile())
                    .append(" KAFKA_BOOTSTRAP=").append(stack.broker().bootstrapServers())
                    .append(" DB_URL=").append(stack.database().urlFor("<schema>"))
                    .append(" DB_USER=").append(stack.database().user())
                    .append(" DB_PASSWORD=").append(shellQuote(stack.database().password()))
                    .append(" ZHENWU_JWT_SECRET=").append(DevTokens.DEV_SECRET).append('\n');
        } else if (!notStarted.isEmpty()) {
            sb.append("\nTo run a service left out (IDE or Maven), give it this environment, e.g.:\n");
            for (ServiceSpec spec : notStarted) {
                sb.append("  ").append(stack.environmentFor(spec).entrySet().stream()
                                .filter(e -> !e.getKey().endsWith("_URL") || e.getKey().equals("DB_URL"))
                                .map(e -> e.getKey() + "=" + shellQuote(e.getValue()))
                                .collect(Collectors.joining(" ")))
                        .append(" ./mvnw -pl ").append(spec.module()).append(" spring-boot:run\n");
            }
        }
        sb.append("\nDev tokens (HS256, 12 h; `source ").append(root.relativize(tokensFile)).append("` exports TOKEN_<ROLE>):\n");
        tokens.forEach((role, token) -> sb.append("  ").append(role).append('\n').append("    ").append(token).append('\n'));
        sb.append("\nTry: source ").append(root.relativize(tokensFile))
                .append(" && curl -H \"Authorization: Bearer $TOKEN_HOTLINE_AGENT\" ").append(gateway.url())
                .append("/api/hotline/work-orders\n");
        sb.append("Ctrl-C stops everything.\n");
        return sb.toString();
    }

    private static String shellQuote(String value) {
        return value.matches("[A-Za-z0-9_./:@=,-]*") && !value.isEmpty() ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    private static ProcessHandle handle(long pid) {
        return ProcessHandle.of(pid).orElse(ProcessHandle.current());
    }

    private static String mb(long kb) {
        return kb <= 0 ? "-" : String.format(Locale.ROOT, "%d MB", kb / 1024);
    }

    /** Reports a child that dies while the stack runs; the others keep running. */
    private static void watch(LocalStack stack, Path root) {
        Set<String> reported = new java.util.HashSet<>();
        boolean brokerReported = false;
        while (!stack.closed) {
            for (ServiceProcess p : stack.running.values()) {
                if (!p.isAlive() && reported.add(p.spec().name()) && !stack.closed) {
                    System.err.printf("%n%s exited with code %d; last lines of %s:%n%s%n", p.spec().name(), p.exitValue(),
                            root.relativize(p.logFile()), ChildProcesses.tail(p.logFile(), 30));
                }
            }
            if (!brokerReported && !stack.broker().isRunning() && !stack.closed) {
                brokerReported = true;
                System.err.printf("%nThe Kafka broker exited; see %s%n", root.relativize(stack.broker().logFile()));
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "LocalStack" + Arrays.asList(settings.selected().toArray());
    }
}
