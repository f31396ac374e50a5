package org.zhenwu.document.classified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** Clearance and need, the read log, copies and destruction, over real HTTP. */
class ClassifiedApiTest extends ApiTestSupport {
    static final String TOWN = "440606101";
    static final String IN = "/api/documents/incoming";

    Api keeper() {
        return as("keeper", TOWN, "党政办", "CONFIDENTIAL", "OFFICE_CLERK");
    }

    Api topKeeper() {
        return as("keeper-ts", TOWN, "党政办", "TOP_SECRET", "OFFICE_CLERK");
    }

    Api otherClerk() {
        return as("clerk-2", TOWN, "党政办", "CONFIDENTIAL", "OFFICE_CLERK");
    }

    Api secretary() {
        return as("secretary", TOWN, "镇领导", "TOP_SECRET", "TOWN_LEADER");
    }

    String receiveClassified(Api clerk, String level, String title) {
        return ok(clerk.post(IN, """
                {"channel":"CONFIDENTIAL_EXCHANGE","sender":"中共顺德区委办公室","originalNumber":"顺办〔2026〕5号",
                 "elements":{"documentType":"NOTICE","secrecyLevel":"%s","copyNumber":"000012","title":"%s",
                 "body":"涉密正文"}}""".formatted(level, title)), 201).get("id").asString();
    }

    @Test
    void a_confidential_document_exists_only_for_those_with_clearance_and_a_need_and_every_read_is_logged() {
        String title = "关于某专项工作的通知 " + unique();
        String id = receiveClassified(keeper(), "CONFIDENTIAL", title);
        String path = IN + "/" + id;

        assertProblem(otherClerk().get(path), 404, null);
        assertThat(otherClerk().get(IN + "?size=200").body()).doesNotContain(title);
        assertProblem(district().get(path), 404, null);
        assertProblem(as("boss", TOWN, "镇领导", "SECRET", "TOWN_LEADER").get(path), 404, null);

        JsonNode registered = ok(keeper().post(path + "/registration", ""));
        assertThat(registered.get("elements").get("body").isNull()).as("only the logged GET serves the text").isTrue();
        assertThat(ok(keeper().get(path)).get("elements").get("body").asString()).isEqualTo("涉密正文");
        ok(keeper().post(path + "/screening", "{\"mode\":\"ACTION\"}"));
        assertProblem(secretary().get(path), 404, null);
        ok(keeper().post(path + "/proposal", "{\"proposal\":\"拟请经发办办理\",\"leader\":\"secretary\"}"));
        Api.Response withCorrelation = secretary().send(secretary().request(path).header("X-Correlation-Id", "corr-" + id).GET());
        assertThat(withCorrelation.status()).as("assigned: the leader asked for the 批示").isEqualTo(200);
        assertThat(secretary().get(IN + "?size=200").body()).contains(title);
        assertProblem(as("mayor", TOWN, "镇领导", "TOP_SECRET", "TOWN_LEADER").get(path), 404, null);

        ok(secretary().post(path + "/instruction", "{\"instruction\":\"请经发办办理\",\"leadDepartment\":\"经发办\"}"));
        assertProblem(handler(TOWN, "经发办").get(path), 404, null);
        ok(as("econ", TOWN, "经发办", "CONFIDENTIAL", "DEPARTMENT_HANDLER").get(path));

        ok(keeper().post(path + "/readers", "{\"readers\":[\"low\"]}"));
        assertProblem(as("low", TOWN, "党政办", "SECRET", "OFFICE_CLERK").get(path), 404, null);

        JsonNode log = ok(keeper().get("/api/documents/" + id + "/read-log"));
        List<String> readers = new ArrayList<>();
        log.forEach(e -> readers.add(e.get("reader").asString()));
        assertThat(readers).contains("secretary", "econ");
        JsonNode secretaryRead = null;
        for (JsonNode e : log) {
            if (e.get("reader").asString().equals("secretary")) {
                secretaryRead = e;
            }
        }
        assertThat(secretaryRead.get("action").asString()).isEqualTo("VIEW");
        assertThat(secretaryRead.get("ip").asString()).isNotBlank();
        assertThat(secretaryRead.get("correlationId").asString()).isEqualTo("corr-" + id);
        assertThat(secretaryRead.get("secrecyLevel").asString()).isEqualTo("CONFIDENTIAL");
        assertProblem(otherClerk().get("/api/documents/" + id + "/read-log"), 404, null);

        assertThatThrownBy(() -> jdbc.sql("UPDATE classified_read_log SET reader = 'nobody' WHERE document_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM classified_read_log WHERE document_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void nobody_files_or_drafts_a_document_above_their_clearance() {
        assertProblem(keeper().post(IN, """
                {"channel":"CONFIDENTIAL_EXCHANGE","sender":"x","elements":{"documentType":"NOTICE","secrecyLevel":"TOP_SECRET",
                 "copyNumber":"1","title":"x"}}"""), 403, null);
        assertProblem(keeper().post("/api/documents/outgoing", """
                {"elements":{"documentType":"NOTICE","secrecyLevel":"TOP_SECRET","title":"x"}}"""), 403, null);
    }

    @Test
    void top_secret_is_never_copied_and_a_confidential_copy_needs_a_leaders_approval() {
        byte[] bytes = "涉密附件内容".getBytes(StandardCharsets.UTF_8);
        String topSecret = receiveClassified(topKeeper(), "TOP_SECRET", "绝密文件");
        String tsAttachment = attach(topKeeper(), topSecret, bytes);
        JsonNode refused = json.readTree(topKeeper().post("/api/documents/" + topSecret + "/copy-requests",
                "{\"copies\":1,\"reason\":\"存档\"}").body());
        assertThat(refused.get("rule").asString()).isEqualTo("top-secret-no-copy");
        Api.Response tsExport = topKeeper().get("/api/documents/" + topSecret + "/attachments/" + tsAttachment + "/export");
        assertProblem(tsExport, 409, null);
        Api.Response inline = topKeeper().send(topKeeper().request(IN + "/" + topSecret + "/attachments/" + tsAttachment).GET());
        assertThat(inline.header("Content-Disposition")).startsWith("inline");
        assertThat(inline.header("Cache-Control")).contains("no-store");

        String confidential = receiveClassified(keeper(), "CONFIDENTIAL", "机密文件");
        String attachment = attach(keeper(), confidential, bytes);
        String export = "/api/documents/" + confidential + "/attachments/" + attachment + "/export";
        assertProblem(keeper().get(export), 403, null);
        JsonNode request = ok(keeper().post("/api/documents/" + confidential + "/copy-requests",
                "{\"copies\":1,\"reason\":\"报区保密办备案\"}"), 201);
        assertThat(request.get("status").asString()).isEqualTo("PENDING");
        String rid = request.get("id").asString();
        assertProblem(keeper().post("/api/documents/copy-requests/" + rid + "/decision", "{\"approve\":true}"), 403, null);
        assertProblem(as("junior", TOWN, "镇领导", "SECRET", "TOWN_LEADER")
                .post("/api/documents/copy-requests/" + rid + "/decision", "{\"approve\":true}"), 404, null);
        assertThat(ok(secretary().get("/api/documents/copy-requests")).toString()).contains(rid);
        ok(secretary().post("/api/documents/copy-requests/" + rid + "/decision", "{\"approve\":true,\"note\":\"同意复制1份\"}"));

        Api.Response copy = keeper().get(export + "?copyRequest=" + rid);
        assertThat(copy.status()).isEqualTo(200);
        assertThat(copy.header("X-Copy-Number")).isEqualTo("1");
        assertThat(copy.header("Content-Disposition")).startsWith("attachment");
        Api.Response again = keeper().get(export + "?copyRequest=" + rid);
        assertProblem(again, 409, null);
        assertThat(json.readTree(again.body()).get("currentStatus").asString()).isEqualTo("USED_UP");
        assertThat(ok(keeper().get("/api/documents/" + confidential + "/read-log")).toString()).contains("EXPORT");
    }

    @Test
    void destruction_needs_a_leaders_approval_deletes_the_text_and_files_and_leaves_a_register_line() {
        String title = "待销毁文件 " + unique();
        String id = receiveClassified(keeper(), "SECRET", title);
        String path = IN + "/" + id;
        String attachment = attach(keeper(), id, "x".getBytes(StandardCharsets.UTF_8));
        ok(keeper().post(path + "/registration", ""));
        ok(keeper().post(path + "/screening", "{\"mode\":\"READ\",\"readers\":[\"keeper\"]}"));
        JsonNode early = json.readTree(keeper().post("/api/documents/" + id + "/destruction-requests", "{\"reason\":\"x\"}").body());
        assertThat(early.get("rule").asString()).isEqualTo("not-archived");
        ok(keeper().post(path + "/copies/1/handover", "{\"to\":\"keeper\"}"));
        ok(keeper().post(path + "/reading", "{}"));
        ok(keeper().post(path + "/copies/1/handover", "{\"to\":\"OFFICE\"}"));
        ok(keeper().post(path + "/reading-completion", ""));
        ok(keeper().post(path + "/archiving", ""));

        String rid = ok(keeper().post("/api/documents/" + id + "/destruction-requests", "{\"reason\":\"保密期限届满\"}"), 201)
                .get("id").asString();
        String execution = "/api/documents/destruction-requests/" + rid + "/execution";
        assertProblem(keeper().post(execution, "{\"method\":\"粉碎\",\"witness\":\"clerk-2\"}"), 409, null);
        ok(secretary().post("/api/documents/destruction-requests/" + rid + "/decision", "{\"approve\":true}"));
        assertProblem(keeper().post(execution, "{\"method\":\"粉碎\"}"), 400, "witness");
        JsonNode done = ok(keeper().post(execution, "{\"method\":\"碎纸机粉碎\",\"witness\":\"clerk-2\"}"));
        assertThat(done.get("status").asString()).isEqualTo("DESTROYED");

        JsonNode doc = ok(keeper().get(path));
        assertThat(doc.get("status").asString()).isEqualTo("DESTROYED");
        assertThat(doc.get("elements").get("body").isNull()).isTrue();
        assertThat(doc.get("attachments")).isEmpty();
        assertProblem(keeper().get(path + "/attachments/" + attachment), 404, null);

        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        JsonNode register = ok(keeper().get("/api/documents/destruction-register?year=" + year));
        assertThat(register.toString()).contains(title).contains("碎纸机粉碎").contains("clerk-2");
        JsonNode masked = ok(as("plain", TOWN, "党政办", "NONE", "OFFICE_CLERK").get("/api/documents/destruction-register?year=" + year));
        assertThat(masked.toString()).doesNotContain(title).contains(rid);
        assertProblem(handler(TOWN, "经发办").get("/api/documents/destruction-register?year=" + year), 403, null);
    }

    @Test
    void outgoing_lists_and_the_number_register_never_show_a_classified_title_to_someone_without_a_need() {
        String title = "机密发文 " + unique();
        String code = "龙府密" + unique();
        String id = ok(keeper().post("/api/documents/outgoing", """
                {"elements":{"documentType":"REQUEST","secrecyLevel":"CONFIDENTIAL","secrecyYears":5,"issuerCode":"%s",
                 "title":"%s","mainRecipients":"区委","body":"正文"}}""".formatted(code, title)), 201).get("id").asString();
        String path = "/api/documents/outgoing/" + id;
        assertThat(json.readTree(keeper().post(path + "/submission", "{}").body()).toString()).contains("\"field\":\"checker\"");
        ok(keeper().post(path + "/submission", "{\"checker\":\"keeper\"}"));
        ok(keeper().post(path + "/check", "{\"signer\":\"secretary\"}"));
        JsonNode signed = ok(secretary().post(path + "/signature", ""));
        assertThat(signed.get("elements").get("secrecyMarking").asString()).isEqualTo("机密★5年");
        ok(keeper().post(path + "/review", ""));
        ok(keeper().post(path + "/registration", ""));

        assertThat(keeper().get("/api/documents/outgoing?size=200").body()).contains(title);
        JsonNode others = ok(otherClerk().get("/api/documents/outgoing?size=200"));
        assertThat(others.toString()).doesNotContain(title);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(ok(otherClerk().get("/api/documents/outgoing/register?issuerCode=" + enc(code) + "&year=" + year))).isEmpty();
        assertThat(ok(keeper().get("/api/documents/outgoing/register?issuerCode=" + enc(code) + "&year=" + year))).hasSize(1);
    }

    private String attach(Api api, String documentId, byte[] bytes) {
        return ok(api.send(api.request(IN + "/" + documentId + "/attachments?fileName=a.txt").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))), 201).get("id").asString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
