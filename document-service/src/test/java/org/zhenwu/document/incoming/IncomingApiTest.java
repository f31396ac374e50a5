package org.zhenwu.document.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** 收文 over real HTTP: the acceptance walk, the OA intake, telegrams, petitions, and the refusals. */
class IncomingApiTest extends ApiTestSupport {
    static final String TOWN = "440606103";
    static final String BASE = "/api/documents/incoming";

    static String receiveBody(String kind, String channel, String urgency, String title, int copies, String extra) {
        return """
                {"kind":"%s","channel":"%s","sender":"顺德区人民政府办公室","originalNumber":"顺府办函〔2026〕3号","copies":%d%s,
                 "elements":{"documentType":"NOTICE","urgency":"%s","issuerName":"顺德区人民政府办公室","title":"%s",
                 "mainRecipients":"各镇人民政府、街道办事处","body":"请各镇于月底前完成自查。","pages":2}}"""
                .formatted(kind, channel, copies, extra, urgency, title);
    }

    @Test
    void a_document_runs_from_sign_in_to_archive_with_a_leaders_instruction_a_lead_department_and_circulation() {
        Api clerk = clerk(TOWN);
        Api leader = leader(TOWN, "leader-he");
        Api urban = handler(TOWN, "城管办");
        Api planning = handler(TOWN, "规划建设办");
        JsonNode received = ok(clerk.post(BASE, receiveBody("DOCUMENT", "PAPER", "NORMAL", "关于开展安全生产大检查的通知", 2, "")), 201);
        String id = received.get("id").asString();
        String path = BASE + "/" + id;
        assertThat(received.get("copies")).hasSize(2);
        assertThat(received.get("copies").get(0).get("holder").asString()).isEqualTo("OFFICE");

        JsonNode registered = ok(clerk.post(path + "/registration", ""));
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(registered.get("registerNumber").asString()).matches("收文〔" + year + "〕\\d+号");
        ok(clerk.post(path + "/screening", "{\"mode\":\"ACTION\"}"));
        ok(clerk.post(path + "/proposal", "{\"proposal\":\"拟请城管办牵头，规划建设办配合\",\"leader\":\"leader-he\"}"));
        assertThat(urban.get(path).status()).as("not handed to the department yet").isEqualTo(404);
        JsonNode instructed = ok(leader.post(path + "/instruction", """
                {"instruction":"同意，请城管办牵头，五个工作日内报结果","leadDepartment":"城管办",
                 "coDepartments":["规划建设办"],"deadlineWorkingDays":5}"""));
        assertThat(instructed.get("status").asString()).isEqualTo("INSTRUCTED");
        assertThat(instructed.get("deadline").asString()).isNotBlank();

        ok(planning.post(path + "/co-view", "{\"view\":\"同意城管办方案\"}"));
        ok(clerk.post(path + "/urging", "{\"note\":\"请抓紧\"}"));
        ok(urban.post(path + "/acceptance", ""));

        ok(clerk.post(path + "/readers", "{\"readers\":[\"leader-ma\"]}"));
        ok(clerk.post(path + "/copies/2/handover", "{\"to\":\"leader-ma\"}"));
        Api leaderMa = leader(TOWN, "leader-ma");
        JsonNode held = ok(leaderMa.get(path));
        assertThat(held.get("copies").get(1).get("holder").asString()).isEqualTo("leader-ma");
        ok(leaderMa.post(path + "/reading", "{\"comment\":\"阅\"}"));
        assertProblem(clerk.post(path + "/archiving", ""), 409, null);
        ok(leaderMa.post(path + "/copies/2/handover", "{\"to\":\"OFFICE\"}"));

        ok(urban.post(path + "/completion", "{\"result\":\"已完成全镇安全生产大检查，整改隐患12处\"}"));
        JsonNode archived = ok(clerk.post(path + "/archiving", ""));
        assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");

        JsonNode read = ok(clerk.get(path));
        List<String> actions = new ArrayList<>();
        read.get("transitions").forEach(t -> actions.add(t.get("action").asString()));
        assertThat(actions).containsExactly("签收", "登记", "初审", "拟办", "批示", "协办意见", "催办", "承办", "传阅", "阅", "办结", "归档");
        assertThat(read.get("circulation")).hasSize(2);
        assertThat(read.get("readers").get(0).get("readAt").isNull()).isFalse();
        assertThat(read.get("coDepartments").get(0).get("view").asString()).isEqualTo("同意城管办方案");
        assertThat(read.get("circulationClosed").asBoolean()).isTrue();
    }

    @Test
    void the_district_oa_pushes_documents_once_and_learns_when_one_is_returned() {
        Api oa = as("district-oa", "DISTRICT", null, "NONE", "OA_INTAKE");
        String externalId = "OA-" + unique();
        String push = """
                {"town":"%s","externalId":"%s","sender":"顺德区人民政府办公室","originalNumber":"顺府办〔2026〕8号",
                 "elements":{"documentType":"OPINION","title":"关于进一步优化营商环境的实施意见","body":"……"}}"""
                .formatted(TOWN, externalId);
        JsonNode first = ok(oa.post("/api/documents/intake/oa", push), 201);
        assertThat(first.get("channel").asString()).isEqualTo("DISTRICT_OA");
        assertThat(first.get("status").asString()).isEqualTo("RECEIVED");
        JsonNode again = ok(oa.post("/api/documents/intake/oa", push), 200);
        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());

        String path = BASE + "/" + first.get("id").asString();
        ok(clerk(TOWN).post(path + "/registration", ""));
        ok(clerk(TOWN).post(path + "/return", "{\"reason\":\"文件附件缺失，请补发\"}"));
        JsonNode status = ok(oa.get("/api/documents/intake/oa/" + externalId + "?town=" + TOWN));
        assertThat(status.get("status").asString()).isEqualTo("RETURNED");
        assertThat(status.get("returnReason").asString()).isEqualTo("文件附件缺失，请补发");

        long before = count("incoming_document");
        assertProblem(oa.post("/api/documents/intake/oa", push.replace(externalId, externalId + "-s")
                .replace("\"OPINION\"", "\"OPINION\",\"secrecyLevel\":\"SECRET\",\"copyNumber\":\"3\"")), 400, "elements.secrecyLevel");
        assertProblem(oa.post("/api/documents/intake/oa", push.replace("\"town\":\"" + TOWN + "\",", "")), 400, "town");
        assertProblem(handler(TOWN, "城管办").post("/api/documents/intake/oa", push), 403, null);
        assertThat(count("incoming_document")).isEqualTo(before);
    }

    @Test
    void a_flash_telegram_is_handed_over_only_with_a_deadline() {
        Api clerk = clerk(TOWN);
        String id = ok(clerk.post(BASE, receiveBody("TELEGRAM", "TELEGRAPH", "FLASH", "关于做好台风防御工作的紧急通知", 1, "")), 201)
                .get("id").asString();
        String path = BASE + "/" + id;
        ok(clerk.post(path + "/registration", ""));
        ok(clerk.post(path + "/screening", "{\"mode\":\"ACTION\"}"));
        ok(clerk.post(path + "/proposal", "{\"proposal\":\"拟请应急办立即部署\",\"leader\":\"leader-he\"}"));
        assertProblem(leader(TOWN, "leader-he").post(path + "/instruction",
                "{\"instruction\":\"立即部署\",\"leadDepartment\":\"应急办\"}"), 400, "deadline");
        JsonNode ok = ok(leader(TOWN, "leader-he").post(path + "/instruction",
                "{\"instruction\":\"立即部署\",\"leadDepartment\":\"应急办\",\"deadlineWorkingDays\":0}"));
        assertThat(ok.get("elements").get("urgencyLabel").asString()).isEqualTo("特提");
        assertThat(ok.get("kind").asString()).isEqualTo("TELEGRAM");
        assertProblem(clerk.post(BASE, receiveBody("TELEGRAM", "TELEGRAPH", "NORMAL", "x", 1, "")), 400, "elements.urgency");
    }

    @Test
    void a_forwarded_petition_letter_carries_its_deadline_and_reports_its_result_back() {
        Api clerk = clerk(TOWN);
        assertProblem(clerk.post(BASE, receiveBody("PETITION", "FORWARDED", "NORMAL", "关于某小区噪音扰民的信访件", 1, "")), 400, "deadline");
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        String id = ok(clerk.post(BASE, receiveBody("PETITION", "FORWARDED", "NORMAL", "关于某小区噪音扰民的信访件", 1,
                ",\"deadline\":\"" + deadline + "\"")), 201).get("id").asString();
        String path = BASE + "/" + id;
        ok(clerk.post(path + "/registration", ""));
        ok(clerk.post(path + "/screening", "{\"mode\":\"ACTION\"}"));
        ok(clerk.post(path + "/proposal", "{\"proposal\":\"拟请城管办核查\",\"leader\":\"leader-he\"}"));
        JsonNode instructed = ok(leader(TOWN, "leader-he").post(path + "/instruction", "{\"instruction\":\"请核查处理\",\"leadDepartment\":\"城管办\"}"));
        assertThat(instructed.get("deadline").asString()).isEqualTo(deadline);
        ok(handler(TOWN, "城管办").post(path + "/acceptance", ""));
        ok(handler(TOWN, "城管办").post(path + "/completion", "{\"result\":\"已责令商户整改，噪音已消除\"}"));
        assertThat(json.readTree(clerk.post(path + "/archiving", "").body()).get("rule").asString()).isEqualTo("result-not-reported");
        JsonNode reported = ok(clerk.post(path + "/result-report", ""));
        assertThat(reported.get("resultReportedTo").asString()).isEqualTo("顺德区人民政府办公室");
        ok(clerk.post(path + "/archiving", ""));
    }

    @Test
    void bad_input_names_the_field_and_writes_nothing() {
        Api clerk = clerk(TOWN);
        long before = count("incoming_document");
        assertProblem(clerk.post(BASE, receiveBody("DOCUMENT", "PAPER", "NORMAL", "x", 1, "").replace("\"sender\":\"顺德区人民政府办公室\",", "")),
                400, "sender");
        assertProblem(clerk.post(BASE, receiveBody("DOCUMENT", "PIGEON", "NORMAL", "x", 1, "")), 400, "channel");
        assertProblem(clerk.post(BASE, receiveBody("DOCUMENT", "PAPER", "NORMAL", "x", 0, "")), 400, "copies");
        assertProblem(clerk.post(BASE, receiveBody("DOCUMENT", "CONFIDENTIAL_EXCHANGE", "NORMAL", "x", 1, "")
                .replace("\"NOTICE\"", "\"NOTICE\",\"secrecyLevel\":\"SECRET\"")), 400, "elements.copyNumber");
        assertThat(count("incoming_document")).isEqualTo(before);
        String id = ok(clerk.post(BASE, receiveBody("DOCUMENT", "PAPER", "NORMAL", "x", 1, "")), 201).get("id").asString();
        ok(clerk.post(BASE + "/" + id + "/registration", ""));
        assertProblem(clerk.post(BASE + "/" + id + "/screening", "{\"mode\":\"READ\"}"), 400, "readers");
        assertProblem(clerk.post(BASE + "/" + id + "/return", "{}"), 400, "reason");
        assertThat(ok(clerk.get(BASE + "/" + id)).get("status").asString()).isEqualTo("REGISTERED");
    }

    @Test
    void illegal_moves_are_409_and_wrong_people_are_403_or_never_see_it() {
        Api clerk = clerk(TOWN);
        String id = ok(clerk.post(BASE, receiveBody("DOCUMENT", "PAPER", "NORMAL", "越权测试", 1, "")), 201).get("id").asString();
        String path = BASE + "/" + id;
        Api.Response early = clerk.post(path + "/proposal", "{\"proposal\":\"x\",\"leader\":\"leader-he\"}");
        assertProblem(early, 409, null);
        assertThat(json.readTree(early.body()).get("currentStatus").asString()).isEqualTo("RECEIVED");

        ok(clerk.post(path + "/registration", ""));
        assertProblem(clerk.post(path + "/registration", ""), 409, null);
        ok(clerk.post(path + "/screening", "{\"mode\":\"ACTION\"}"));
        ok(clerk.post(path + "/proposal", "{\"proposal\":\"x\",\"leader\":\"leader-he\"}"));
        assertProblem(leader(TOWN, "leader-other").post(path + "/instruction", "{\"instruction\":\"x\",\"leadDepartment\":\"城管办\"}"), 403, null);
        assertProblem(clerk.post(path + "/instruction", "{\"instruction\":\"x\",\"leadDepartment\":\"城管办\"}"), 403, null);
        ok(leader(TOWN, "leader-he").post(path + "/instruction", "{\"instruction\":\"x\",\"leadDepartment\":\"城管办\"}"));
        assertProblem(handler(TOWN, "财政办").post(path + "/acceptance", ""), 404, null);
        assertProblem(handler("440606105", "城管办").get(path), 404, null);
        assertProblem(clerk("440606105").get(path), 404, null);
        assertThat(anonymous().get(path).status()).isEqualTo(401);
        Api.Response done = handler(TOWN, "城管办").post(path + "/completion", "{\"result\":\"x\"}");
        assertThat(json.readTree(done.body()).get("currentStatus").asString()).isEqualTo("INSTRUCTED");
    }

    @Test
    void a_department_lists_only_what_was_handed_to_it_and_the_office_lists_the_town() {
        Api clerk = clerk("440606102");
        Set<String> mine = new HashSet<>();
        String other = null;
        for (String dept : new String[] {"城管办", "财政办"}) {
            String id = ok(clerk.post(BASE, receiveBody("DOCUMENT", "PAPER", "NORMAL", "分办 " + dept, 1, "")), 201).get("id").asString();
            ok(clerk.post(BASE + "/" + id + "/registration", ""));
            ok(clerk.post(BASE + "/" + id + "/screening", "{\"mode\":\"ACTION\"}"));
            ok(clerk.post(BASE + "/" + id + "/proposal", "{\"proposal\":\"x\",\"leader\":\"l\"}"));
            ok(leader("440606102", "l").post(BASE + "/" + id + "/instruction", "{\"instruction\":\"x\",\"leadDepartment\":\"" + dept + "\"}"));
            if (dept.equals("城管办")) {
                mine.add(id);
            } else {
                other = id;
            }
        }
        Set<String> listed = new HashSet<>();
        JsonNode page = ok(handler("440606102", "城管办").get(BASE));
        page.get("items").forEach(i -> listed.add(i.get("id").asString()));
        assertThat(listed).containsAll(mine).doesNotContain(other);
        assertThat(page.get("total").asLong()).isEqualTo(listed.size());
        assertThat(ok(clerk.get(BASE + "?status=INSTRUCTED")).get("total").asLong()).isGreaterThanOrEqualTo(2);
    }
}
