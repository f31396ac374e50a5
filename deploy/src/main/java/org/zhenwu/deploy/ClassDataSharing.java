package org.zhenwu.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Class-data sharing (on by default in the local stack; {@code --no-cds} turns it off): each jar is extracted once
 * ({@code -Djarmode=tools extract}) and a training run ({@code -XX:ArchiveClassesAtExit},
 * {@code -Dspring.context.exit=onRefresh}) writes a dynamic archive; later starts map it with
 * {@code -XX:SharedArchiveFile}. Redone when the jar, the flags or the JDK change. The local stack does not wait
 * for a missing archive: it starts that service plainly and trains the archive in the background, at the lowest
 * CPU priority, for the next start (a first training of all six took 118 s on a quiet machine, longer than the
 * plain start it would shorten).
 */
public final class ClassDataSharing {

    public record Prepared(Path jar, List<String> jvmFlags) { }

    /** A training run is a whole start; six at once on 2 cores busy with other builds have taken over 3 minutes. */
    private static final long TIMEOUT_SECONDS = 600;

    private static final Path NICE = Path.of("/usr/bin/nice");

    private final Path home;
    private final List<String> baseFlags;

    public ClassDataSharing(Path home, List<String> baseFlags) {
        this.home = home;
        this.baseFlags = List.copyOf(baseFlags);
    }

    /** The jar and flags to start the service with, training the archive first when it is missing or stale. */
    public Prepared prepare(ServiceSpec service, Path jar, Map<String, String> env, Path trainingLog) {
        return ready(service, jar).orElseGet(() -> {
            train(service, jar, env, trainingLog, false);
            return ready(service, jar).orElseGet(() -> new Prepared(jar, baseFlags));
        });
    }

    /** The extracted jar and the flags that map its archive, when this build of the jar has one. */
    public Optional<Prepared> ready(ServiceSpec service, Path jar) {
        Path dir = home.resolve(service.name());
        try {
            Path archive = dir.resolve("app.jsa");
            Path stamp = dir.resolve("source.txt");
            if (Files.exists(archive) && Files.exists(stamp) && Files.readString(stamp).equals(source(jar))) {
                Path app = extractedJar(dir.resolve("app"));
                if (app != null) {
                    return Optional.of(new Prepared(app, withArchive(archive)));
                }
            }
        } catch (IOException e) {
            // no usable archive: a plain start
        }
        return Optional.empty();
    }

    /**
     * Extracts the jar and trains its archive; {@code lowestPriority} runs both under {@code nice -n 19}, for a
     * training behind a stack that is already serving. Failures are reported, never thrown: the plain start is
     * always there.
     */
    public void train(ServiceSpec service, Path jar, Map<String, String> env, Path trainingLog, boolean lowestPriority) {
        Path dir = home.resolve(service.name());
        Path archive = dir.resolve("app.jsa");
        Path extracted = dir.resolve("app");
        try {
            System.out.println("  " + service.name() + ": training its class-data archive (once per build of the jar)"
                    + (lowestPriority ? " in the background" : "") + " …");
            deleteRecursively(dir);
            Files.createDirectories(dir);
            run(niced(List.of(ChildProcesses.javaExecutable(), "-Djarmode=tools", "-jar", jar.toString(),
                    "extract", "--destination", extracted.toString()), lowestPriority), Map.of(), dir, trainingLog, false);
            Path app = extractedJar(extracted);
            if (app == null) {
                throw new IOException("extraction produced no jar in " + extracted);
            }
            List<String> training = new ArrayList<>();
            training.add(ChildProcesses.javaExecutable());
            training.addAll(baseFlags);
            training.add("-XX:ArchiveClassesAtExit=" + archive);
            training.add("-Dspring.context.exit=onRefresh");
            training.add("-jar");
            training.add(app.toString());
            run(niced(training, lowestPriority), env, dir, trainingLog, true);
            if (!Files.exists(archive)) {
                throw new IOException("training run wrote no archive; see " + trainingLog);
            }
            Files.writeString(dir.resolve("source.txt"), source(jar));
        } catch (IOException e) {
            System.err.println("  " + service.name() + ": class-data sharing unavailable (" + e.getMessage() + "), plain start");
        }
    }

    /** What the archive was trained for: this build of the jar, these flags, this JDK. */
    private String source(Path jar) throws IOException {
        return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
                + String.join(" ", baseFlags) + " " + System.getProperty("java.version");
    }

    private static List<String> niced(List<String> command, boolean lowestPriority) {
        if (!lowestPriority || !Files.isExecutable(NICE)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(NICE.toString(), "-n", "19"));
        wrapped.addAll(command);
        return wrapped;
    }

    private List<String> withArchive(Path archive) {
        List<String> flags = new ArrayList<>(baseFlags);
        flags.add("-XX:SharedArchiveFile=" + archive);
        flags.add("-Xlog:cds=off");
        flags.add("-Xlog:cds+dynamic=off");
        return flags;
    }

    private static Path extractedJar(Path extracted) throws IOException {
        if (!Files.isDirectory(extracted)) {
            return null;
        }
        try (Stream<Path> files = Files.list(extracted)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst().orElse(null);
        }
    }

    private static void run(List<String> command, Map<String, String> env, Path dir, Path log, boolean append)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.detached(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                ChildProcesses.terminate(process, 5_000);
                throw new IOException("timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IOException("exit " + process.exitValue() + ": " + command.get(command.size() - 1) + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
