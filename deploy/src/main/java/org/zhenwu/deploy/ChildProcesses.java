package org.zhenwu.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small process helpers shared by the broker, the database and the services. */
final class ChildProcesses {

    private ChildProcesses() { }

    /** The java launcher of the JVM running this code, so children use the same JDK. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(c -> c.endsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /**
     * Runs the command in its own session where {@code setsid} exists, so a Ctrl-C in the terminal reaches only
     * the launcher, which then stops the children in order (services first, then the broker and the database).
     * Spawned by the JVM, the child is no process-group leader, so setsid execs in place and the pid is the JVM's.
     */
    static List<String> detached(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> wrapped = new java.util.ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL (the process and whatever it spawned). */
    static void terminate(Process process, long graceMillis) {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Resident set size in kB from /proc (Linux); 0 where unavailable. */
    static long rssKb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .mapToLong(Long::parseLong)
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The RSS of a process plus all its descendants (for example mariadbd under a shell). */
    static long treeRssKb(ProcessHandle handle) {
        return rssKb(handle.pid()) + handle.descendants().mapToLong(h -> rssKb(h.pid())).sum();
    }

    /** Last {@code n} lines of a log file, decoded leniently. */
    static String tail(Path file, int n) {
        if (!Files.exists(file)) {
            return "(no log at " + file + ")";
        }
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Deque<String> last = new ArrayDeque<>();
            for (String line : text.split("\n", -1)) {
                last.addLast(line);
                if (last.size() > n) {
                    last.removeFirst();
                }
            }
            return String.join("\n", last);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Keeps the previous run's log as {@code <name>.log.1}. */
    static void rotate(Path log) throws IOException {
        Files.createDirectories(log.getParent());
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static boolean portInUse(int port) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
