package org.zhenwu.document.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** The demo files are deterministic, stay within the import limits, and this service's own files import cleanly. */
class DemoDataFilesTest extends ApiTestSupport {
    static final String TOWN = "440606101";

    @Test
    void the_same_seed_writes_the_same_files_and_the_document_files_import(@TempDir Path dir) throws Exception {
        List<Integer> years = List.of(2007, 2008); // years no other test touches: the figures stay this test's own
        int files = new DemoDataFiles(dir.resolve("a"), 7, 0.05, years).write();
        new DemoDataFiles(dir.resolve("b"), 7, 0.05, years).write();
        new DemoDataFiles(dir.resolve("c"), 8, 0.05, years).write();
        assertThat(digest(dir.resolve("a"))).isEqualTo(digest(dir.resolve("b"))).isNotEqualTo(digest(dir.resolve("c")));

        List<String> manifest = Files.readAllLines(dir.resolve("a/manifest.tsv"));
        assertThat(manifest).hasSize(files + 1);
        // per year and town: hotline, hall, trips, congress, incoming, outgoing; vehicles and drivers once per town
        assertThat(files).isEqualTo(10 * 2 + 2 * 10 * 6);
        assertThat(manifest.get(1)).startsWith("POST-EACH-LINE\t/api/fleet/vehicles\t");
        for (String line : manifest.subList(1, manifest.size())) {
            String[] f = line.split("\t");
            long rows = Files.lines(dir.resolve("a").resolve(f[4])).count();
            assertThat(rows).as(f[4]).isBetween(1L, 20_000L);
            assertThat(Files.size(dir.resolve("a").resolve(f[4]))).as(f[4]).isLessThan(5_000_000);
        }

        Api office = district();
        for (String line : manifest) {
            String[] f = line.split("\t");
            if (f[1].startsWith("/api/documents/") && f[1].endsWith("town=" + TOWN)) {
                String body = Files.readString(dir.resolve("a").resolve(f[4]));
                JsonNode result = ok(office.send(office.request(f[1]).header("Content-Type", f[2] + ";charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body))), 201);
                assertThat(result.get("imported").asLong()).as(f[4]).isEqualTo(body.lines().count());
            }
        }
        JsonNode report = ok(office.get("/api/documents/reports/annual?town=" + TOWN + "&year=2008"));
        JsonNode stats = ok(office.get("/api/documents/stats?town=" + TOWN + "&from=2008-01-01&to=2008-12-31"));
        for (JsonNode figure : report.get("figures")) {
            if (figure.get("key").asString().equals("documents.issued")) {
                assertThat(figure.get("value").asLong()).isPositive()
                        .isEqualTo(stats.get("issued").asLong() - stats.get("telegramsSent").asLong());
                assertThat(figure.get("previousYear").asLong()).isPositive();
            }
            if (figure.get("key").asString().equals("documents.petitionsHandled")) {
                assertThat(figure.get("value").asLong()).isPositive().isEqualTo(stats.get("petitionsHandled").asLong());
            }
        }
    }

    private static String digest(Path root) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(p));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
