package org.zhenwu.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A service JVM started with {@code java -jar}, its output in one log file. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ServiceSpec spec;
    private final Path logFile;
    private final Process process;
    private final long startedAt = System.nanoTime();
    private volatile long readyAfterMillis = -1;

    private ServiceProcess(ServiceSpec spec, Path logFile, Process process) {
        this.spec = spec;
        this.logFile = logFile;
        this.process = process;
    }

    /** Starts {@code java <jvmFlags> -jar <jar>} with the given extra environment; output goes to {@code logFile}. */
    public static ServiceProcess start(ServiceSpec spec, Path jar, List<String> jvmFlags, Map<String, String> env,
                                       Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.javaExecutable());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        try {
            ChildProcesses.rotate(logFile);
            ProcessBuilder builder = new ProcessBuilder(ChildProcesses.detached(command))
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().putAll(env);
            return new ServiceProcess(spec, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public long readyAfterMillis() {
        return readyAfterMillis;
    }

    /**
     * Waits until {@code /actuator/health/readiness} answers 200 (or, where the probe groups are off and it
     * answers 404, {@code /actuator/health}). Fails early when the process exits.
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String path = "/actuator/health/readiness";
        while (true) {
            if (!process.isAlive()) {
                throw new ServiceFailed(this, spec.name() + " exited with code " + process.exitValue() + " before it was ready");
            }
            int status = get(spec.url() + path);
            if (status == 200) {
                readyAfterMillis = (System.nanoTime() - startedAt) / 1_000_000;
                return;
            }
            if (status == 404 && path.endsWith("readiness")) {
                path = "/actuator/health";
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new ServiceFailed(this, spec.name() + " not ready after " + timeout.toSeconds() + " s (last "
                        + spec.url() + path + " → " + (status < 0 ? "no answer" : status) + ")");
            }
            sleep(300);
        }
    }

    /**
     * SIGKILL ({@code kill -9}), as a crash or the kernel's OOM killer ends a service: no shutdown hook runs, the
     * consumers commit no offsets and leave no group, the outbox relay gets no last round. Returns once it is gone.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException(spec.name() + " still alive 10 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public void stop(long graceMillis) {
        ChildProcesses.terminate(process, graceMillis);
    }

    private static int get(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
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

    /** A service that died or never became ready; carries the tail of its log. */
    public static final class ServiceFailed extends RuntimeException {
        private final transient ServiceProcess service;

        ServiceFailed(ServiceProcess service, String message) {
            super(message);
            this.service = service;
        }

        public ServiceProcess service() {
            return service;
        }

        public String logTail(int lines) {
            return ChildProcesses.tail(service.logFile(), lines);
        }
    }
}
