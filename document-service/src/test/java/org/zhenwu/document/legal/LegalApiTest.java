package org.zhenwu.document.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhenwu.contracts.document.v1.LegalCaseClosed;
import org.zhenwu.contracts.document.v1.LegalOpinionIssued;
import org.zhenwu.contracts.document.v1.LegalityReviewConcluded;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** 法制 over real HTTP and MariaDB: legality reviews, legal opinions, cases, their imports and figures. */
class LegalApiTest extends ApiTestSupport {
    static final String TOWN = "440606004";
    static final String BASE = "/api/documents/legal";

    @Autowired
    LegalFigures figures;

    @Test
    void a_department_submits_a_normative_draft_and_a_legal_reviewer_concludes_it() {
        String dept = "经济发展办" + unique();
        Api drafter = handler(TOWN, dept);
        Api counsel = handler(TOWN, "司法所");
        assertProblem(drafter.post(BASE + "/reviews", """
                {"documentTitle":"专项资金管理办法","draftingUnit":"%s","outgoingDocumentId":"%s"}"""
                .formatted(dept, UUID.randomUUID())), 400, "outgoingDocumentId");
        assertProblem(drafter.post(BASE + "/reviews", "{\"documentTitle\":\"x\",\"draftingUnit\":\"别的办\"}"), 403, null);
        JsonNode r = ok(drafter.post(BASE + "/reviews", """
                {"documentTitle":"乐从镇鼓励企业开拓市场专项资金管理办法","draftingUnit":"%s","note":"请审核"}"""
                .formatted(dept)), 201);
        String id = r.get("id").asString();
        String path = BASE + "/reviews/" + id;
        assertThat(r.get("status").asString()).isEqualTo("SUBMITTED");

        assertProblem(drafter.post(path + "/acceptance", ""), 403, null);
        assertProblem(counsel.post(path + "/conclusion", "{\"outcome\":\"LEGAL\",\"opinion\":\"合法\"}"), 409, null);
        ok(counsel.post(path + "/acceptance", ""));
        assertProblem(handler(TOWN, "法律顾问室").post(path + "/conclusion", "{\"outcome\":\"LEGAL\",\"opinion\":\"合法\"}"),
                403, null);
        assertProblem(counsel.post(path + "/conclusion", "{\"outcome\":\"MAYBE\",\"opinion\":\"x\"}"), 400, "outcome");
        JsonNode done = ok(counsel.post(path + "/conclusion",
                "{\"outcome\":\"LEGAL_WITH_CHANGES\",\"opinion\":\"第五条补贴上限应与上位法一致\"}"));
        assertThat(done.get("status").asString()).isEqualTo("CONCLUDED");
        assertProblem(counsel.post(path + "/conclusion", "{\"outcome\":\"LEGAL\",\"opinion\":\"x\"}"), 409, null);

        JsonNode full = ok(drafter.get(path));
        assertThat(full.get("reviewer").asString()).isEqualTo("handler-司法所-" + TOWN);
        assertThat(full.get("trail")).hasSize(3);
        assertProblem(handler(TOWN, "城管办").get(path), 404, null);
        assertProblem(clerk("440606003").get(path), 404, null);
        assertThat(ids(ok(drafter.get(BASE + "/reviews?size=200")))).contains(id);
        assertThat(ids(ok(handler(TOWN, "城管办").get(BASE + "/reviews?size=200")))).doesNotContain(id);

        LegalityReviewConcluded e = event(id, LegalityReviewConcluded.TYPE, LegalityReviewConcluded.class);
        assertThat(e.outcome()).isEqualTo(LegalityReviewConcluded.LEGAL_WITH_CHANGES);
        assertThat(e.draftingUnit()).isEqualTo(dept);
    }

    @Test
    void legal_opinions_are_numbered_gap_free_when_issued() {
        Api clerk = clerk(TOWN);
        String first = ok(clerk.post(BASE + "/opinions", """
                {"subjectArea":"LAND_ACQUISITION","question":"集体土地征收补偿方案是否合法?","counsel":"何律师"}"""), 201)
                .get("id").asString();
        String abandoned = ok(clerk.post(BASE + "/opinions", """
                {"subjectArea":"OTHER","question":"x","counsel":"何律师"}"""), 201).get("id").asString();
        String second = ok(clerk.post(BASE + "/opinions", """
                {"subjectArea":"LABOUR","question":"临聘人员劳动合同到期不续签的风险","opinion":"应提前三十日书面通知","counsel":"李律师"}"""),
                201).get("id").asString();
        assertProblem(clerk.post(BASE + "/opinions/" + first + "/issuance", "{}"), 400, "opinion");
        assertProblem(clerk.post(BASE + "/opinions/" + first + "/issuance",
                "{\"opinion\":\"x\",\"issuedOn\":\"" + today().plusDays(1) + "\"}"), 400, "issuedOn");
        JsonNode a = ok(clerk.post(BASE + "/opinions/" + first + "/issuance", "{\"opinion\":\"方案符合法定程序\"}"));
        JsonNode b = ok(clerk.post(BASE + "/opinions/" + second + "/issuance", ""));
        int n = sequence(a.get("number").asString());
        assertThat(b.get("number").asString()).isEqualTo("法律意见书〔" + today().getYear() + "〕" + (n + 1) + "号");
        assertProblem(clerk.post(BASE + "/opinions/" + first + "/issuance", "{\"opinion\":\"again\"}"), 409, null);
        assertThat(ok(clerk.get(BASE + "/opinions/" + abandoned)).get("number").isNull()).isTrue();

        LegalOpinionIssued e = event(first, LegalOpinionIssued.TYPE, LegalOpinionIssued.class);
        assertThat(e.number()).isEqualTo(a.get("number").asString());
        assertThat(e.subjectArea()).isEqualTo("LAND_ACQUISITION");
        assertProblem(handler(TOWN, "城管办").get(BASE + "/opinions"), 403, null);
        assertProblem(handler(TOWN, "城管办").post(BASE + "/opinions",
                "{\"subjectArea\":\"OTHER\",\"question\":\"x\",\"counsel\":\"y\"}"), 403, null);
        assertProblem(clerk("440606003").get(BASE + "/opinions/" + first), 404, null);
        assertProblem(clerk.post(BASE + "/opinions", "{\"subjectArea\":\"OTHER\",\"question\":\"\",\"counsel\":\"y\"}"),
                400, "question");
        assertThat(ids(ok(handler(TOWN, "司法所").get(BASE + "/opinions?subjectArea=LABOUR&size=200")))).contains(second)
                .doesNotContain(first);
    }

    @Test
    void a_case_goes_through_hearings_judgment_and_appeal_to_its_outcome() {
        Api clerk = clerk(TOWN);
        String number = "（2019）粤0606行初" + unique() + "号";
        String caseBody = """
                {"caseNumber":"%s","court":"佛山市顺德区人民法院","kind":"ADMINISTRATIVE_LITIGATION","ourRole":"DEFENDANT",
                 "counterparty":"陈某某","counsel":"何律师","cause":"房屋征收补偿决定","registeredOn":"%s"}"""
                .formatted(number, today().minusDays(60));
        String id = ok(clerk.post(BASE + "/cases", caseBody), 201).get("id").asString();
        String path = BASE + "/cases/" + id;
        assertProblem(clerk.post(BASE + "/cases", caseBody), 400, "caseNumber");
        assertProblem(clerk.post(path + "/closure", "{\"outcome\":\"WON\"}"), 400, "outcome");
        assertProblem(clerk.post(path + "/judgment", "{\"summary\":\"x\"}"), 409, null);

        ok(clerk.post(path + "/hearings", "{\"heldOn\":\"" + today().minusDays(30) + "\",\"description\":\"一审开庭\"}"),
                201);
        ok(clerk.post(path + "/judgment", "{\"judgedOn\":\"" + today().minusDays(20) + "\",\"summary\":\"驳回诉讼请求\"}"));
        ok(clerk.post(path + "/appeal", "{\"appealedOn\":\"" + today().minusDays(10) + "\",\"note\":\"原告上诉\"}"));
        JsonNode second = ok(clerk.post(path + "/hearings",
                "{\"heldOn\":\"" + today().minusDays(5) + "\",\"description\":\"二审开庭\"}"), 201);
        assertThat(second.get("status").asString()).isEqualTo("IN_PROGRESS");
        ok(clerk.post(path + "/judgment", "{\"summary\":\"驳回上诉，维持原判\"}"));
        JsonNode closed = ok(clerk.post(path + "/closure", "{\"outcome\":\"WON\"}"));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertProblem(clerk.post(path + "/appeal", "{}"), 409, null);

        JsonNode full = ok(handler(TOWN, "司法所").get(path));
        assertThat(full.get("hearings")).hasSize(2);
        assertThat(full.get("appeals").asInt()).isEqualTo(1);
        LegalCaseClosed e = event(id, LegalCaseClosed.TYPE, LegalCaseClosed.class);
        assertThat(e.outcome()).isEqualTo("WON");
        assertThat(e.caseNumber()).isEqualTo(number);
        assertProblem(clerk.post(BASE + "/cases", caseBody.replace("ADMINISTRATIVE_LITIGATION", "BAR_BRAWL")), 400,
                "kind");
        assertProblem(clerk("440606003").post(path + "/hearings", "{\"heldOn\":\"" + today()
                + "\",\"description\":\"x\"}"), 404, null);
        assertProblem(handler(TOWN, "城管办").get(path), 403, null);
    }

    @Test
    void imported_opinions_and_cases_count_in_the_figures_and_the_stats_agree_with_them() {
        Api clerk = clerk(TOWN);
        JsonNode before = ok(clerk.get(BASE + "/stats?year=2019"));
        String src = unique();
        String opinions = """
                sourceId,subjectArea,question,opinion,counsel,issuedOn
                %1$s-1,LAND_ACQUISITION,征地补偿款发放程序,程序合法,何律师,2019-03-05
                %1$s-2,PETITION,信访事项答复口径,建议依法答复,何律师,2019-03-20
                %1$s-3,CONTRACT,合同解除的法律风险,可依约解除,李律师,2019-11-02
                """.formatted(src);
        String cases = """
                sourceId,caseNumber,court,kind,ourRole,counterparty,counsel,registeredOn,status,judgedOn,judgment,\
                outcome,closedOn
                %1$s-1,（2019）粤0606民初%1$s1号,顺德区人民法院,CIVIL_LITIGATION,DEFENDANT,某公司,何律师,2019-02-11,CLOSED,2019-05-10,\
                驳回,WON,2019-06-01
                %1$s-2,顺劳人仲案字〔2019〕%1$s号,顺德区劳动人事争议仲裁委员会,ARBITRATION,RESPONDENT,张某,何律师,2019-02-25,CLOSED,,,SETTLED,\
                2019-04-01
                %1$s-3,（2019）粤0606行初%1$s3号,顺德区人民法院,ADMINISTRATIVE_LITIGATION,DEFENDANT,李某,何律师,2019-09-09,IN_PROGRESS,,,,
                """.formatted(src);
        JsonNode imported = ok(csv(clerk, BASE + "/opinions/imports", opinions), 201);
        assertThat(imported.get("imported").asInt()).isEqualTo(3);
        assertThat(ok(csv(clerk, BASE + "/opinions/imports", opinions), 201).get("skipped").asInt()).isEqualTo(3);
        assertThat(ok(csv(clerk, BASE + "/cases/imports", cases), 201).get("imported").asInt()).isEqualTo(3);

        JsonNode after = ok(clerk.get(BASE + "/stats?year=2019"));
        assertThat(delta(before, after, "legal.opinions")).isEqualTo(3);
        assertThat(delta(before, after, "legal.cases")).isEqualTo(3);
        assertThat(after.get("monthly").get("legal.opinions").get(2).asLong()
                - before.get("monthly").get("legal.opinions").get(2).asLong()).as("March").isEqualTo(2);
        assertThat(after.get("opinionsBySubject").get("PETITION").asLong()).isPositive();
        assertThat(after.get("casesByOutcome").get("SETTLED").asLong()).isPositive();
        assertThat(after.get("contractsByRisk").has("NO_REVIEW")).isTrue();

        Map<String, long[]> monthly = figures.monthly(List.of(TOWN), 2019);
        assertThat(monthly.keySet()).containsExactlyInAnyOrder("legal.opinions", "legal.cases", "legal.reviews",
                "contracts.reviewed", "contracts.signed");
        monthly.forEach((key, months) -> {
            assertThat(months).hasSize(12);
            assertThat(after.get("totals").get(key).asLong()).as(key).isEqualTo(java.util.Arrays.stream(months).sum());
        });
        JsonNode opinionsOf2019 = ok(clerk.get(BASE + "/opinions?status=ISSUED&size=200"));
        assertThat(opinionsOf2019.toString()).contains("法律意见书〔2019〕");

        assertProblem(handler(TOWN, "城管办").get(BASE + "/stats?year=2019"), 403, null);
        assertProblem(clerk.get(BASE + "/stats?year=1800"), 400, "year");
        assertProblem(clerk.get(BASE + "/stats?town=440606003"), 403, null);
        assertThat(ok(district().get(BASE + "/stats?town=" + TOWN + "&year=2019")).get("totals"))
                .isEqualTo(after.get("totals"));
    }

    @Test
    void a_bad_case_import_is_refused_whole_and_names_each_problem() {
        Api clerk = clerk(TOWN);
        String src = unique();
        String cases = """
                sourceId,caseNumber,court,kind,ourRole,counterparty,counsel,registeredOn,status,outcome,closedOn
                %1$s-1,号%1$s,法院,CIVIL_LITIGATION,DEFENDANT,某,何律师,2019-01-01,CLOSED,SETTLED,2019-02-01
                %1$s-2,号%1$s,法院,CIVIL_LITIGATION,DEFENDANT,某,何律师,2019-01-01,CLOSED,WON,2019-02-01
                %1$s-3,,法院,CIVIL_LITIGATION,CHAIRMAN,某,何律师,2999-01-01,CLOSED,,
                """.formatted(src);
        Api.Response r = csv(clerk, BASE + "/cases/imports", cases);
        assertProblem(r, 400, "line 3: outcome");
        assertThat(r.body()).contains("line 4: caseNumber").contains("line 4: ourRole").contains("line 4: registeredOn")
                .contains("line 4: closedOn");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM legal_case WHERE source_id LIKE ?").param(src + "%")
                .query(Long.class).single()).isZero();
        String duplicate = """
                sourceId,caseNumber,court,kind,ourRole,counterparty,counsel,registeredOn,status,outcome,closedOn
                %1$s-1,号%1$s,法院,CIVIL_LITIGATION,DEFENDANT,某,何律师,2019-01-01,CLOSED,SETTLED,2019-02-01
                %1$s-2,号%1$s,法院,CIVIL_LITIGATION,DEFENDANT,某,何律师,2019-01-01,CLOSED,SETTLED,2019-02-01
                """.formatted(src);
        assertProblem(csv(clerk, BASE + "/cases/imports", duplicate), 400, "line 3: caseNumber");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM legal_case WHERE source_id LIKE ?").param(src + "%")
                .query(Long.class).single()).isZero();
    }

    private Api.Response csv(Api api, String path, String body) {
        return api.send(api.request(path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static long delta(JsonNode before, JsonNode after, String key) {
        return after.get("totals").get(key).asLong() - before.get("totals").get(key).asLong();
    }

    private <T> T event(String key, String type, Class<T> as) {
        String payload = jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(key, type).query(String.class).single();
        return json.readValue(payload, as);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private static int sequence(String number) {
        return Integer.parseInt(number.substring(number.indexOf('〕') + 1, number.length() - 1));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
