package org.zhenwu.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) in a child JVM.
 * The data directory survives {@link #stop()} and {@link #restart()}: storage is formatted only on the
 * first start, so topics, records and committed offsets are kept.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final long STOP_GRACE_MILLIS = 30_000;

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private final List<String> jvmOptions;
    private Process process;
    private Thread shutdownHook;
    private boolean stopOnJvmExit = true;

    public KafkaBroker(Path dataDir, int port, int controllerPort) {
        this(dataDir, port, controllerPort, Classpath.forChildJvms(),
                List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxMetaspaceSize=128m"));
    }

    public KafkaBroker(Path dataDir, int port, int controllerPort, String classpath, List<String> jvmOptions) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public static KafkaBroker withDefaultPorts(Path dataDir) {
        return new KafkaBroker(dataDir, 9092, 9093);
    }

    /** For a caller that stops the broker itself, in order, from its own shutdown hook. */
    public synchronized KafkaBroker withoutShutdownHook() {
        stopOnJvmExit = false;
        return this;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return dataDir.resolve("broker.log");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the broker and returns once an AdminClient can describe the cluster. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        for (int p : new int[] {port, controllerPort}) {
            if (ChildProcesses.portInUse(p)) {
                throw new IllegalStateException("port " + p + " is already in use: another broker or stack running?");
            }
        }
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            Path log4j = writeLog4jConfig();
            if (!Files.exists(logDir().resolve("meta.properties"))) {
                format(config, log4j);
            }
            List<String> command = javaCommand(log4j);
            command.add("kafka.Kafka");
            command.add(config.toString());
            process = new ProcessBuilder(ChildProcesses.detached(command))
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka broker in " + dataDir, e);
        }
        if (stopOnJvmExit && shutdownHook == null) {
            // a test or launcher that dies without stop() must not leave a broker holding the port
            shutdownHook = new Thread(this::stop, "kafka-broker-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        awaitReady();
    }

    /** SIGTERM (controlled shutdown), wait, then SIGKILL. Data is kept. */
    public synchronized void stop() {
        ChildProcesses.terminate(process, STOP_GRACE_MILLIS);
        process = null;
    }

    public synchronized void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // nothing to undo
            }
            shutdownHook = null;
        }
    }

    private Path logDir() {
        return dataDir.resolve("kafka-logs");
    }

    private Path writeConfig() throws IOException {
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", logDir().toString());
        props.put("num.partitions", "3");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "10");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.retention.hours", "168");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        String text = props.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "# written by org.zhenwu.deploy.KafkaBroker on every start\n", "\n"));
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path writeLog4jConfig() throws IOException {
        String text = """
                status = warn
                appender.console.type = Console
                appender.console.name = STDOUT
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = INFO
                rootLogger.appenderRef.stdout.ref = STDOUT
                logger.kafka.name = kafka
                logger.kafka.level = INFO
                logger.request.name = kafka.request.logger
                logger.request.level = WARN
                logger.state.name = state.change.logger
                logger.state.level = WARN
                logger.clients.name = org.apache.kafka.clients
                logger.clients.level = WARN
                """;
        Path file = dataDir.resolve("log4j2.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private void format(Path config, Path log4j) throws IOException {
        List<String> command = javaCommand(log4j);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
        Process formatter = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                formatter.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage failed:\n" + ChildProcesses.tail(logFile(), 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private List<String> javaCommand(Path log4j) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + log4j);
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "100");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ":\n"
                            + ChildProcesses.tail(logFile(), 40));
                }
                try {
                    var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(1500))
                            .nodes().get(2, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // broker still starting
                }
                if (System.nanoTime() > deadline) {
                    stop();
                    throw new IllegalStateException("Kafka broker not ready after " + START_TIMEOUT.toSeconds() + " s:\n"
                            + ChildProcesses.tail(logFile(), 40));
                }
                sleep(200);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
