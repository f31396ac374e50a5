package org.zhenwu.document.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/**
 * A classified document never shows through another feature's lists, registers, figures or exports, and every read
 * of it — the refused ones too — is on its read log with reader, time, IP and correlation id.
 * <p>
 * The lists are every GET of the OpenAPI document without a path variable, so a list added later is searched too
 * (a required query parameter the test cannot fill fails it). The 机密 document goes through the office: 登记, a
 * leader's 批示 with 督办 (a supervision task), 传阅, 归档 and filing into the archives; a disclosure item drawn
 * from it is refused.
 */
class ClassifiedNeverLeaksTest extends ApiTestSupport {
    static final String TOWN = "440606002";
    static final String OTHER = "440606003";
    static final String D = "/api/documents";
    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

    @Test
    void no_list_register_figure_or_export_of_any_feature_shows_a_classified_title_to_those_without_need() {
        String title = "机密标题" + unique();
        Api keeper = as("keeper-" + TOWN, TOWN, "党政办", "CONFIDENTIAL", "OFFICE_CLERK");
        Api secretary = as("secretary-" + TOWN, TOWN, "镇领导", "TOP_SECRET", "TOWN_LEADER");
        String id = ok(keeper.post(D + "/incoming", """
                {"channel":"CONFIDENTIAL_EXCHANGE","sender":"中共顺德区委办公室","originalNumber":"顺办〔2019〕5号",
                 "elements":{"documentType":"NOTICE","secrecyLevel":"CONFIDENTIAL","copyNumber":"000012","title":"%s",
                 "body":"涉密正文%s"}}""".formatted(title, title)), 201).get("id").asString();
        String path = D + "/incoming/" + id;
        ok(keeper.post(path + "/registration", ""));
        ok(keeper.post(path + "/screening", "{\"mode\":\"ACTION\"}"));
        ok(keeper.post(path + "/proposal", "{\"proposal\":\"拟请经发办办理\",\"leader\":\"secretary-" + TOWN + "\"}"));
        ok(secretary.post(path + "/instruction", "{\"instruction\":\"请经发办办理\",\"leadDepartment\":\"经发办\","
                + "\"supervise\":true,\"deadlineWorkingDays\":5}"));
        Api econ = as("econ-" + TOWN, TOWN, "经发办", "CONFIDENTIAL", "DEPARTMENT_HANDLER");
        ok(econ.post(path + "/acceptance", ""));
        ok(econ.post(path + "/completion", "{\"result\":\"已办结\"}"));
        ok(keeper.post(path + "/archiving", ""));
        ok(keeper.post(D + "/archives/documents", "{\"documentId\":\"" + id + "\"}"), 201);
        assertProblem(keeper.post(D + "/disclosure",
                "{\"title\":\"公开\",\"category\":\"NOTICE\",\"channels\":[\"WEBSITE\"],"
                + "\"sourceDocumentId\":\"" + id + "\"}"), 400, "sourceDocumentId");
        assertThat(keeper.get(path).body()).as("the keeper reads it").contains(title);

        Map<String, Api> withoutNeed = Map.of(
                "a leader of the town with 秘密 clearance", as("junior-" + TOWN, TOWN, "镇领导", "SECRET", "TOWN_LEADER"),
                "a clerk of the town with 秘密 clearance", as("low-" + TOWN, TOWN, "党政办", "SECRET", "OFFICE_CLERK"),
                "a handler of the town with no clearance", handler(TOWN, "农业办"),
                "another town's clerk with 绝密 clearance", as("keeper-" + OTHER, OTHER, "党政办", "TOP_SECRET",
                        "OFFICE_CLERK"),
                "a leader of the town with 绝密 clearance and no need", as("mayor-" + TOWN, TOWN, "镇领导", "TOP_SECRET",
                        "TOWN_LEADER"),
                "the district with 绝密 clearance and no need", district());
        List<String> lists = lists();
        assertThat(lists).as("lists found in the OpenAPI document").hasSizeGreaterThan(30);
        List<String> leaks = new ArrayList<>();
        int answered = 0;
        for (Map.Entry<String, Api> caller : withoutNeed.entrySet()) {
            boolean cleared = caller.getKey().contains("绝密") && !caller.getKey().contains("another town");
            for (String list : lists) {
                // the archives show an item's title to whoever's clearance covers it (the README's archive rule)
                if (cleared && list.startsWith(D + "/archives")) {
                    continue;
                }
                String uri = list.replace("{town}", caller.getKey().contains("another town") ? OTHER : TOWN);
                HttpResponse<byte[]> r = bytes(caller.getValue().request(uri).GET());
                assertThat(r.statusCode()).as("%s as %s", uri, caller.getKey()).isLessThan(500);
                if (r.statusCode() == 200) {
                    answered++;
                }
                String text = readable(r);
                if (text.contains(title)) {
                    leaks.add(uri + " shows the title to " + caller.getKey());
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(answered).as("answers searched").isGreaterThan(lists.size());
    }

    @Test
    void refused_reads_of_a_classified_document_are_logged_with_reader_ip_and_correlation_id() {
        Api keeper = as("keeper-" + TOWN, TOWN, "党政办", "CONFIDENTIAL", "OFFICE_CLERK");
        String id = ok(keeper.post(D + "/incoming", """
                {"channel":"CONFIDENTIAL_EXCHANGE","sender":"中共顺德区委办公室","originalNumber":"顺办〔2019〕6号",
                 "elements":{"documentType":"NOTICE","secrecyLevel":"SECRET","copyNumber":"000013","title":"秘密%s",
                 "body":"涉密正文"}}""".formatted(unique())), 201).get("id").asString();
        String attachment = ok(keeper.send(keeper.request(D + "/incoming/" + id + "/attachments?fileName=a.txt")
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("x"))),
                        201)
                .get("id").asString();
        Api stranger = as("stranger-" + OTHER, OTHER, "党政办", "TOP_SECRET", "OFFICE_CLERK");
        Api noNeed = as("noneed-" + TOWN, TOWN, "党政办", "TOP_SECRET", "OFFICE_CLERK");
        Api unclassifiedLeader = as("nobody-" + TOWN, TOWN, "镇领导", "NONE", "TOWN_LEADER");
        String[] tries = {D + "/incoming/" + id, D + "/incoming/" + id + "/attachments/" + attachment,
                D + "/" + id + "/attachments/" + attachment + "/export"};
        for (Api who : List.of(stranger, noNeed, unclassifiedLeader)) {
            for (String uri : tries) {
                assertProblem(who.send(who.request(uri).header("X-Correlation-Id", "probe-" + id).GET()), 404, null);
            }
        }
        assertProblem(keeper.get(D + "/incoming/" + java.util.UUID.randomUUID()), 404, null);
        ok(keeper.send(keeper.request(D + "/incoming/" + id).header("X-Correlation-Id", "read-" + id).GET()));

        JsonNode log = ok(keeper.get(D + "/" + id + "/read-log"));
        List<String> refused = new ArrayList<>();
        for (JsonNode e : log) {
            if ("REFUSED".equals(e.get("action").asString())) {
                refused.add(e.get("reader").asString() + " " + e.get("detail").asString().split(" ")[0]);
                assertThat(e.get("ip").asString()).isNotBlank();
                assertThat(e.get("correlationId").asString()).isEqualTo("probe-" + id);
                assertThat(e.get("secrecyLevel").asString()).isEqualTo("SECRET");
                assertThat(e.get("at").isNull()).isFalse();
            }
        }
        assertThat(refused).containsExactlyInAnyOrder(
                "stranger-" + OTHER + " VIEW", "stranger-" + OTHER + " DOWNLOAD", "stranger-" + OTHER + " EXPORT",
                "noneed-" + TOWN + " VIEW", "noneed-" + TOWN + " DOWNLOAD", "noneed-" + TOWN + " EXPORT",
                "nobody-" + TOWN + " VIEW", "nobody-" + TOWN + " DOWNLOAD", "nobody-" + TOWN + " EXPORT");
        JsonNode last = log.get(log.size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("VIEW");
        assertThat(last.get("correlationId").asString()).isEqualTo("read-" + id);
        assertThat(count("classified_read_log WHERE document_id = '" + id + "'")).isEqualTo(10);
    }

    /** Every GET without a path variable, with its query filled: {town} stands for the caller's town. */
    private List<String> lists() {
        JsonNode doc = json.readTree(anonymous().get("/v3/api-docs").body());
        int year = LocalDate.now().getYear();
        Map<String, String> values = Map.of("town", "{town}", "year", String.valueOf(year), "size", "200",
                "from", year + "-01-01", "to", year + "-12-31", "issuerCode", "顺办");
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : doc.get("paths").properties()) {
            JsonNode get = p.getValue().get("get");
            if (get == null || p.getKey().contains("{")) {
                continue;
            }
            List<String> query = new ArrayList<>();
            for (JsonNode param : get.path("parameters")) {
                String name = param.get("name").asString();
                if (!"query".equals(param.get("in").asString())) {
                    continue;
                }
                if (values.containsKey(name)) {
                    query.add(name + "=" + java.net.URLEncoder.encode(values.get(name), StandardCharsets.UTF_8)
                            .replace("%7Btown%7D", "{town}"));
                } else {
                    assertThat(param.path("required").asBoolean()).as("%s needs %s: give it a value", p.getKey(), name)
                            .isFalse();
                }
            }
            out.add(p.getKey() + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        }
        return out;
    }

    private static HttpResponse<byte[]> bytes(java.net.http.HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer as text; a Word file's XML parts unzipped. */
    private static String readable(HttpResponse<byte[]> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("officedocument")) {
            return new String(r.body(), StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
