package org.zhenwu.document.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhenwu.contracts.document.v1.ArchiveBatchArranged;
import org.zhenwu.contracts.document.v1.ItemArchived;
import org.zhenwu.contracts.document.v1.ItemsDestroyed;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** 档案 over real HTTP: the yearly arrangement, filing one document or a dossier, loans, destruction, import, figures. */
class ArchiveApiTest extends ApiTestSupport {
    static final String TOWN = "440606004";
    static final String BASE = "/api/documents/archives";
    static final int LAST_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;

    @Autowired
    ArchiveFigures figures;

    @Test
    void a_new_clerk_archives_last_years_finished_documents_numbered_in_order_and_a_second_run_adds_nothing() {
        Api clerk = as("archivist-" + unique(), TOWN, "党政办", "CONFIDENTIAL", "OFFICE_CLERK");
        String u = unique();
        String code = "勒档" + u;
        ok(csv(clerk, "/api/documents/incoming/imports", incomingHeader()
                + incoming(u + "-i1", "收文一", LAST_YEAR + "-03-01T09:00:00", "ARCHIVED")
                + incoming(u + "-i2", "收文二", LAST_YEAR + "-05-01T09:00:00", "COMPLETED")
                + incoming(u + "-i3", "收文三", LAST_YEAR + "-06-01T09:00:00", "REGISTERED")), 201);
        ok(csv(clerk, "/api/documents/outgoing/imports", """
                sourceId,kind,documentType,title,issuerName,documentNumber,mainRecipients,signer,signedAt,distributedAt,copies,status
                %1$s-o1,DOCUMENT,DECISION,关于表彰先进的决定,勒流街道办事处,%2$s〔%3$d〕1号,各村,主任,%3$d-02-01T09:00:00,%3$d-02-02T09:00:00,10,DISTRIBUTED
                %1$s-o2,DOCUMENT,NOTICE,关于防汛工作的通知,勒流街道办事处,%2$s〔%3$d〕2号,各村,主任,%3$d-04-01T09:00:00,%3$d-04-02T09:00:00,10,ARCHIVED
                """.formatted(u, code, LAST_YEAR)), 201);
        Map<String, String> doc = new HashMap<>();
        for (String s : List.of("i1", "i2", "i3")) {
            doc.put(s, id("incoming_document", u + "-" + s));
        }
        for (String s : List.of("o1", "o2")) {
            doc.put(s, id("outgoing_document", u + "-" + s));
        }

        JsonNode batch = ok(clerk.post(BASE + "/batches", "{\"year\":" + LAST_YEAR + "}"));
        Map<String, JsonNode> filed = new HashMap<>();
        batch.get("items").forEach(i -> filed.put(i.get("documentId").asString(), i));
        assertThat(filed).containsKeys(doc.get("i1"), doc.get("i2"), doc.get("o1"), doc.get("o2"))
                .doesNotContainKey(doc.get("i3"));
        assertThat(filed.get(doc.get("i1")).get("retention").asString()).isEqualTo("Y10");
        assertThat(filed.get(doc.get("o1")).get("retention").asString()).isEqualTo("PERMANENT");
        assertThat(filed.get(doc.get("o2")).get("retention").asString()).isEqualTo("Y30");
        assertThat(filed.get(doc.get("o2")).get("documentNumber").asString()).isEqualTo(code + "〔" + LAST_YEAR + "〕2号");
        int first = filed.get(doc.get("i1")).get("itemNumber").asInt();
        assertThat(filed.get(doc.get("i2")).get("itemNumber").asInt()).as("in date order, no gap").isEqualTo(first + 1);
        assertThat(filed.get(doc.get("i1")).get("archiveCode").asString())
                .isEqualTo("%s-%d-WS-Y10-%04d".formatted(TOWN, LAST_YEAR, first));
        String batchId = batch.get("batchId").asString();
        ArchiveBatchArranged event = json.readValue(payload(batchId, ArchiveBatchArranged.TYPE), ArchiveBatchArranged.class);
        assertThat(event.items()).isEqualTo(batch.get("archived").asInt());
        assertThat(event.numbers()).extracting(ArchiveBatchArranged.NumberRange::retention).contains("Y10", "Y30", "PERMANENT");

        JsonNode again = ok(clerk.post(BASE + "/batches", "{\"year\":" + LAST_YEAR + "}"));
        assertThat(again.get("archived").asInt()).isZero();
        assertThat(again.get("batchId").isNull()).isTrue();
        JsonNode y10 = ok(clerk.get(BASE + "?year=" + LAST_YEAR + "&category=DOCUMENTARY&retention=Y10&size=500"));
        assertThat(y10.get("items").valueStream().map(i -> i.get("itemNumber").asInt()).sorted().toList())
                .as("gap-free from 1").isEqualTo(IntStream.rangeClosed(1, y10.get("total").asInt()).boxed().toList());

        Api.Response twice = clerk.post(BASE + "/documents", "{\"documentId\":\"" + doc.get("i1") + "\"}");
        assertProblem(twice, 409, null);
        assertThat(twice.body()).contains("already-archived");
        Api.Response unfinished = clerk.post(BASE + "/documents", "{\"documentId\":\"" + doc.get("i3") + "\"}");
        assertProblem(unfinished, 409, null);
        assertThat(unfinished.body()).contains("document-not-finished");
        String itemId = filed.get(doc.get("o1")).get("id").asString();
        assertThat(ok(district().get(BASE + "/" + itemId)).get("title").asString()).isEqualTo("关于表彰先进的决定");
        assertProblem(clerk("440606105").get(BASE + "/" + itemId), 404, null);
        assertProblem(clerk("440606105").post(BASE + "/documents", "{\"documentId\":\"" + doc.get("i3") + "\"}"), 404, null);
    }

    @Test
    void one_finished_document_or_a_dossier_is_filed_by_hand_and_announced() {
        Api clerk = clerk(TOWN);
        String u = unique();
        ok(csv(clerk, "/api/documents/incoming/imports", incomingHeader()
                + incoming(u + "-s1", "单件归档", "2018-07-01T09:00:00", "COMPLETED")), 201);
        String docId = id("incoming_document", u + "-s1");
        JsonNode item = ok(clerk.post(BASE + "/documents", "{\"documentId\":\"%s\",\"retention\":\"Y30\"}".formatted(docId)),
                201);
        assertThat(item.get("archiveCode").asString()).matches(TOWN + "-2018-WS-Y30-\\d{4}");
        assertThat(item.get("keptUntil").asInt()).isEqualTo(2048);
        ItemArchived event = json.readValue(payload(item.get("id").asString(), ItemArchived.TYPE), ItemArchived.class);
        assertThat(event.archiveCode()).isEqualTo(item.get("archiveCode").asString());
        assertThat(event.documentId().toString()).isEqualTo(docId);

        JsonNode dossier = ok(clerk.post(BASE + "/dossiers", """
                {"title":"市志（1992-2002）承修资料 %s","year":2018,"category":"THEMATIC","retention":"PERMANENT",
                 "entries":["编目细化稿","校对记录","照片目录"]}""".formatted(u)), 201);
        assertThat(dossier.get("kind").asString()).isEqualTo("DOSSIER");
        assertThat(dossier.get("archiveCode").asString()).matches(TOWN + "-2018-ZT-PERMANENT-\\d{4}");
        assertThat(ok(clerk.get(BASE + "/" + dossier.get("id").asString())).get("entries")).hasSize(3);
    }

    @Test
    void an_item_is_lent_to_one_borrower_at_a_time_and_overdue_loans_are_flagged() {
        Api clerk = clerk(TOWN);
        String item = dossier(clerk, "借阅卷 " + unique());
        String due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7).toString();
        Api dept = handler(TOWN, "经发办");
        String first = ok(dept.post(BASE + "/" + item + "/loans",
                "{\"borrower\":\"陈科长\",\"purpose\":\"查阅项目资料\",\"dueDate\":\"%s\"}".formatted(due)), 201)
                .get("id").asString();
        String second = ok(dept.post(BASE + "/" + item + "/loans",
                "{\"borrower\":\"李干事\",\"purpose\":\"复核\",\"dueDate\":\"%s\"}".formatted(due)), 201).get("id").asString();
        String loans = BASE + "/loans/";
        assertProblem(dept.post(loans + first + "/approval", ""), 403, null);
        assertProblem(clerk("440606105").post(loans + first + "/approval", ""), 404, null);
        assertProblem(clerk.post(loans + first + "/lending", ""), 409, null);
        ok(clerk.post(loans + first + "/approval", ""));
        ok(clerk.post(loans + second + "/approval", ""));
        assertThat(ok(clerk.post(loans + first + "/lending", "")).get("status").asString()).isEqualTo("LENT");
        Api.Response busy = clerk.post(loans + second + "/lending", "");
        assertProblem(busy, 409, null);
        assertThat(busy.body()).contains("item-on-loan", "陈科长");
        assertThat(ok(clerk.get(BASE + "/" + item)).get("lentTo").asString()).isEqualTo("陈科长");

        jdbc.sql("UPDATE archive_loan SET due_date = ? WHERE id = ?")
                .params(java.sql.Date.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2)), first).update();
        JsonNode overdue = ok(clerk.get(BASE + "/loans?overdue=true"));
        assertThat(overdue.valueStream().filter(l -> l.get("id").asString().equals(first)))
                .singleElement().matches(l -> l.get("overdue").asBoolean());
        assertThat(overdue.toString()).doesNotContain(second);
        assertThat(ok(dept.get(BASE + "/loans")).toString()).contains(first, second);

        ok(clerk.post(loans + first + "/return", ""));
        assertProblem(clerk.post(loans + first + "/return", ""), 409, null);
        assertThat(ok(clerk.post(loans + second + "/lending", "")).get("borrower").asString()).isEqualTo("李干事");
        assertProblem(dept.post(BASE + "/" + item + "/loans",
                "{\"borrower\":\"x\",\"purpose\":\"y\",\"dueDate\":\"2001-01-01\"}"), 400, "dueDate");
    }

    @Test
    void only_items_past_retention_are_destroyed_and_only_after_a_leaders_approval_into_the_register() {
        Api clerk = clerk(TOWN);
        String u = unique();
        ok(csv(clerk, BASE + "/imports", """
                sourceId,year,category,retention,itemNumber,title,kind,documentNumber,arrangedOn
                %1$s-d1,2010,OTHER,Y10,%2$d,期满文书,,,2011-03-01
                %1$s-d2,2010,OTHER,PERMANENT,%2$d,永久保存,,,2011-03-01
                %1$s-d3,2020,OTHER,Y10,%2$d,未到期,,,2021-03-01
                """.formatted(u, Math.abs(u.hashCode() % 90_000) + 1)), 201);
        String expired = id("archive_item", u + "-d1");
        String permanent = id("archive_item", u + "-d2");
        String young = id("archive_item", u + "-d3");
        String path = BASE + "/destructions";
        assertProblem(clerk.post(path, request(permanent)), 400, "itemIds");
        assertProblem(clerk.post(path, request(young)), 400, "itemIds");
        assertProblem(leader(TOWN, "leader-he").post(path, request(expired)), 403, null);
        String id = ok(clerk.post(path, request(expired)), 201).get("id").asString();
        assertProblem(clerk.post(path, request(expired)), 400, "itemIds");
        assertProblem(clerk.post(path + "/" + id + "/execution", "{\"method\":\"粉碎\"}"), 409, null);
        assertProblem(clerk.post(path + "/" + id + "/decision", "{\"approve\":true}"), 403, null);
        assertThat(ok(clerk.get(path)).toString()).contains(id);
        ok(leader(TOWN, "leader-he").post(path + "/" + id + "/decision", "{\"approve\":true,\"note\":\"同意销毁\"}"));
        JsonNode done = ok(clerk.post(path + "/" + id + "/execution", "{\"method\":\"粉碎\"}"));
        assertThat(done.get("status").asString()).isEqualTo("DESTROYED");

        JsonNode register = ok(clerk.get(path + "/register"));
        JsonNode line = register.valueStream().filter(d -> d.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(line.get("decidedBy").asString()).isEqualTo("leader-he");
        assertThat(line.get("destroyedBy").asString()).isEqualTo("clerk-" + TOWN);
        assertThat(line.get("items").get(0).get("archiveCode").asString()).matches(TOWN + "-2010-QT-Y10-\\d{4,}");
        assertThat(ok(clerk.get(BASE + "/" + expired)).get("status").asString()).isEqualTo("DESTROYED");
        ItemsDestroyed event = json.readValue(payload(id, ItemsDestroyed.TYPE), ItemsDestroyed.class);
        assertThat(event.approvedBy()).isEqualTo("leader-he");
        assertThat(event.items()).singleElement().matches(i -> i.itemId().toString().equals(expired));
        assertProblem(clerk.post(BASE + "/" + expired + "/loans",
                "{\"borrower\":\"x\",\"purpose\":\"y\",\"dueDate\":\"2099-01-01\"}"), 409, null);
        assertThat(ok(clerk.get(BASE + "/" + permanent)).get("status").asString()).isEqualTo("ARCHIVED");
    }

    @Test
    void imported_items_keep_their_numbers_the_counter_continues_after_them_and_the_figures_count_them() {
        Api clerk = clerk(TOWN);
        String u = unique();
        String file = """
                sourceId,year,category,retention,itemNumber,title,kind,documentNumber,arrangedOn
                %1$s-1,2016,MARRIAGE,Y30,5,婚姻登记档案（一）,,,2017-03-01
                %1$s-2,2016,MARRIAGE,Y30,9,婚姻登记档案（二）,,,2017-03-02
                %1$s-3,2016,DOCUMENTARY,Y10,3,2016年文书,,X〔2016〕3号,2017-05-01
                """.formatted(u);
        assertThat(ok(csv(clerk, BASE + "/imports", file), 201).get("imported").asInt()).isEqualTo(3);
        assertThat(ok(csv(clerk, BASE + "/imports", file), 201).get("skipped").asInt()).isEqualTo(3);
        JsonNode next = ok(clerk.post(BASE + "/dossiers", """
                {"title":"婚姻档案补充卷","year":2016,"category":"MARRIAGE","retention":"Y30","entries":["补充材料"]}"""), 201);
        assertThat(next.get("itemNumber").asInt()).as("after the highest imported number").isEqualTo(10);

        long before = count("archive_item");
        Api.Response bad = csv(clerk, BASE + "/imports", """
                sourceId,year,category,retention,itemNumber,title,kind,documentNumber,arrangedOn
                %1$s-4,2016,MARRIAGE,Y30,5,重号,,,2017-03-01
                %1$s-5,2016,MARRIAGE,Y20,6,,,,2017-03-01
                """.formatted(u));
        assertProblem(bad, 400, "line 3: retention");
        assertThat(bad.body()).contains("line 3: title");
        assertThat(count("archive_item")).isEqualTo(before);
        Api.Response taken = csv(clerk, BASE + "/imports", """
                sourceId,year,category,retention,itemNumber,title,kind,documentNumber,arrangedOn
                %1$s-6,2016,MARRIAGE,Y30,5,重号,,,2017-03-01
                """.formatted(u));
        assertProblem(taken, 400, "line 2: itemNumber");
        assertThat(count("archive_item")).isEqualTo(before);

        JsonNode stats = ok(clerk.get(BASE + "/stats?year=2017"));
        assertThat(stats.get("totals").get(ArchiveFigures.DOCUMENTARY).asLong()).isEqualTo(1);
        assertThat(stats.get("totals").get(ArchiveFigures.MARRIAGE).asLong()).isEqualTo(2);
        assertThat(stats.get("totals").get(ArchiveFigures.TOTAL).asLong()).isEqualTo(3);
        assertThat(stats.get("byRetention").get("Y30").asLong()).isEqualTo(2);
        var monthly = figures.monthly(List.of(TOWN), 2017);
        assertThat(monthly.get(ArchiveFigures.MARRIAGE)).containsExactly(0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        monthly.forEach((k, v) -> assertThat(stats.get("totals").get(k).asLong()).as(k).isEqualTo(Arrays.stream(v).sum()));
        assertThat(figures.monthly(List.of(TOWN), 1999)).containsOnlyKeys(ArchiveFigures.DOCUMENTARY,
                ArchiveFigures.MARRIAGE, ArchiveFigures.TOTAL);
    }

    @Test
    void bad_input_wrong_roles_and_other_towns_are_refused() {
        Api clerk = clerk(TOWN);
        long before = count("archive_item");
        assertProblem(clerk.post(BASE + "/batches", "{}"), 400, "year");
        assertProblem(clerk.post(BASE + "/batches", "{\"year\":2999}"), 400, "year");
        assertProblem(clerk.post(BASE + "/batches", "{\"year\":2019,\"retention\":\"Y20\"}"), 400, null);
        assertProblem(clerk.post(BASE + "/documents", "{}"), 400, "documentId");
        assertProblem(clerk.post(BASE + "/dossiers", "{\"title\":\"x\",\"year\":2018,\"category\":\"PHOTO\","
                + "\"retention\":\"Y10\",\"entries\":[]}"), 400, "entries");
        assertProblem(handler(TOWN, "经发办").post(BASE + "/batches", "{\"year\":2019}"), 403, null);
        assertProblem(leader(TOWN, "leader-he").post(BASE + "/batches", "{\"year\":2019}"), 403, null);
        assertProblem(clerk.post(BASE + "/batches", "{\"year\":2019,\"town\":\"440606105\"}"), 403, null);
        assertProblem(handler(TOWN, "经发办").get(BASE), 403, null);
        assertProblem(clerk.post(BASE + "/documents", "{\"documentId\":\"%s\"}".formatted(java.util.UUID.randomUUID())),
                404, null);
        assertThat(anonymous().get(BASE).status()).isEqualTo(401);
        assertThat(count("archive_item")).isEqualTo(before);
        String item = dossier(clerk, "他镇不可见 " + unique());
        assertProblem(clerk("440606105").get(BASE + "/" + item), 404, null);
        assertProblem(clerk("440606105").post(BASE + "/" + item + "/loans",
                "{\"borrower\":\"x\",\"purpose\":\"y\",\"dueDate\":\"2099-01-01\"}"), 404, null);
    }

    private String dossier(Api clerk, String title) {
        return ok(clerk.post(BASE + "/dossiers", """
                {"title":"%s","year":2019,"category":"PHOTO","retention":"Y10","entries":["照片一组"]}""".formatted(title)),
                201).get("id").asString();
    }

    private static String request(String itemId) {
        return "{\"itemIds\":[\"%s\"],\"reason\":\"保管期满，经鉴定无继续保存价值\"}".formatted(itemId);
    }

    private static String incomingHeader() {
        return "sourceId,kind,channel,sender,originalNumber,documentType,title,secrecyLevel,copyNumber,urgency,"
                + "receivedAt,status,leadDepartment,deadline,completedAt,result,resultReportedAt\n";
    }

    private static String incoming(String sourceId, String title, String receivedAt, String status) {
        boolean done = !"REGISTERED".equals(status);
        return "%s,DOCUMENT,PAPER,佛山市顺德区人民政府办公室,,NOTICE,%s,,,,%s,%s,%s,,%s,%s,\n".formatted(sourceId, title,
                receivedAt, status, done ? "经发办" : "", done ? receivedAt.replace("T09", "T17") : "", done ? "已办理" : "");
    }

    private String id(String table, String sourceId) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE source_id = ?").param(sourceId).query(String.class).single();
    }

    private String payload(String key, String type) {
        return jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?").params(key, type)
                .query(String.class).single();
    }

    private static Api.Response csv(Api api, String path, String body) {
        return api.send(api.request(path).header("Content-Type", "text/csv;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
