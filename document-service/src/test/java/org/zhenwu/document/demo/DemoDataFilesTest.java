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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.ImportRecord;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/**
 * The demo files are deterministic, stay within the import limits, and this service's own files import cleanly
 * (every row, twice: the second time all skipped), filling the summary's figures with exactly what they hold.
 */
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
        // per year and town: hotline, hall, trips, congress, incoming, outgoing, handbooks; vehicles and drivers once
        // per town; the office's nine registers once per town (both years in one file)
        assertThat(files).isEqualTo(10 * 2 + 2 * 10 * 7 + 10 * 9);
        assertThat(manifest.get(1)).startsWith("POST-EACH-LINE\t/api/fleet/vehicles\t");
        for (String line : manifest.subList(1, manifest.size())) {
            String[] f = line.split("\t");
            long rows = Files.lines(dir.resolve("a").resolve(f[4])).count();
            assertThat(rows).as(f[4]).isBetween(1L, 20_000L);
            assertThat(Files.size(dir.resolve("a").resolve(f[4]))).as(f[4]).isLessThan(5_000_000);
        }

        Api office = district();
        int sent = 0;
        for (String line : manifest) {
            String[] f = line.split("\t");
            if (!f[1].startsWith("/api/documents/") || !f[1].endsWith("town=" + TOWN)) {
                continue;
            }
            sent++;
            String body = Files.readString(dir.resolve("a").resolve(f[4]));
            if (f[0].equals("POST-EACH-LINE-ONCE")) {   // the handbooks: one request per village
                for (String request : body.lines().toList()) {
                    ok(office.send(office.request(f[1]).header("Content-Type", f[2] + ";charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(request))), 201);
                }
                continue;
            }
            assertThat(f[0]).isEqualTo("POST");
            long rows = f[2].equals("text/csv") ? csv(body).size() : body.lines().count();
            for (int time = 0; time < 2; time++) {   // the second time every row is known: idempotent
                JsonNode result = ok(office.send(office.request(f[1]).header("Content-Type", f[2] + ";charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body))), 201);
                assertThat(result.get("imported").asLong()).as(f[4]).isEqualTo(time == 0 ? rows : 0);
                assertThat(result.get("skipped").asLong()).as(f[4]).isEqualTo(time == 0 ? 0 : rows);
            }
        }
        assertThat(sent).as("incoming and outgoing per year, nine registers, handbooks per year").isEqualTo(4 + 9 + 2);
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
        officeFiguresMatchTheFiles(report, dir.resolve("a"), 2008);
        officeFiguresMatchTheFiles(ok(office.get("/api/documents/reports/annual?town=" + TOWN + "&year=2007")),
                dir.resolve("a"), 2007);
    }

    /**
     * The office's registers in the summary: each figure equals what the generated rows of that year say, counted
     * here from the CSV files by the columns the imports read (so a misnamed column shows as a wrong figure).
     */
    private void officeFiguresMatchTheFiles(JsonNode report, Path dir, int year) throws IOException {
        String y = "-" + year + "-";
        Map<String, Long> expected = new LinkedHashMap<>();
        List<Map<String, String>> opinions = csv(dir, "legal-opinions");
        expected.put("legal.opinions", count(opinions, r -> r.get("issuedOn").startsWith(year + "-")));
        expected.put("legal.cases", count(csv(dir, "legal-cases"), r -> r.get("registeredOn").startsWith(year + "-")));
        List<Map<String, String>> contracts = csv(dir, "contracts");
        expected.put("contracts.signed", count(contracts, r -> r.get("signedOn").startsWith(year + "-")));
        expected.put("contracts.reviewed", count(contracts, r -> r.get("reviewOutcome") != null
                && r.get("reviewedOn").startsWith(year + "-")));
        List<Map<String, String>> disclosure = csv(dir, "disclosure");
        expected.put("disclosure.items", count(disclosure, r -> r.get("sourceId").contains(y)));
        expected.put("disclosure.website", count(disclosure, r -> r.get("sourceId").contains(y)
                && r.get("channels").contains("WEBSITE")));
        expected.put("disclosure.wechat", count(disclosure, r -> r.get("sourceId").contains(y)
                && r.get("channels").contains("WECHAT")));
        List<Map<String, String>> archives = csv(dir, "archives");
        expected.put("archives.documentary", count(archives, r -> r.get("arrangedOn").startsWith(year + "-")
                && r.get("category").equals("DOCUMENTARY")));
        expected.put("archives.marriage", count(archives, r -> r.get("arrangedOn").startsWith(year + "-")
                && r.get("category").equals("MARRIAGE")));
        List<Map<String, String>> emergency = csv(dir, "emergency");
        expected.put("emergency.reports", count(emergency, r -> r.get("occurredAt").startsWith(year + "-")));
        expected.put("emergency.fires", count(emergency, r -> r.get("occurredAt").startsWith(year + "-")
                && r.get("category").equals("FIRE")));
        expected.put("emergency.wageDisputes", count(emergency, r -> r.get("occurredAt").startsWith(year + "-")
                && r.get("category").equals("WAGE_DISPUTE")));
        expected.put("emergency.wageDisputesRealEstate", count(emergency,
                r -> r.get("occurredAt").startsWith(year + "-") && "true".equals(r.get("realEstateProject"))));
        expected.put("preparedness.drills", count(csv(dir, "drills"), r -> r.get("heldOn").startsWith(year + "-")));
        expected.put("research.visits", count(csv(dir, "research"), r -> r.get("startDate").startsWith(year + "-")
                && !r.get("status").equals("CANCELLED")));
        List<Map<String, String>> meetings = csv(dir, "meetings");
        expected.put("meetings.held", count(meetings, r -> r.get("startsAt").startsWith(year + "-")
                && !r.get("status").equals("CANCELLED")));
        expected.put("meetings.partyCommittee", count(meetings, r -> r.get("startsAt").startsWith(year + "-")
                && r.get("type").equals("PARTY_COMMITTEE") && !r.get("status").equals("CANCELLED")));
        long handbooks = 0;
        for (String line : Files.readAllLines(dir.resolve("office/materials-" + TOWN + "-" + year + ".jsonl"))) {
            handbooks += json.readTree(line).get("quantity").asLong();
        }
        expected.put("preparedness.materials", handbooks);

        Map<String, Long> actual = new LinkedHashMap<>();
        for (JsonNode figure : report.get("figures")) {
            if (expected.containsKey(figure.get("key").asString())) {
                actual.put(figure.get("key").asString(), figure.get("value").asLong());
            }
        }
        assertThat(actual).isEqualTo(expected);
        // every register has rows of the year, whatever the scale
        for (String key : List.of("legal.opinions", "legal.cases", "contracts.signed", "disclosure.items",
                "archives.documentary", "archives.marriage", "emergency.fires", "emergency.wageDisputes",
                "preparedness.drills", "preparedness.materials", "meetings.partyCommittee")) {
            assertThat(expected.get(key)).as(key).isPositive();
        }
    }

    private List<Map<String, String>> csv(Path dir, String register) throws IOException {
        return csv(Files.readString(dir.resolve("office/" + register + "-" + TOWN + ".csv")));
    }

    private static List<Map<String, String>> csv(String body) {
        return ImportFile.csv(body, 1_000_000).records().stream().map(ImportRecord::fields).toList();
    }

    private static long count(List<Map<String, String>> rows, Predicate<Map<String, String>> which) {
        return rows.stream().filter(which).count();
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
