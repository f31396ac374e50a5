package org.zhenwu.platform.test;

import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * How much a service's historical imports cost, file by file, sending the {@code --demo} files (document-service's
 * {@code DemoDataFiles}, generated beforehand into {@code -Dzhenwu.bench.demo=<dir>}) to the service's real HTTP import
 * endpoints as {@code DemoLoader} does: each import file twice (all imported, then all skipped), registration files
 * ({@code POST-EACH-LINE}) one request per line, once. Per file: wall time, rows/s and the CPU this JVM used meanwhile
 * (the service and the test's HTTP client; the database's CPU is not counted). Skipped unless
 * {@code -Dzhenwu.bench=true}. The table goes to {@code target/<name>.md}; with {@code -Dzhenwu.bench.jfr=true} a Flight
 * Recorder profile of the sends goes to {@code target/<name>.jfr}.
 */
public final class ImportBenchmark {
    private static final Pattern IMPORTED = Pattern.compile("\"imported\"\\s*:\\s*(\\d+)");
    private static final Pattern SKIPPED = Pattern.compile("\"skipped\"\\s*:\\s*(\\d+)");

    private ImportBenchmark() {
    }

    /** The directory of the demo files; skips the test unless {@code -Dzhenwu.bench=true}. */
    public static Path demoFiles() {
        Assumptions.assumeTrue(Boolean.getBoolean("zhenwu.bench"), "benchmark: run with -Dzhenwu.bench=true");
        String dir = System.getProperty("zhenwu.bench.demo");
        if (dir == null || !Files.exists(Path.of(dir, "manifest.tsv"))) {
            throw new IllegalStateException("-Dzhenwu.bench.demo=<dir> must name the demo files (deploy/bench/imports.sh"
                    + " writes them); was " + dir);
        }
        return Path.of(dir);
    }

    /**
     * Sends every file of the manifest whose path and file {@code select} accepts, in manifest order, and writes the
     * table to {@code target/<name>.md}; returns it.
     */
    public static String run(Path dir, String name, Api api, Predicate<String[]> select) throws Exception {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s — load average at start %s%n%n"
                + "| file | rows | first send (s) | rows/s | CPU ms/row | second send, all skipped (s) | CPU ms/row |%n"
                + "|---|---:|---:|---:|---:|---:|---:|%n", name, loadAverage()));
        Recording profile = null;
        if (Boolean.getBoolean("zhenwu.bench.jfr")) {
            profile = new Recording(Configuration.getConfiguration("profile"));
            profile.start();
        }
        long rows = 0;
        double wall = 0;
        double cpu = 0;
        double wallAgain = 0;
        double cpuAgain = 0;
        for (String line : Files.readAllLines(dir.resolve("manifest.tsv")).stream().skip(1).toList()) {
            String[] f = line.split("\t");
            if (!select.test(f)) {
                continue;
            }
            String body = Files.readString(dir.resolve(f[4]));
            boolean each = f[0].startsWith("POST-EACH-LINE");
            List<String> requests = each ? body.lines().toList() : List.of(body);
            long n = each ? requests.size() : body.lines().filter(l -> !l.isBlank()).count() - (f[2].equals("text/csv") ? 1 : 0);
            double[][] took = new double[2][2];
            for (int time = 0; time < (each ? 1 : 2); time++) {
                long c = cpuNanos();
                long t = System.nanoTime();
                for (String request : requests) {
                    Api.Response r = api.send(api.request(f[1]).timeout(Duration.ofMinutes(15)).header("Content-Type", f[2] + ";charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(request)));
                    if (r.status() != 201) {
                        throw new AssertionError(f[4] + ": " + r.status() + " " + r.body());
                    }
                    if (!each && number(time == 0 ? IMPORTED : SKIPPED, r.body()) != n) {
                        throw new AssertionError(f[4] + " send " + (time + 1) + ": expected " + n + " rows "
                                + (time == 0 ? "imported" : "skipped") + ", got " + r.body());
                    }
                }
                took[time][0] = (System.nanoTime() - t) / 1e9;
                took[time][1] = (cpuNanos() - c) / 1e6;
            }
            rows += n;
            wall += took[0][0];
            cpu += took[0][1];
            wallAgain += took[1][0];
            cpuAgain += took[1][1];
            out.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %,.0f | %.2f | %s | %s |%n", f[4], n, took[0][0],
                    n / took[0][0], took[0][1] / n, each ? "—" : String.format(Locale.ROOT, "%.2f", took[1][0]),
                    each ? "—" : String.format(Locale.ROOT, "%.3f", took[1][1] / n)));
        }
        out.append(String.format(Locale.ROOT, "| **all** | %,d | %.2f | %,.0f | %.2f | %.2f | %.3f |%n", rows, wall,
                rows / wall, cpu / rows, wallAgain, cpuAgain / rows));
        out.append(String.format(Locale.ROOT, "%nLoad average at end %s%n", loadAverage()));
        if (profile != null) {
            profile.stop();
            profile.dump(Path.of("target", name + ".jfr"));
        }
        Files.writeString(Path.of("target", name + ".md"), out);
        System.out.println(out);
        return out.toString();
    }

    /** The district administrator, as {@code DemoLoader} sends the files. */
    public static Api district(int port) {
        return new Api(port).as(TestTokens.token("district", "DISTRICT", "DISTRICT_ADMIN"));
    }

    /** A manifest line's file belongs to the town (file names carry the town's code). */
    public static Predicate<String[]> pathAndTown(String pathPrefix, String town) {
        return f -> f[1].startsWith(pathPrefix) && f[4].contains(town);
    }

    private static long number(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
