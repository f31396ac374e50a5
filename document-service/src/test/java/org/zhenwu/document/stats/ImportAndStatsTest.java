package org.zhenwu.document.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** Historical import (all or nothing, idempotent) and the document lines of the annual summary. */
class ImportAndStatsTest extends ApiTestSupport {
    static final String TOWN = "440606105";

    @Test
    void past_documents_are_imported_once_and_counted_in_the_figures() {
        Api clerk = clerk(TOWN);
        String code = "北府" + unique() + "发";
        String telegraph = "北府" + unique() + "电";
        String outgoing = String.join("\n",
                row("o1", "NOTICE", "DOCUMENT", "NORMAL", "关于做好2019年春运工作的通知", code + "〔2019〕3号", "2019-03-01T09:00:00", 40),
                row("o2", "REQUEST", "DOCUMENT", "URGENT", "关于申请防洪资金的请示", code + "〔2019〕12号", "2019-05-20T10:00:00", 3),
                row("o3", "NOTICE", "TELEGRAM", "FLASH", "关于防御台风山竹的紧急通知", telegraph + "〔2019〕1号", "2019-09-15T08:00:00", 60));
        JsonNode first = ok(importFile(clerk, "/api/documents/outgoing/imports?town=" + TOWN, outgoing, "application/x-ndjson"), 201);
        assertThat(first.get("imported").asInt()).isEqualTo(3);
        JsonNode again = ok(importFile(clerk, "/api/documents/outgoing/imports?town=" + TOWN, outgoing, "application/x-ndjson"), 201);
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("skipped").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT last_seq FROM sequence_counter WHERE scope = ? AND year = 2019").param(code)
                .query(Integer.class).single()).as("new numbers come after the imported ones").isEqualTo(12);
        JsonNode book = ok(clerk.get("/api/documents/outgoing/register?issuerCode=" + enc(code) + "&year=2019"));
        assertThat(book).hasSize(2);
        assertThat(book.get(1).get("documentNumber").asString()).isEqualTo(code + "〔2019〕12号");

        String incoming = """
                sourceId,kind,channel,sender,originalNumber,documentType,title,secrecyLevel,copyNumber,urgency,receivedAt,status,leadDepartment,deadline,completedAt,result,resultReportedAt
                i1,DOCUMENT,DISTRICT_OA,顺德区人民政府办公室,顺府办〔2019〕5号,OPINION,关于优化营商环境的意见,,,,2019-02-11T09:00:00,ARCHIVED,经发办,,2019-03-01T17:00:00,已贯彻落实,
                i2,PETITION,FORWARDED,顺德区信访局,,LETTER,"关于某小区噪音扰民的来信,请核处",,,,2019-04-02T09:00:00,ARCHIVED,城管办,2019-04-30,2019-04-20T10:00:00,已责令整改,2019-04-22T10:00:00
                i3,DOCUMENT,CONFIDENTIAL_EXCHANGE,中共顺德区委办公室,顺办〔2019〕2号,NOTICE,关于某专项工作的通知,SECRET,000007,,2019-06-03T09:00:00,COMPLETED,党政办,,2019-06-20T09:00:00,已办理,
                i4,TELEGRAM,TELEGRAPH,佛山市三防指挥部,,NOTICE,关于做好强降雨防御工作的明传电报,,,URGENT,2019-08-30T20:00:00,REGISTERED,,,,,
                """;
        JsonNode in = ok(importFile(clerk, "/api/documents/incoming/imports?town=" + TOWN, incoming, "text/csv"), 201);
        assertThat(in.get("imported").asInt()).isEqualTo(4);

        JsonNode stats = ok(clerk.get("/api/documents/stats?from=2019-01-01&to=2019-12-31"));
        assertThat(stats.get("towns")).hasSize(1);
        assertThat(stats.get("received").asLong()).isEqualTo(4);
        assertThat(stats.get("receivedFromDistrictOa").asLong()).isEqualTo(1);
        assertThat(stats.get("receivedByChannel").get("CONFIDENTIAL_EXCHANGE").asLong()).isEqualTo(1);
        assertThat(stats.get("telegramsReceived").asLong()).isEqualTo(1);
        assertThat(stats.get("issued").asLong()).isEqualTo(3);
        assertThat(stats.get("issuedByIssuer").get(code).asLong()).isEqualTo(2);
        assertThat(stats.get("issuedByIssuer").get(telegraph).asLong()).isEqualTo(1);
        assertThat(stats.get("telegramsSent").asLong()).isEqualTo(1);
        assertThat(stats.get("petitionsReceived").asLong()).isEqualTo(1);
        assertThat(stats.get("petitionsHandled").asLong()).isEqualTo(1);
        assertThat(stats.get("petitionsReportedOnTime").asLong()).isEqualTo(1);
        assertThat(stats.get("classifiedHandled").asLong()).isEqualTo(1);
        assertThat(stats.toString()).doesNotContain("关于某专项工作的通知");

        JsonNode district = ok(district().get("/api/documents/stats?from=2019-01-01&to=2019-12-31"));
        assertThat(district.get("towns")).hasSize(10);
        assertThat(district.get("issued").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void a_file_with_a_bad_row_is_refused_whole_naming_line_and_field() {
        Api clerk = clerk(TOWN);
        long before = count("outgoing_document");
        String file = String.join("\n",
                row("b1", "NOTICE", "DOCUMENT", "NORMAL", "好的一行", "北府" + unique() + "发〔2019〕1号", "2019-03-01T09:00:00", 1),
                row("b2", "NOTICE", "DOCUMENT", "NORMAL", "坏的一行", "没有文号", "2019-03-01T09:00:00", 1),
                "{\"sourceId\":\"b3\",\"documentType\":\"MEMO\"}",
                "not json");
        Api.Response r = importFile(clerk, "/api/documents/outgoing/imports?town=" + TOWN, file, "application/x-ndjson");
        assertProblem(r, 400, "line 2: documentNumber");
        assertThat(r.body()).contains("line 3: documentType").contains("line 3: title").contains("line 4: line");
        assertThat(count("outgoing_document")).isEqualTo(before);
        assertProblem(importFile(handler(TOWN, "经发办"), "/api/documents/outgoing/imports", row("x", "NOTICE", "DOCUMENT",
                "NORMAL", "x", "北府发〔2019〕1号", "2019-03-01T09:00:00", 1), "application/x-ndjson"), 403, null);
    }

    @Test
    void the_on_time_rate_of_supervision_counts_tasks_accepted_by_their_deadline() {
        Api clerk = clerk(TOWN);
        Api owner = handler(TOWN, "农业办");
        for (boolean late : new boolean[] {false, true}) {
            String id = ok(clerk.post("/api/documents/supervision",
                    "{\"title\":\"会议决定事项\",\"ownerDepartment\":\"农业办\",\"deadlineWorkingDays\":5}"), 201).get("id").asString();
            ok(owner.post("/api/documents/supervision/" + id + "/acceptance", ""));
            ok(owner.post("/api/documents/supervision/" + id + "/evidence", "{\"evidence\":\"已完成\"}"));
            if (late) {
                jdbc.sql("UPDATE supervision_task SET deadline = ? WHERE id = ?")
                        .params(Date.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1)), id).update();
            }
            ok(clerk.post("/api/documents/supervision/" + id + "/completion", ""));
        }
        JsonNode stats = ok(clerk.get("/api/documents/stats"));
        assertThat(stats.get("supervisionCompleted").asLong()).isEqualTo(2);
        assertThat(stats.get("supervisionCompletedOnTime").asLong()).isEqualTo(1);
        assertThat(stats.get("supervisionOnTimeRate").asString()).isEqualTo("50.0");
        assertThat(stats.get("supervisionByOrigin").get("MANUAL").asLong()).isEqualTo(2);

        assertProblem(clerk.get("/api/documents/stats?from=2019-02-01&to=2019-01-01"), 400, "to");
        assertProblem(owner.get("/api/documents/stats"), 403, null);
        assertProblem(clerk.get("/api/documents/stats?town=440606104"), 403, null);
    }

    private static String row(String sourceId, String type, String kind, String urgency, String title, String number,
                              String distributedAt, int copies) {
        return ("{\"sourceId\":\"%s\",\"kind\":\"%s\",\"documentType\":\"%s\",\"urgency\":\"%s\",\"title\":\"%s\","
                + "\"issuerName\":\"北滘镇人民政府\",\"documentNumber\":\"%s\",\"mainRecipients\":\"各村（居）委会\","
                + "\"signer\":\"镇长\",\"signedAt\":\"%s\",\"distributedAt\":\"%s\",\"copies\":\"%d\"}")
                .formatted(sourceId, kind, type, urgency, title, number, distributedAt, distributedAt, copies);
    }

    private static Api.Response importFile(Api api, String path, String body, String type) {
        return api.send(api.request(path).header("Content-Type", type + ";charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
