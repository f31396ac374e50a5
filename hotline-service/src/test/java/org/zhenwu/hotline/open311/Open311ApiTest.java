package org.zhenwu.hotline.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhenwu.hotline.open311.Open311Http.form;
import static org.zhenwu.hotline.open311.Open311Http.text;
import static org.zhenwu.hotline.open311.Open311Http.xml;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ZhenwuIntegrationTest
class Open311ApiTest {
    static final String LECONG = "440606104";
    static final String LONGJIANG = "440606103";
    static final String JUNAN = "440606101";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Open311Http open311;

    @BeforeEach
    void client() {
        open311 = new Open311Http(port);
    }

    Api agent(String town) {
        return new Api(port).as(TestTokens.tokenWith("agent-" + town, town, "12345热线", "NONE", "HOTLINE_AGENT"));
    }

    Api handler(String town, String department) {
        return new Api(port).as(TestTokens.tokenWith("handler-" + town, town, department, "NONE", "DEPARTMENT_HANDLER"));
    }

    JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return json.readTree(r.body());
    }

    /** Asserts Open311's JSON error list and returns its description. */
    String error(Api.Response r, int code) {
        assertThat(r.status()).as(r.body()).isEqualTo(code);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode errors = json.readTree(r.body());
        assertThat(errors.isArray()).isTrue();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(code);
        return errors.get(0).get("description").asString();
    }

    String create(String town, String serviceCode, String... more) {
        JsonNode created = ok(open311.postForm("/open311/v2/requests.json", form(town, serviceCode, more)));
        return created.get(0).get("service_request_id").asString();
    }

    String workOrderId(String serviceRequestId) {
        return jdbc.sql("SELECT id FROM work_order WHERE order_number = ?").param(serviceRequestId).query(String.class).single();
    }

    List<String> ids(JsonNode requests) {
        List<String> ids = new ArrayList<>();
        requests.forEach(r -> ids.add(r.get("service_request_id").asString()));
        return ids;
    }

    @Test
    void services_xml_and_json_list_the_seeded_services_of_the_jurisdiction() {
        Document doc = xml(open311.get("/open311/v2/services.xml?jurisdiction_id=" + LECONG));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("services");
        var services = root.getElementsByTagName("service");
        assertThat(services.getLength()).isEqualTo(6);
        Element first = (Element) services.item(0);
        assertThat(text(first, "service_code")).isEqualTo("001");
        assertThat(text(first, "service_name")).isEqualTo("占道经营");
        assertThat(text(first, "metadata")).isEqualTo("false");
        assertThat(text(first, "type")).isEqualTo("realtime");
        assertThat(text(first, "group")).isEqualTo("市容环境");
        assertThat(text(first, "keywords")).contains("摆摊");

        JsonNode list = ok(open311.get("/open311/v2/services.json?jurisdiction_id=" + LECONG));
        assertThat(list.isArray()).isTrue();
        List<String> names = new ArrayList<>();
        list.forEach(s -> names.add(s.get("service_name").asString()));
        assertThat(names).containsExactly("占道经营", "噪音扰民", "路灯损坏", "垃圾清运", "井盖缺失", "违法建设");
        assertThat(list.get(2).get("service_code").asString()).isEqualTo("003");
        assertThat(list.get(2).get("metadata").isBoolean()).isTrue();
        assertThat(list.get(2).get("group").asString()).isEqualTo("市政设施");
    }

    @Test
    void a_service_definition_has_its_code_and_an_empty_attribute_list() {
        JsonNode definition = ok(open311.get("/open311/v2/services/003.json?jurisdiction_id=" + LECONG));
        assertThat(definition.get("service_code").asString()).isEqualTo("003");
        assertThat(definition.get("attributes").isArray()).isTrue();
        assertThat(definition.get("attributes")).isEmpty();

        Document doc = xml(open311.get("/open311/v2/services/003.xml?jurisdiction_id=" + LECONG));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("service_definition");
        assertThat(text(doc.getDocumentElement(), "service_code")).isEqualTo("003");
        assertThat(doc.getElementsByTagName("attributes").getLength()).isEqualTo(1);

        assertThat(error(open311.get("/open311/v2/services/999.json?jurisdiction_id=" + LECONG), 404))
                .contains("service_code");
    }

    @Test
    void the_jurisdiction_is_required_and_an_unknown_one_is_not_found() {
        assertThat(error(open311.get("/open311/v2/services.json"), 400)).contains("jurisdiction_id");
        assertThat(error(open311.get("/open311/v2/requests.json"), 400)).contains("jurisdiction_id");
        assertThat(error(open311.get("/open311/v2/services.json?jurisdiction_id=999999999"), 404)).contains("jurisdiction_id");
        assertThat(error(open311.get("/open311/v2/requests.json?jurisdiction_id=999999999"), 404)).contains("jurisdiction_id");
        assertThat(error(open311.postForm("/open311/v2/requests.json", form("999999999", "001")), 404))
                .contains("jurisdiction_id");

        Document xmlError = xml(open311.get("/open311/v2/services.xml?jurisdiction_id=999999999"));
        assertThat(xmlError.getDocumentElement().getTagName()).isEqualTo("errors");
        Element e = (Element) xmlError.getElementsByTagName("error").item(0);
        assertThat(text(e, "code")).isEqualTo("404");
        assertThat(text(e, "description")).contains("999999999");
    }

    @Test
    void posting_with_a_valid_key_creates_an_open311_work_order_mapped_from_the_service() {
        JsonNode created = ok(open311.postForm("/open311/v2/requests.json", form(LECONG, "001",
                "first_name", "三", "last_name", "张", "phone", "138 0000 1234", "lat", "22.8081", "long", "113.0891")));
        assertThat(created.isArray()).isTrue();
        JsonNode first = created.get(0);
        String id = first.get("service_request_id").asString();
        assertThat(id).matches(LECONG + "-\\d{8}-\\d{5}");
        assertThat(first.get("service_notice").asString()).contains(id);
        assertThat(first.get("account_id").isNull()).isTrue();

        JsonNode order = json.readTree(agent(LECONG).get("/api/hotline/work-orders/" + workOrderId(id)).body());
        assertThat(order.get("channel").asString()).isEqualTo("OPEN311");
        assertThat(order.get("type").asString()).isEqualTo("COMPLAINT");
        assertThat(order.get("category").asString()).isEqualTo("城市管理/占道经营");
        assertThat(order.get("content").asString()).isEqualTo("门口长期占道经营");
        assertThat(order.get("location").asString()).isEqualTo("乐从镇河滨路 12 号");
        assertThat(order.get("callerName").asString()).isEqualTo("张三");
        assertThat(order.get("callerPhone").asString()).isEqualTo("13800001234");
        assertThat(order.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(order.get("transitions").get(0).get("actor").asString()).isEqualTo("open311:dev-portal");

        JsonNode help = json.readTree(agent(LECONG).get("/api/hotline/work-orders/"
                + workOrderId(create(LECONG, "005", "address_string", null, "lat", "22.8", "long", "113.1"))).body());
        assertThat(help.get("type").asString()).isEqualTo("HELP");
        assertThat(help.get("category").asString()).isEqualTo("市政设施/井盖缺失");
        assertThat(help.get("location").asString()).isEqualTo("22.8,113.1");

        JsonNode resolved = ok(open311.get("/open311/v2/tokens/" + first.get("token").asString()
                + ".json?jurisdiction_id=" + LECONG));
        assertThat(resolved.get(0).get("service_request_id").asString()).isEqualTo(id);
        assertThat(error(open311.get("/open311/v2/tokens/" + UUID.randomUUID() + ".json?jurisdiction_id=" + LECONG), 404))
                .contains("token");
    }

    @Test
    void an_idempotency_key_from_an_open311_client_is_not_ours_to_honour() {
        // Open311 clients are no signed-in callers: their keys would share one namespace, so the header is ignored
        String key = "open311-" + UUID.randomUUID();
        var request = open311.formRequest("/open311/v2/requests.json", form(LECONG, "001"))
                .header("Idempotency-Key", key);
        String first = ok(open311.send(request)).get(0).get("service_request_id").asString();
        Api.Response again = open311.send(request);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(ok(again).get(0).get("service_request_id").asString()).isNotEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?").param(key).query(Long.class)
                .single())
                .as("no key kept for a caller without a token").isZero();
    }

    @Test
    void posting_without_or_with_a_wrong_api_key_is_forbidden_and_creates_nothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM work_order WHERE channel = 'OPEN311'").query(Long.class).single();
        assertThat(error(open311.postForm("/open311/v2/requests.json", form(LECONG, "001", "api_key", null)), 403))
                .contains("api_key");
        assertThat(error(open311.postForm("/open311/v2/requests.json", form(LECONG, "001", "api_key", "guessed")), 403))
                .contains("api_key");

        jdbc.sql("INSERT INTO open311_api_key (key_hash, client_name, town_code, active) VALUES (?, ?, ?, ?)")
                .params(Open311ApiKeys.sha256("junan-only-key"), "junan-app", JUNAN, true).update();
        jdbc.sql("INSERT INTO open311_api_key (key_hash, client_name, town_code, active) VALUES (?, ?, ?, ?)")
                .params(Open311ApiKeys.sha256("revoked-key"), "old-app", null, false).update();
        assertThat(error(open311.postForm("/open311/v2/requests.json", form(LECONG, "001", "api_key", "junan-only-key")), 403))
                .contains(LECONG);
        assertThat(error(open311.postForm("/open311/v2/requests.json", form(LECONG, "001", "api_key", "revoked-key")), 403))
                .contains("api_key");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_order WHERE channel = 'OPEN311'").query(Long.class).single())
                .isEqualTo(before);
        ok(open311.postForm("/open311/v2/requests.json", form(JUNAN, "001", "api_key", "junan-only-key")));

        Api.Response asXml = open311.postForm("/open311/v2/requests.xml", form(LECONG, "001", "api_key", null));
        assertThat(asXml.status()).isEqualTo(403);
        Element e = (Element) xml(asXml).getElementsByTagName("error").item(0);
        assertThat(text(e, "code")).isEqualTo("403");
    }

    @Test
    void posting_without_a_location_or_a_service_code_is_a_bad_request_and_an_unknown_service_is_not_found() {
        assertThat(error(open311.postForm("/open311/v2/requests.json", form(LECONG, "001", "address_string", null)), 400))
                .contains("address_string");
        assertThat(error(open311.postForm("/open311/v2/requests.json",
                form(LECONG, "001", "address_string", null, "lat", "22.8")), 400)).contains("long");
        assertThat(error(open311.postForm("/open311/v2/requests.json", form(LECONG, "001", "lat", "north", "long", "1")), 400))
                .contains("lat");
        assertThat(error(open311.postForm("/open311/v2/requests.json", form(LECONG, null)), 400)).contains("service_code");
        assertThat(error(open311.postForm("/open311/v2/requests.json", form(LECONG, "999")), 404)).contains("service_code");
        assertThat(error(open311.postForm("/open311/v2/requests.json", form(LECONG, "001", "phone", "call me")), 400))
                .contains("phone");
        assertThat(error(open311.postForm("/open311/v2/requests.json", form(LECONG, "001", "description", "x".repeat(4001))), 400))
                .contains("description");
    }

    @Test
    void a_new_request_reads_as_open_xml_with_an_expected_datetime() {
        String id = create(LECONG, "003", "lat", "22.8081", "long", "113.0891", "media_url", "https://img.example/lamp.jpg");
        Document doc = xml(open311.get("/open311/v2/requests/" + id + ".xml?jurisdiction_id=" + LECONG));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("service_requests");
        assertThat(doc.getElementsByTagName("request").getLength()).isEqualTo(1);
        Element request = (Element) doc.getElementsByTagName("request").item(0);
        assertThat(text(request, "service_request_id")).isEqualTo(id);
        assertThat(text(request, "status")).isEqualTo("open");
        assertThat(text(request, "service_code")).isEqualTo("003");
        assertThat(text(request, "service_name")).isEqualTo("路灯损坏");
        assertThat(text(request, "expected_datetime")).matches("\\d{4}-\\d{2}-\\d{2}T23:59:59\\+08:00");
        assertThat(text(request, "requested_datetime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
        assertThat(text(request, "updated_datetime")).isNotBlank();
        assertThat(text(request, "lat")).isEqualTo("22.8081");
        assertThat(text(request, "long")).isEqualTo("113.0891");
        assertThat(text(request, "media_url")).isEqualTo("https://img.example/lamp.jpg");
        assertThat(text(request, "status_notes")).isEmpty();

        assertThat(error(open311.get("/open311/v2/requests/" + id + ".json?jurisdiction_id=" + LONGJIANG), 404))
                .contains("service_request_id");
    }

    @Test
    void a_request_replied_and_revisited_satisfied_reads_closed_with_the_reply_as_status_notes() {
        String id = create(LONGJIANG, "001");
        String path = "/api/hotline/work-orders/" + workOrderId(id);
        assertThat(agent(LONGJIANG).post(path + "/dispatch", "{\"department\":\"城市管理办\"}").status()).isEqualTo(200);
        Api urban = handler(LONGJIANG, "城市管理办");
        assertThat(urban.post(path + "/signature", "").status()).isEqualTo(200);
        assertThat(urban.post(path + "/reply", "{\"answer\":\"已清理占道摊位\"}").status()).isEqualTo(200);

        JsonNode replied = ok(open311.get("/open311/v2/requests/" + id + ".json?jurisdiction_id=" + LONGJIANG)).get(0);
        assertThat(replied.get("status").asString()).isEqualTo("open");
        assertThat(replied.get("agency_responsible").asString()).isEqualTo("城市管理办");

        assertThat(agent(LONGJIANG).post(path + "/revisit", "{\"satisfaction\":\"SATISFIED\"}").status()).isEqualTo(200);
        JsonNode closed = ok(open311.get("/open311/v2/requests/" + id + ".json?jurisdiction_id=" + LONGJIANG)).get(0);
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("status_notes").asString()).isEqualTo("已清理占道摊位");
        assertThat(OffsetDateTime.parse(closed.get("updated_datetime").asString()))
                .isAfterOrEqualTo(OffsetDateTime.parse(closed.get("requested_datetime").asString()));
    }

    @Test
    void requests_filter_by_status_service_code_and_date_range() {
        String lamp = create(JUNAN, "003");
        String noise = create(JUNAN, "002");
        String path = "/api/hotline/work-orders/" + workOrderId(lamp);
        agent(JUNAN).post(path + "/dispatch", "{\"department\":\"市政所\"}");
        handler(JUNAN, "市政所").post(path + "/signature", "");
        handler(JUNAN, "市政所").post(path + "/reply", "{\"answer\":\"已更换灯泡\"}");
        assertThat(agent(JUNAN).post(path + "/revisit", "{\"satisfaction\":\"SATISFIED\"}").status()).isEqualTo(200);
        String base = "/open311/v2/requests.json?jurisdiction_id=" + JUNAN;

        assertThat(ids(ok(open311.get(base)))).contains(lamp, noise);
        assertThat(ids(ok(open311.get(base + "&status=closed")))).contains(lamp).doesNotContain(noise);
        assertThat(ids(ok(open311.get(base + "&status=open")))).contains(noise).doesNotContain(lamp);
        assertThat(ids(ok(open311.get(base + "&status=open,closed")))).contains(noise, lamp);
        assertThat(ids(ok(open311.get(base + "&service_code=002")))).contains(noise).doesNotContain(lamp);
        assertThat(ids(ok(open311.get(base + "&service_code=002,003")))).contains(noise, lamp);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String around = "&start_date=" + now.minus(1, ChronoUnit.HOURS) + "&end_date=" + now.plus(1, ChronoUnit.HOURS);
        assertThat(ids(ok(open311.get(base + around)))).contains(noise, lamp);
        String lastWeek = "&start_date=" + now.minus(10, ChronoUnit.DAYS) + "&end_date=" + now.minus(5, ChronoUnit.DAYS);
        assertThat(ids(ok(open311.get(base + lastWeek)))).doesNotContain(noise, lamp);
        // an offset with '+' sent unencoded, as many clients do
        assertThat(ids(ok(open311.get(base + "&start_date=" + now.atOffset(ZoneOffset.ofHours(8))
                .minusHours(1))))).contains(noise, lamp);
        assertThat(ids(ok(open311.get(base + "&service_request_id=" + lamp + "&status=open")))).containsExactly(lamp);

        assertThat(error(open311.get(base + "&start_date=2020-01-01T00:00:00Z&end_date=2020-06-01T00:00:00Z"), 400))
                .contains("90 days");
        assertThat(error(open311.get(base + "&start_date=yesterday"), 400)).contains("start_date");
        assertThat(error(open311.get(base + "&status=pending"), 400)).contains("status");
    }

    @Test
    void caller_personal_data_never_appears_in_any_open311_response() {
        String phone = "139" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String email = "private-" + UUID.randomUUID() + "@example.cn";
        String device = "device-" + UUID.randomUUID();
        Api.Response post = open311.postForm("/open311/v2/requests.json", form(LONGJIANG, "002", "first_name", "秘密",
                "last_name", "欧阳", "phone", phone, "email", email, "device_id", device, "account_id", "acct-77"));
        String token = json.readTree(post.body()).get(0).get("token").asString();
        String id = json.readTree(post.body()).get(0).get("service_request_id").asString();
        String q = "?jurisdiction_id=" + LONGJIANG;
        List<Api.Response> responses = List.of(post,
                open311.get("/open311/v2/requests/" + id + ".json" + q),
                open311.get("/open311/v2/requests/" + id + ".xml" + q),
                open311.get("/open311/v2/requests.json" + q),
                open311.get("/open311/v2/requests.xml" + q),
                open311.get("/open311/v2/tokens/" + token + ".xml" + q));
        for (Api.Response r : responses) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains(id).doesNotContain(phone, email, device, "欧阳", "秘密", "acct-77");
        }
        // the agents still have them
        JsonNode order = json.readTree(agent(LONGJIANG).get("/api/hotline/work-orders/" + workOrderId(id)).body());
        assertThat(order.get("callerName").asString()).isEqualTo("欧阳秘密");
        assertThat(order.get("callerPhone").asString()).isEqualTo(phone);
    }

    @Test
    void anything_else_under_open311_answers_in_open311_format_not_problem_json() {
        assertThat(error(open311.get("/open311/v2/nothing.json"), 404)).contains("/open311/v2/nothing.json");
        Api.Response unknownFormat = open311.get("/open311/v2/services.csv?jurisdiction_id=" + LECONG);
        assertThat(unknownFormat.status()).isEqualTo(404);
        assertThat(unknownFormat.isProblem()).isFalse();
        assertThat(text(xml(unknownFormat).getDocumentElement(), "description")).contains("csv");
        Api.Response put = new Api(port).send(new Api(port).request("/open311/v2/requests.json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.isProblem()).isFalse();
    }
}
