package org.zhenwu.document.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.zhenwu.contracts.document.v1.DocumentIssued;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** 发文 over real HTTP: the acceptance walk, the refusals, attachments, and numbering under concurrency. */
class OutgoingApiTest extends ApiTestSupport {
    static final String TOWN = "440606104";
    static final String BASE = "/api/documents/outgoing";

    static String draftBody(String issuerCode, String title, String coSigners) {
        return """
                {"elements":{"documentType":"NOTICE","urgency":"URGENT","issuerName":"佛山市顺德区乐从镇人民政府",
                 "issuerCode":"%s","title":"%s","mainRecipients":"各村（居）委会，镇属各单位",
                 "body":"为切实做好今年防汛工作，现将有关事项通知如下……","signature":"乐从镇人民政府",
                 "dateWritten":"2026-03-04","sealed":true,"pages":3},
                 "coSigningDepartments":[%s]}""".formatted(issuerCode, title, coSigners);
    }

    @Test
    void a_notice_runs_from_draft_to_distribution_gets_its_number_at_registration_and_is_announced() {
        String code = "乐府发" + unique();
        Api clerk = clerk(TOWN);
        Api leader = leader(TOWN, "leader-chen");
        JsonNode drafted = ok(clerk.post(BASE, draftBody(code, "关于做好防汛工作的通知", "\"财政办\"")), 201);
        String id = drafted.get("id").asString();
        String path = BASE + "/" + id;
        assertThat(drafted.get("status").asString()).isEqualTo("DRAFTING");
        assertThat(drafted.get("elements").get("urgencyLabel").asString()).isEqualTo("加急");
        assertThat(drafted.get("documentNumber").isNull()).isTrue();

        ok(clerk.post(path + "/submission", "{}"));
        ok(clerk.post(path + "/check", "{\"signer\":\"leader-chen\",\"opinion\":\"请财政办会签\"}"));
        JsonNode countersigned = ok(handler(TOWN, "财政办").post(path + "/countersignature", "{\"agree\":true,\"opinion\":\"无意见\"}"));
        assertThat(countersigned.get("status").asString()).isEqualTo("SIGNING");
        assertThat(countersigned.get("waitingFor").asString()).isEqualTo("leader-chen");
        JsonNode signed = ok(leader.post(path + "/signature", "{\"opinion\":\"同意印发\"}"));
        assertThat(signed.get("elements").get("signerName").asString()).isEqualTo("leader-chen");
        assertThat(ok(clerk.post(path + "/review", "{}")).get("documentNumber").isNull()).isTrue();

        JsonNode registered = ok(clerk.post(path + "/registration", ""));
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(registered.get("documentNumber").asString()).isEqualTo(code + "〔" + year + "〕1号");
        assertThat(registered.get("numberSequence").asInt()).isEqualTo(1);
        ok(clerk.post(path + "/printing", "{\"copies\":40,\"printingOrgan\":\"乐从镇党政办公室\",\"printingDate\":\"2026-03-05\"}"));
        JsonNode distributed = ok(clerk.post(path + "/distribution",
                "{\"recipients\":[{\"name\":\"各村（居）委会\",\"copies\":30},{\"name\":\"区政府办公室\",\"copies\":2}]}"));
        assertThat(distributed.get("distribution").get(1).get("firstCopyNumber").asInt()).isEqualTo(31);
        ok(clerk.post(path + "/archiving", ""));

        JsonNode read = ok(clerk.get(path));
        assertThat(read.get("status").asString()).isEqualTo("ARCHIVED");
        List<String> actions = new ArrayList<>();
        read.get("transitions").forEach(t -> actions.add(t.get("action").asString()));
        assertThat(actions).containsExactly("起草", "送核稿", "核稿", "会签", "签发", "复核", "登记", "印制", "核发", "归档");
        assertThat(read.get("elements").get("printingOrgan").asString()).isEqualTo("乐从镇党政办公室");

        String payload = jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(id, DocumentIssued.TYPE).query(String.class).single();
        DocumentIssued issued = json.readValue(payload, DocumentIssued.class);
        assertThat(issued.documentNumber()).isEqualTo(code + "〔" + year + "〕1号");
        assertThat(issued.title()).isEqualTo("关于做好防汛工作的通知");
        assertThat(issued.copies()).isEqualTo(32);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT published_at IS NOT NULL FROM outbox_event WHERE message_key = ?").param(id).query(Boolean.class).single());

        List<String> book = new ArrayList<>();
        ok(clerk.get(BASE + "/register?issuerCode=" + enc(code) + "&year=" + year)).forEach(l -> book.add(l.get("id").asString()));
        assertThat(book).containsExactly(id);
    }

    @Test
    void bad_input_names_the_field_and_writes_nothing() {
        Api clerk = clerk(TOWN);
        long before = count("outgoing_document");
        assertProblem(clerk.post(BASE, draftBody("乐府发", "", "")), 400, "elements.title");
        assertProblem(clerk.post(BASE, draftBody("乐府发", "x", "").replace("\"NOTICE\"", "\"MEMO\"")), 400, "elements.documentType");
        assertProblem(clerk.post(BASE, draftBody("乐府发", "x", "").replace("\"URGENT\"", "\"URGENT\",\"secrecyLevel\":\"SECRET\",\"secrecyYears\":11")),
                400, "elements.secrecyYears");
        assertProblem(clerk.post(BASE, "{\"kind\":\"TELEGRAM\"," + draftBody("乐府电", "x", "").substring(1).replace("\"URGENT\"", "\"NORMAL\"")),
                400, "elements.urgency");
        assertProblem(clerk.post(BASE, draftBody("乐府〔发", "x", "")), 400, "elements.issuerCode");
        assertProblem(district().post(BASE, draftBody("乐府发", "x", "")), 400, "town");
        assertThat(count("outgoing_document")).isEqualTo(before);

        String id = ok(clerk.post(BASE, draftBody("乐府发" + unique(), "x", "")), 201).get("id").asString();
        assertProblem(clerk.post(BASE + "/" + id + "/check", "{}"), 400, "signer");
        assertProblem(clerk.post(BASE + "/" + id + "/return", "{\"to\":\"SOMEWHERE\",\"reason\":\"x\"}"), 400, "to");
        assertThat(ok(clerk.get(BASE + "/" + id)).get("transitions")).hasSize(1);
    }

    @Test
    void illegal_moves_are_409_with_the_current_status() {
        Api clerk = clerk(TOWN);
        String id = ok(clerk.post(BASE, draftBody("乐府发" + unique(), "x", "")), 201).get("id").asString();
        Api.Response early = clerk.post(BASE + "/" + id + "/registration", "");
        assertProblem(early, 409, null);
        assertThat(json.readTree(early.body()).get("currentStatus").asString()).isEqualTo("DRAFTING");

        ok(clerk.post(BASE + "/" + id + "/submission", ""));
        ok(clerk.post(BASE + "/" + id + "/check", "{\"signer\":\"leader-li\"}"));
        ok(leader(TOWN, "leader-li").post(BASE + "/" + id + "/signature", ""));
        Api.Response twice = leader(TOWN, "leader-li").post(BASE + "/" + id + "/signature", "");
        assertProblem(twice, 409, null);
        assertThat(json.readTree(twice.body()).get("currentStatus").asString()).isEqualTo("SIGNED");
        Api.Response withdraw = clerk.post(BASE + "/" + id + "/withdrawal", "{}");
        assertThat(json.readTree(withdraw.body()).get("currentStatus").asString()).isEqualTo("SIGNED");
    }

    @Test
    void roles_towns_and_tokens_are_checked() {
        Api clerk = clerk(TOWN);
        assertProblem(leader(TOWN, "leader-x").post(BASE, draftBody("乐府发", "x", "")), 403, null);
        String id = ok(clerk.post(BASE, draftBody("乐府发" + unique(), "x", "\"财政办\"")), 201).get("id").asString();
        String path = BASE + "/" + id;
        assertProblem(clerk("440606105").get(path), 404, null);
        assertProblem(clerk("440606105").get(BASE + "?town=" + TOWN), 403, null);
        assertThat(anonymous().get(path).status()).isEqualTo(401);
        assertProblem(handler(TOWN, "财政办").post(path + "/submission", ""), 403, null);

        ok(clerk.post(path + "/submission", ""));
        ok(clerk.post(path + "/check", "{\"signer\":\"leader-wang\"}"));
        assertProblem(handler(TOWN, "城管办").post(path + "/countersignature", "{\"agree\":true}"), 404, null);
        ok(handler(TOWN, "财政办").post(path + "/countersignature", "{\"agree\":true}"));
        assertProblem(leader(TOWN, "leader-zhao").post(path + "/signature", ""), 403, null);
        assertProblem(clerk.post(path + "/signature", ""), 403, null);
        ok(leader(TOWN, "leader-wang").post(path + "/delegation", "{\"to\":\"leader-zhao\",\"note\":\"出差\"}"));
        ok(leader(TOWN, "leader-zhao").post(path + "/signature", ""));
        assertProblem(handler(TOWN, "财政办").post(path + "/review", ""), 403, null);
        assertThat(ok(district().get(path)).get("status").asString()).isEqualTo("SIGNED");
    }

    @Test
    void a_substantive_revision_after_signing_goes_back_to_the_signer() {
        Api clerk = clerk(TOWN);
        String code = "乐府发" + unique();
        String id = ok(clerk.post(BASE, draftBody(code, "原标题", "")), 201).get("id").asString();
        String path = BASE + "/" + id;
        ok(clerk.post(path + "/submission", ""));
        ok(clerk.post(path + "/check", "{\"signer\":\"leader-sun\"}"));
        ok(leader(TOWN, "leader-sun").post(path + "/signature", ""));
        JsonNode layout = ok(clerk.put(path + "/elements", "{\"elements\":" + elementsOf(draftBody(code, "原标题", "")).replace("\"pages\":3", "\"pages\":4") + "}"));
        assertThat(layout.get("status").asString()).isEqualTo("SIGNED");
        JsonNode back = ok(clerk.put(path + "/elements", "{\"elements\":" + elementsOf(draftBody(code, "新标题", "")) + "}"));
        assertThat(back.get("status").asString()).isEqualTo("SIGNING");
        assertThat(back.get("waitingFor").asString()).isEqualTo("leader-sun");
    }

    @Test
    void attachments_are_hashed_size_limited_and_served_back_as_they_were() throws Exception {
        Api clerk = clerk(TOWN);
        String id = ok(clerk.post(BASE, draftBody("乐府发" + unique(), "附件测试", "")), 201).get("id").asString();
        String path = BASE + "/" + id + "/attachments";
        byte[] bytes = "防汛应急预案 第一章 总则……".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode a = ok(upload(clerk, path + "?fileName=" + enc("防汛预案.txt"), bytes, "text/plain"), 201);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(a.get("sha256").asString()).isEqualTo(hash);
        assertThat(a.get("size").asLong()).isEqualTo(bytes.length);

        var download = clerk.send(clerk.request(path + "/" + a.get("id").asString()).GET());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(bytes);
        assertThat(download.header("ETag")).isEqualTo("\"" + hash + "\"");
        assertThat(download.header("Repr-Digest")).startsWith("sha-256=:");

        long before = count("attachment");
        assertProblem(upload(clerk, path + "?fileName=big.bin", new byte[70 * 1024], "application/octet-stream"), 413, null);
        assertProblem(upload(clerk, path + "?fileName=" + enc("../x"), bytes, "text/plain"), 400, "fileName");
        assertProblem(upload(handler(TOWN, "财政办"), path + "?fileName=a.txt", bytes, "text/plain"), 404, null);
        assertThat(count("attachment")).isEqualTo(before);
        assertThat(ok(clerk.get(BASE + "/" + id)).get("attachments")).hasSize(1);
    }

    @Test
    void thirty_two_concurrent_registrations_on_one_issuer_get_numbers_1_to_32_without_gaps_or_duplicates() throws Exception {
        String code = "乐府办" + unique();
        Api clerk = clerk(TOWN);
        Api leader = leader(TOWN, "leader-zhou");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String id = ok(clerk.post(BASE, draftBody(code, "第" + i + "号文", "")), 201).get("id").asString();
            ok(clerk.post(BASE + "/" + id + "/submission", ""));
            ok(clerk.post(BASE + "/" + id + "/check", "{\"signer\":\"leader-zhou\"}"));
            ok(leader.post(BASE + "/" + id + "/signature", ""));
            ok(clerk.post(BASE + "/" + id + "/review", ""));
            ids.add(id);
        }
        List<Callable<Integer>> registrations = new ArrayList<>();
        for (String id : ids) {
            registrations.add(() -> ok(clerk.post(BASE + "/" + id + "/registration", "")).get("numberSequence").asInt());
        }
        List<Integer> numbers = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(32);
        long started = System.nanoTime();
        try {
            for (Future<Integer> f : pool.invokeAll(registrations)) {
                numbers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("32 concurrent registrations on one issuer: %d ms (%.0f/s)%n", millis, 32_000.0 / Math.max(1, millis));
        assertThat(numbers).doesNotHaveDuplicates().hasSize(32);
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 32).boxed().toList());

        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        List<Integer> book = new ArrayList<>();
        ok(clerk.get(BASE + "/register?issuerCode=" + enc(code) + "&year=" + year)).forEach(l -> book.add(l.get("sequence").asInt()));
        assertThat(book).as("numeric order: 2 before 10").isSorted().hasSize(32);
        assertThat(jdbc.sql("SELECT last_seq FROM sequence_counter WHERE scope = ? AND year = ?").params(code, year)
                .query(Integer.class).single()).isEqualTo(32);
    }

    @Test
    void another_town_cannot_number_under_a_code_that_is_already_taken() {
        String code = "北府发" + unique();
        for (String town : new String[] {"440606105", TOWN}) {
            Api clerk = clerk(town);
            String id = ok(clerk.post(BASE, draftBody(code, "x", "")), 201).get("id").asString();
            ok(clerk.post(BASE + "/" + id + "/submission", ""));
            ok(clerk.post(BASE + "/" + id + "/check", "{\"signer\":\"l-" + town + "\"}"));
            ok(leader(town, "l-" + town).post(BASE + "/" + id + "/signature", ""));
            ok(clerk.post(BASE + "/" + id + "/review", ""));
            Api.Response r = clerk.post(BASE + "/" + id + "/registration", "");
            if (town.equals(TOWN)) {
                assertProblem(r, 400, "issuerCode");
            } else {
                ok(r);
            }
        }
    }

    private static Api.Response upload(Api api, String path, byte[] bytes, String type) {
        return api.send(api.request(path).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private String elementsOf(String draftBody) {
        return json.readTree(draftBody).get("elements").toString();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
