package org.zhenwu.document.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhenwu.contracts.document.v1.DisclosurePublished;
import org.zhenwu.contracts.document.v1.DisclosureWithdrawn;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** 政务公开 over real HTTP: drafting, 保密审查, publication, the public endpoint without a token, import and figures. */
class DisclosureApiTest extends ApiTestSupport {
    static final String TOWN = "440606104";
    static final String BASE = "/api/documents/disclosure";
    static final String PUBLIC = "/public/documents/disclosure";

    @Autowired
    DisclosureFigures figures;

    @Test
    void a_new_clerk_publishes_an_item_after_review_and_anyone_reads_it_without_a_token() {
        String me = "clerk-new-" + unique();
        Api author = as(me, TOWN, "党政办", "CONFIDENTIAL", "OFFICE_CLERK");
        String title = "乐从镇民生实事项目进展 " + unique();
        JsonNode draft = ok(author.post(BASE, """
                {"title":"%s","body":"河滨路路灯改造已完工。","category":"LIVELIHOOD","channels":["WEBSITE","WECHAT"],
                 "internalNote":"数据经经发办核对"}""".formatted(title)), 201);
        String id = draft.get("id").asString();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("author").asString()).isEqualTo(me);
        assertProblem(anonymous().get(PUBLIC + "/" + id), 404, null);

        ok(author.post(BASE + "/" + id + "/submission", ""));
        assertProblem(author.post(BASE + "/" + id + "/approval", "{}"), 403, null);
        JsonNode approved = ok(leader(TOWN, "leader-he").post(BASE + "/" + id + "/approval", "{\"opinion\":\"无涉密内容\"}"));
        assertThat(approved.get("reviewer").asString()).isEqualTo("leader-he");
        assertProblem(anonymous().get(PUBLIC + "/" + id), 404, null);
        JsonNode published = ok(author.post(BASE + "/" + id + "/publication", ""));
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.get("channels")).hasSize(2).allMatch(c -> !c.get("publishedAt").isNull());

        Api.Response shown = anonymous().get(PUBLIC + "/" + id);
        JsonNode item = ok(shown);
        assertThat(item.get("title").asString()).isEqualTo(title);
        assertThat(item.get("townName").asString()).isEqualTo("乐从镇");
        assertThat(item.get("categoryLabel").asString()).isEqualTo("民生实事");
        assertThat(item.get("channels").get(1).get("label").asString()).isEqualTo("微信公众号");
        assertThat(shown.body()).doesNotContain(me, "leader-he", "数据经经发办核对", "author", "reviewer", "internalNote");

        JsonNode wechat = ok(anonymous().get(PUBLIC + "?town=" + TOWN + "&channel=WECHAT&category=LIVELIHOOD&size=100"));
        assertThat(ids(wechat)).contains(id);
        assertThat(ids(ok(anonymous().get(PUBLIC + "?town=" + TOWN + "&channel=PRESS&size=100")))).doesNotContain(id);
        assertThat(ids(ok(anonymous().get(PUBLIC + "?town=440606105&size=100")))).doesNotContain(id);

        DisclosurePublished event = json.readValue(payload(id, DisclosurePublished.TYPE), DisclosurePublished.class);
        assertThat(event.jurisdiction()).isEqualTo(TOWN);
        assertThat(event.channels()).containsExactly("WEBSITE", "WECHAT");
        assertThat(event.title()).isEqualTo(title);
    }

    @Test
    void an_invalid_bearer_token_on_the_public_path_is_ignored_and_unpublished_items_are_not_found() {
        Api clerk = clerk(TOWN);
        String draft = ok(clerk.post(BASE, item("草稿 " + unique(), "NOTICE", "\"NOTICE_BOARD\"")), 201).get("id").asString();
        String withdrawn = publish(item("撤回的 " + unique(), "NOTICE", "\"WEBSITE\""));
        ok(clerk.post(BASE + "/" + withdrawn + "/withdrawal", "{\"reason\":\"数据有误，更正后重新发布\"}"));

        Api garbage = new Api(port).as("not-a-jwt");
        assertThat(garbage.get(PUBLIC + "?size=5").status()).isEqualTo(200);
        assertThat(garbage.get("/api/documents/disclosure").status()).as("elsewhere it still counts").isEqualTo(401);
        assertProblem(garbage.get(PUBLIC + "/" + draft), 404, null);
        assertProblem(anonymous().get(PUBLIC + "/" + withdrawn), 404, null);
        assertProblem(anonymous().get(PUBLIC + "/" + java.util.UUID.randomUUID()), 404, null);
        assertThat(ids(ok(anonymous().get(PUBLIC + "?town=" + TOWN + "&size=100")))).doesNotContain(draft, withdrawn);
        assertProblem(anonymous().get(PUBLIC + "?town=999999999"), 400, "town");
        assertProblem(anonymous().get(PUBLIC + "?size=1000"), 400, null);

        DisclosureWithdrawn event = json.readValue(payload(withdrawn, DisclosureWithdrawn.TYPE), DisclosureWithdrawn.class);
        assertThat(event.reason()).isEqualTo("数据有误，更正后重新发布");
    }

    @Test
    void a_returned_item_goes_back_to_its_author_and_a_classified_source_never_passes_review() {
        Api clerk = clerk(TOWN);
        Api dept = handler(TOWN, "经发办");
        String id = ok(dept.post(BASE, item("部门信息 " + unique(), "POLICY", "\"WEBSITE\"")), 201).get("id").asString();
        ok(dept.post(BASE + "/" + id + "/submission", ""));
        JsonNode back = ok(clerk.post(BASE + "/" + id + "/return", "{\"reason\":\"涉及个人信息，请删除\"}"));
        assertThat(back.get("status").asString()).isEqualTo("DRAFT");
        assertThat(back.get("returnReason").asString()).isEqualTo("涉及个人信息，请删除");
        assertThat(ok(dept.get(BASE + "/" + id)).get("transitions").toString()).contains("退回修改");
        assertProblem(handler(TOWN, "城管办").get(BASE + "/" + id), 404, null);

        String doc = ok(clerk.post("/api/documents/incoming", """
                {"channel":"PAPER","sender":"区政府办公室","elements":{"documentType":"NOTICE","title":"关于开展专项整治的通知"}}"""),
                201).get("id").asString();
        String fromDoc = ok(clerk.post(BASE, """
                {"title":"专项整治通知 %s","category":"POLICY","channels":["WEBSITE"],"sourceDocumentId":"%s"}"""
                .formatted(unique(), doc)), 201).get("id").asString();
        jdbc.sql("UPDATE incoming_document SET secrecy_level = 'SECRET', copy_number = '000001' WHERE id = ?")
                .param(doc).update();
        Api.Response refused = clerk.post(BASE + "/" + fromDoc + "/submission", "");
        assertProblem(refused, 409, null);
        assertThat(refused.body()).contains("classified-source");
        assertProblem(clerk.post(BASE, """
                {"title":"x","category":"POLICY","channels":["WEBSITE"],"sourceDocumentId":"%s"}""".formatted(doc)),
                400, "sourceDocumentId");
        assertProblem(clerk.post(BASE, """
                {"title":"x","category":"POLICY","channels":["WEBSITE"],"sourceDocumentId":"%s"}"""
                .formatted(java.util.UUID.randomUUID())), 400, "sourceDocumentId");
    }

    @Test
    void bad_input_wrong_roles_other_towns_and_illegal_moves_are_refused() {
        Api clerk = clerk(TOWN);
        long before = count("disclosure_item");
        assertProblem(clerk.post(BASE, "{\"title\":\"x\",\"category\":\"POLICY\",\"channels\":[]}"), 400, "channels");
        assertProblem(clerk.post(BASE, "{\"title\":\"\",\"category\":\"POLICY\",\"channels\":[\"WEBSITE\"]}"), 400, "title");
        assertProblem(clerk.post(BASE, "{\"title\":\"x\",\"category\":\"SECRET\",\"channels\":[\"WEBSITE\"]}"), 400, null);
        assertProblem(clerk.post(BASE, "{\"title\":\"x\",\"category\":\"POLICY\",\"channels\":[\"TIKTOK\"]}"), 400, null);
        assertProblem(as("agent", TOWN, "热线办", "NONE", "HOTLINE_AGENT").post(BASE, item("x", "POLICY", "\"WEBSITE\"")),
                403, null);
        assertProblem(clerk.post(BASE + "?x=1", item("x", "POLICY", "\"WEBSITE\"").replace("{", "{\"town\":\"440606105\",")),
                403, null);
        assertThat(anonymous().get(BASE).status()).isEqualTo(401);
        assertThat(count("disclosure_item")).isEqualTo(before);

        String id = ok(clerk.post(BASE, item("非法操作 " + unique(), "OTHER", "\"RADIO_TV\"")), 201).get("id").asString();
        Api.Response early = clerk.post(BASE + "/" + id + "/publication", "");
        assertProblem(early, 409, null);
        assertThat(json.readTree(early.body()).get("currentStatus").asString()).isEqualTo("DRAFT");
        assertProblem(clerk.post(BASE + "/" + id + "/withdrawal", "{\"reason\":\"x\"}"), 409, null);
        assertProblem(clerk.post(BASE + "/" + id + "/withdrawal", "{}"), 400, "reason");
        assertProblem(clerk("440606105").get(BASE + "/" + id), 404, null);
        assertProblem(clerk("440606105").post(BASE + "/" + id + "/submission", ""), 404, null);
        ok(clerk.post(BASE + "/" + id + "/submission", ""));
        assertProblem(handler(TOWN, "经发办").post(BASE + "/" + id + "/approval", "{}"), 403, null);
        ok(leader(TOWN, "leader-he").post(BASE + "/" + id + "/approval", "{}"));
        assertProblem(leader(TOWN, "leader-he").post(BASE + "/" + id + "/publication", ""), 403, null);
        assertProblem(clerk.put(BASE + "/" + id, item("改", "OTHER", "\"RADIO_TV\"")), 409, null);
    }

    @Test
    void historical_items_import_once_and_count_in_the_figures_the_stats_endpoint_shows() {
        Api clerk = clerk("440606003");
        String csv = """
                sourceId,title,body,category,channels,publishedAt
                GK17-1,2017年财政预算公开,预算全文,BUDGET,WEBSITE;WECHAT,2017-01-20T10:00:00
                GK17-2,关于春节期间安全生产的通知,,NOTICE,WEBSITE,2017-01-25T09:00:00
                GK17-3,伦教街道重大项目清单,,MAJOR_PROJECT,PRESS,2017-03-02T09:00:00
                """;
        JsonNode first = ok(csv(clerk, BASE + "/imports", csv), 201);
        assertThat(first.get("imported").asInt()).isEqualTo(3);
        JsonNode again = ok(csv(clerk, BASE + "/imports", csv), 201);
        assertThat(again.get("skipped").asInt()).isEqualTo(3);

        JsonNode stats = ok(clerk.get(BASE + "/stats?year=2017"));
        assertThat(stats.get("totals").get(DisclosureFigures.ITEMS).asLong()).isEqualTo(3);
        assertThat(stats.get("totals").get(DisclosureFigures.WEBSITE).asLong()).isEqualTo(2);
        assertThat(stats.get("totals").get(DisclosureFigures.WECHAT).asLong()).isEqualTo(1);
        assertThat(stats.get("byChannel").get("PRESS").asLong()).isEqualTo(1);
        assertThat(stats.get("byCategory").get("BUDGET").asLong()).isEqualTo(1);
        var monthly = figures.monthly(List.of("440606003"), 2017);
        assertThat(monthly.get(DisclosureFigures.ITEMS)).containsExactly(2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        monthly.forEach((k, v) -> assertThat(stats.get("totals").get(k).asLong()).as(k).isEqualTo(Arrays.stream(v).sum()));
        assertThat(figures.monthly(List.of("440606003"), 1999)).containsOnlyKeys(DisclosureFigures.ITEMS,
                DisclosureFigures.WEBSITE, DisclosureFigures.WECHAT);
        List<String> budget = ids(ok(anonymous().get(PUBLIC + "?town=440606003&category=BUDGET&size=100")));
        assertThat(budget).hasSize(1);
        // written as rows in a few multi-row inserts (DisclosureRows): read back through the entity, as it was built
        JsonNode imported = ok(clerk.get(BASE + "/" + budget.get(0)));
        assertThat(imported.get("title").asString()).isEqualTo("2017年财政预算公开");
        assertThat(imported.get("body").asString()).isEqualTo("预算全文");
        assertThat(imported.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(imported.get("sourceId").asString()).isEqualTo("GK17-1");
        assertThat(imported.get("publishedAt").asString()).isEqualTo("2017-01-20T02:00:00Z");   // 10:00 in Beijing
        assertThat(imported.get("channels").valueStream().map(c -> c.get("channel").asString() + "@"
                + c.get("publishedAt").asString())).containsExactlyInAnyOrder("WEBSITE@2017-01-20T02:00:00Z",
                "WECHAT@2017-01-20T02:00:00Z");
        assertThat(imported.get("transitions")).hasSize(2);
        assertThat(imported.get("transitions").get(1).get("to").asString()).isEqualTo("PUBLISHED");

        long before = count("disclosure_item");
        Api.Response bad = csv(clerk, BASE + "/imports", """
                sourceId,title,body,category,channels,publishedAt
                GK17-9,好的一行,,NOTICE,WEBSITE,2017-05-01T09:00:00
                GK17-10,,,NOTICE,FAX,yesterday
                """);
        assertProblem(bad, 400, "line 3: title");
        assertThat(bad.body()).contains("line 3: channels", "line 3: publishedAt");
        assertThat(count("disclosure_item")).isEqualTo(before);
        assertProblem(handler("440606003", "经发办").get(BASE + "/stats?year=2017"), 403, null);
    }

    private String publish(String body) {
        Api clerk = clerk(TOWN);
        String id = ok(clerk.post(BASE, body), 201).get("id").asString();
        ok(clerk.post(BASE + "/" + id + "/submission", ""));
        ok(leader(TOWN, "leader-he").post(BASE + "/" + id + "/approval", "{}"));
        ok(clerk.post(BASE + "/" + id + "/publication", ""));
        return id;
    }

    private static String item(String title, String category, String channels) {
        return "{\"title\":\"%s\",\"body\":\"正文\",\"category\":\"%s\",\"channels\":[%s]}".formatted(title, category, channels);
    }

    private String payload(String key, String type) {
        return jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?").params(key, type)
                .query(String.class).single();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    private static Api.Response csv(Api api, String path, String body) {
        return api.send(api.request(path).header("Content-Type", "text/csv;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
