package org.zhenwu.document.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/**
 * How long the demo data of one town takes to load into this service, file by file, as {@code --demo} sends it (the
 * whole service running, real database and broker; no gateway): the generator at the default scale 0.25 for two
 * years, then every document-service file of 乐从镇 (a town of size 1.1, like the seed's) sent twice — the first time
 * imported, the second time all skipped (a second {@code --demo} run). Skipped unless {@code -Dzhenwu.bench=true};
 * {@code -Dzhenwu.bench.scale} changes the scale. Results go to {@code target/demo-import-benchmark.md};
 * docs/benchmarks/demo-load.md keeps the runs.
 */
class DemoImportBenchmarkTest extends ApiTestSupport {
    static final String TOWN = "440606104";
    static final List<Integer> YEARS = List.of(2023, 2024); // years no other test touches, all in the past

    /** CPU time of this JVM so far (every thread). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Test
    void loading_one_towns_document_files(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("zhenwu.bench"), "benchmark: run with -Dzhenwu.bench=true");
        double scale = Double.parseDouble(System.getProperty("zhenwu.bench.scale", "0.25"));
        long g = System.nanoTime();
        int files = new DemoDataFiles(dir, 2019, scale, YEARS).write();
        double generated = (System.nanoTime() - g) / 1e9;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Generator: %d files for the ten towns in %.2f s (scale %s)%n%n"
                        + "| file | rows | first send (s) | rows/s | CPU ms/row | second send, all skipped (s) |%n"
                        + "|---|---:|---:|---:|---:|---:|%n",
                files, generated, scale));
        Api office = district();
        double first = 0;
        double second = 0;
        double cpu = 0;
        long rows = 0;
        for (String line : Files.readAllLines(dir.resolve("manifest.tsv"))) {
            String[] f = line.split("\t");
            if (!f[1].startsWith("/api/documents/") || !f[1].endsWith("town=" + TOWN)) {
                continue;
            }
            String body = Files.readString(dir.resolve(f[4]));
            List<String> requests = f[0].equals("POST") ? List.of(body) : body.lines().toList();
            long n = f[0].equals("POST") ? body.lines().count() - (f[2].equals("text/csv") ? 1 : 0) : requests.size();
            double[] seconds = new double[2];
            double cpuFirst = 0;
            for (int time = 0; time < (f[0].equals("POST") ? 2 : 1); time++) {
                long t = System.nanoTime();
                long c = cpuNanos();
                for (String request : requests) {
                    JsonNode result = ok(office.send(office.request(f[1])
                            .header("Content-Type", f[2] + ";charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(request))), 201);
                    if (f[0].equals("POST")) {
                        assertThat(result.get(time == 0 ? "imported" : "skipped").asLong()).as(f[4]).isEqualTo(n);
                    }
                }
                seconds[time] = (System.nanoTime() - t) / 1e9;
                if (time == 0) {
                    cpuFirst = (cpuNanos() - c) / 1e9;
                }
            }
            cpu += cpuFirst;
            first += seconds[0];
            second += seconds[1];
            rows += n;
            out.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %,.0f | %.1f | %s |%n", f[4], n, seconds[0],
                    n / seconds[0], cpuFirst * 1000 / n, f[0].equals("POST") ? String.format(Locale.ROOT, "%.2f", seconds[1]) : "—"));
        }
        out.append(String.format(Locale.ROOT, "| **all of %s** | %,d | %.2f | %,.0f | %.1f | %.2f |%n", TOWN, rows,
                first, rows / first, cpu * 1000 / rows, second));
        out.append("\nCPU: of this test's JVM (the service, the test's HTTP client and the embedded broker) while the "
                + "file was sent the first time, per row.\n");
        Files.writeString(Path.of("target", "demo-import-benchmark.md"), out);
        System.out.println(out);
    }
}
