package org.zhenwu.document.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhenwu.contracts.document.v1.ContractClosed;
import org.zhenwu.contracts.document.v1.ContractExpiring;
import org.zhenwu.contracts.document.v1.ContractReviewed;
import org.zhenwu.contracts.document.v1.ContractSigned;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** 合同管理 over real HTTP, MariaDB and Kafka: register, review, sign, perform; risks, imports, the expiry job. */
class ContractApiTest extends ApiTestSupport {
    static final String TOWN = "440606102";
    static final String BASE = "/api/documents/contracts";
    static final String CODE = "91440606MA4UQ12342";

    @Autowired
    ContractService contracts;

    @Test
    void a_new_user_registers_a_contract_a_legal_reviewer_reviews_it_and_it_is_signed_and_performed() {
        String dept = "经发办" + unique();
        Api drafter = handler(TOWN, dept);
        Api counsel = handler(TOWN, "司法所");
        LocalDate today = today();
        JsonNode created = ok(drafter.post(BASE, body("镇工业园保洁服务合同", dept, "SERVICE", "360000.00", today,
                today.plusYears(1))), 201);
        String id = created.get("id").asString();
        String path = BASE + "/" + id;
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.get("registerNumber").asString()).matches("合同〔" + today.getYear() + "〕\\d+号");
        assertThat(created.get("risks")).isEmpty();

        ok(drafter.post(path + "/review-request", "{\"note\":\"请予法制审核\"}"));
        assertProblem(drafter.post(path + "/review", "{\"outcome\":\"APPROVED\",\"opinion\":\"同意\"}"), 403, null);
        JsonNode reviewed = ok(counsel.post(path + "/review",
                "{\"outcome\":\"APPROVED_WITH_CHANGES\",\"opinion\":\"第八条违约金比例调整为5%后可签订\"}"));
        assertThat(reviewed.get("status").asString()).isEqualTo("REVIEWED");

        JsonNode signed = ok(drafter.post(path + "/signing", "{\"date\":\"" + today + "\"}"));
        assertThat(signed.get("status").asString()).isEqualTo("SIGNED");
        ok(drafter.send(drafter.request(path + "/files?fileName=signed-scan.pdf")
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {37, 80, 68, 70}))), 201);
        ok(drafter.post(path + "/performance", ""));
        JsonNode withMilestone = ok(drafter.post(path + "/milestones",
                "{\"dueDate\":\"" + today.plusMonths(3) + "\",\"description\":\"第一季度服务费\",\"amount\":90000}"), 201);
        assertThat(withMilestone.get("status").asString()).isEqualTo("IN_PERFORMANCE");
        JsonNode full = ok(drafter.get(path));
        String milestone = full.get("milestones").get(0).get("id").asString();
        JsonNode done = ok(drafter.post(path + "/milestones/" + milestone + "/completion", "{\"note\":\"已支付\"}"));
        assertThat(done.get("risks")).isEmpty();

        full = ok(drafter.get(path));
        assertThat(full.get("milestones").get(0).get("doneOn").asString()).isEqualTo(today.toString());
        assertThat(full.get("files")).hasSize(1);
        assertThat(full.get("reviews")).hasSize(1);
        assertThat(full.get("reviews").get(0).get("reviewer").asString()).isEqualTo("handler-司法所-" + TOWN);
        assertThat(ok(counsel.get(path)).get("id").asString()).as("legal reviewers see every contract").isEqualTo(id);
        assertProblem(handler(TOWN, "城管办").get(path), 404, null);

        ContractReviewed review = event(id, ContractReviewed.TYPE, ContractReviewed.class);
        assertThat(review.outcome()).isEqualTo(ContractReviewed.APPROVED_WITH_CHANGES);
        assertThat(review.round()).isEqualTo(1);
        ContractSigned sign = event(id, ContractSigned.TYPE, ContractSigned.class);
        assertThat(sign.amountFen()).isEqualTo(36_000_000L);
        assertThat(sign.counterpartyCreditCode()).isEqualTo(CODE);
        assertThat(sign.signingUnit()).isEqualTo(dept);
        assertThat(sign.signedOn()).isEqualTo(today);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT published_at IS NOT NULL FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(id, ContractSigned.TYPE).query(Boolean.class).single());

        ok(drafter.post(path + "/completion", "{}"));
        assertThat(event(id, ContractClosed.TYPE, ContractClosed.class).outcome()).isEqualTo(ContractClosed.COMPLETED);
    }

    @Test
    void a_rejected_review_sends_the_contract_back_for_revision_and_keeps_the_round() {
        String dept = "规划建设办" + unique();
        Api drafter = handler(TOWN, dept);
        Api counsel = handler(TOWN, "法律顾问室");
        String id = ok(drafter.post(BASE, body("河滨路路灯改造工程施工合同", dept, "CONSTRUCTION", "1286500.50", today(),
                today().plusMonths(8))), 201).get("id").asString();
        String path = BASE + "/" + id;
        Api.Response early = drafter.post(path + "/signing", "{}");
        assertProblem(early, 409, null);
        assertThat(json.readTree(early.body()).get("currentStatus").asString()).isEqualTo("DRAFT");

        ok(drafter.post(path + "/review-request", ""));
        assertProblem(drafter.put(path, body("x", dept, "CONSTRUCTION", "1", today(), today())), 409, null);
        JsonNode back = ok(counsel.post(path + "/review", "{\"outcome\":\"REJECTED\",\"opinion\":\"缺少质保条款\"}"));
        assertThat(back.get("status").asString()).isEqualTo("DRAFT");
        assertProblem(drafter.post(path + "/signing", "{}"), 409, null);
        ok(drafter.put(path, body("河滨路路灯改造工程施工合同(修订)", dept, "CONSTRUCTION", "1286500.50", today(),
                today().plusMonths(8))));
        ok(drafter.post(path + "/review-request", ""));
        ok(counsel.post(path + "/review", "{\"outcome\":\"APPROVED\",\"opinion\":\"同意\"}"));
        JsonNode full = ok(drafter.get(path));
        assertThat(full.get("title").asString()).endsWith("(修订)");
        assertThat(full.get("reviews")).hasSize(2);
        assertThat(full.get("reviews").get(0).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(full.get("reviews").get(1).get("outcome").asString()).isEqualTo("APPROVED");
        assertThat(outbox(id, ContractReviewed.TYPE)).isEqualTo(2);
        assertProblem(counsel.post(path + "/review", "{\"outcome\":\"APPROVED\",\"opinion\":\"同意\"}"), 409, null);
    }

    @Test
    void a_legal_reviewer_does_not_review_a_contract_they_drafted() {
        Api counsel = handler(TOWN, "司法所");
        String id = ok(counsel.post(BASE, body("法律顾问服务合同", "司法所", "SERVICE", "50000", today(),
                today().plusYears(1))), 201).get("id").asString();
        ok(counsel.post(BASE + "/" + id + "/review-request", ""));
        assertProblem(counsel.post(BASE + "/" + id + "/review", "{\"outcome\":\"APPROVED\",\"opinion\":\"同意\"}"), 403,
                null);
        assertThat(ok(clerk(TOWN).get(BASE + "/" + id)).get("status").asString()).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void an_imported_unreviewed_contract_carries_risk_flags_and_is_found_by_them() {
        String src = unique();
        String csv = """
                sourceId,title,type,counterpartyName,counterpartyCreditCode,amount,termStart,termEnd,signingUnit,\
                status,signedOn,reviewOutcome,reviewer,reviewedOn,closedOn,terminationReason
                %1$s-1,2018年镇政府大院物业服务合同,SERVICE,某物业公司,%2$s,"180,000.00",2018-01-01,2018-12-31,党政办,IN_PERFORMANCE,\
                2017-12-20,,,,,
                %1$s-2,2019年办公用品采购合同,PROCUREMENT,某文具店,,8600.5,2019-01-01,%3$s,党政办,SIGNED,2018-12-28,APPROVED,何律师,\
                2018-12-25,,
                %1$s-3,2018年车辆租赁合同,LEASE,某汽车租赁公司,,48000,2018-01-01,2018-12-31,党政办,TERMINATED,2017-12-28,APPROVED,\
                何律师,2017-12-26,2018-06-30,对方车辆不符合要求
                """.formatted(src, CODE, today().plusDays(10));
        Api clerk = clerk(TOWN);
        JsonNode result = ok(clerk.send(clerk.request(BASE + "/imports").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv))), 201);
        assertThat(result.get("imported").asInt()).isEqualTo(3);
        JsonNode again = ok(clerk.send(clerk.request(BASE + "/imports").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv))), 201);
        assertThat(again.get("skipped").asInt()).isEqualTo(3);

        JsonNode noReview = ok(clerk.get(BASE + "?risk=NO_REVIEW&size=200"));
        JsonNode unreviewed = find(noReview, src + "-1");
        assertThat(unreviewed).as("the unreviewed one is found by NO_REVIEW").isNotNull();
        assertThat(strings(unreviewed.get("risks"))).containsExactlyInAnyOrder("NO_REVIEW", "EXPIRED");
        assertThat(unreviewed.get("imported").asBoolean()).isTrue();
        assertThat(find(noReview, src + "-2")).as("a reviewed one is not").isNull();
        JsonNode expiring = find(ok(clerk.get(BASE + "?risk=EXPIRING&size=200")), src + "-2");
        assertThat(strings(expiring.get("risks"))).containsExactly("EXPIRING");
        JsonNode terminated = find(ok(clerk.get(BASE + "?status=TERMINATED&size=200")), src + "-3");
        assertThat(terminated.get("risks")).as("a terminated contract carries no risk").isEmpty();
        assertThat(terminated.get("terminationReason").asString()).isEqualTo("对方车辆不符合要求");
        assertThat(terminated.get("registerNumber").asString()).startsWith("合同〔2017〕");
        assertThat(strings(ok(clerk.get(BASE + "/" + unreviewed.get("id").asString())).get("risks")))
                .containsExactlyInAnyOrder("NO_REVIEW", "EXPIRED");
        assertThat(find(ok(clerk("440606101").get(BASE + "?risk=NO_REVIEW&size=200")), src + "-1"))
                .as("another town's clerk").isNull();
    }

    @Test
    void a_bad_import_file_is_refused_whole_with_every_row_and_field_named() {
        String src = unique();
        String csv = """
                sourceId,title,type,counterpartyName,counterpartyCreditCode,amount,termStart,termEnd,signingUnit,\
                status,signedOn
                %1$s-1,好合同,SERVICE,某公司,,100,2019-01-01,2019-12-31,党政办,SIGNED,2019-01-01
                %1$s-2,坏合同,SERVICE,某公司,91440606MA4UQ12343,-5,2019-01-01,2018-12-31,党政办,DRAFT,2019-01-01
                """.formatted(src);
        Api clerk = clerk(TOWN);
        Api.Response r = clerk.send(clerk.request(BASE + "/imports").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
        assertProblem(r, 400, "line 3: status");
        assertThat(r.body()).contains("line 3: counterpartyCreditCode").contains("line 3: amount");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contract WHERE source_id LIKE ?").param(src + "%").query(Long.class)
                .single()).isZero();
        assertProblem(handler(TOWN, "党政办").send(handler(TOWN, "党政办").request(BASE + "/imports")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv))), 403, null);
    }

    @Test
    void bad_input_wrong_roles_and_other_towns_are_refused_and_nothing_is_written() {
        String dept = "财政办" + unique();
        Api drafter = handler(TOWN, dept);
        String title = "坏合同" + unique();
        assertProblem(drafter.post(BASE, body(title, dept, "SERVICE", "100", today(), today()).replace(CODE,
                "91440606MA4UQ12343")), 400, "counterpartyCreditCode");
        assertProblem(drafter.post(BASE, body(title, dept, "SERVICE", "100", today(), today().minusDays(1))), 400,
                "termEnd");
        assertProblem(drafter.post(BASE, body(title, dept, "SERVICE", "-1", today(), today())), 400, "amount");
        assertProblem(drafter.post(BASE, body(title, dept, "SERVICE", "1.005", today(), today())), 400, "amount");
        assertProblem(drafter.post(BASE, body(title, dept, "SERVICE", "100000000000000", today(), today())), 400,
                "amount");
        assertProblem(drafter.post(BASE, body(title, dept, "NOT_A_TYPE", "1", today(), today())), 400, "type");
        assertProblem(drafter.post(BASE, body("", dept, "SERVICE", "1", today(), today())), 400, "title");
        assertProblem(drafter.post(BASE, body(title, "别的部门", "SERVICE", "1", today(), today())), 403, null);
        assertProblem(as("hall", TOWN, "大厅", "NONE", "HALL_CLERK").post(BASE,
                body(title, dept, "SERVICE", "1", today(), today())), 403, null);
        assertProblem(as("hall", TOWN, "大厅", "NONE", "HALL_CLERK").get(BASE), 403, null);
        assertThat(anonymous().get(BASE).status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contract WHERE title = ?").param(title).query(Long.class).single())
                .isZero();

        String id = ok(drafter.post(BASE, body(title, dept, "SERVICE", "100", today(), today().plusYears(1))), 201)
                .get("id").asString();
        assertProblem(clerk("440606101").get(BASE + "/" + id), 404, null);
        assertProblem(handler(TOWN, "其他办").post(BASE + "/" + id + "/review-request", ""), 404, null);
        assertProblem(drafter.post(BASE + "/" + id + "/termination", "{}"), 400, "reason");
        assertProblem(drafter.post(BASE + "/" + id + "/termination", "{\"reason\":\"不签了\"}"), 409, null);
        assertProblem(drafter.post(BASE + "/" + id + "/milestones", "{\"description\":\"x\"}"), 400, "dueDate");
        assertProblem(drafter.post(BASE + "/" + id + "/milestones",
                "{\"dueDate\":\"" + today() + "\",\"description\":\"x\",\"amount\":101}"), 400, "amount");
        assertThat(ok(district().get(BASE + "/" + id)).get("town").asString()).isEqualTo(TOWN);
    }

    @Test
    void the_expiry_job_announces_each_contract_once_even_when_instances_run_it_together() throws Exception {
        String dept = "社会事务办" + unique();
        Api drafter = handler(TOWN, dept);
        String id = signedContract(drafter, dept, today().plusDays(20));
        String far = signedContract(drafter, dept, today().plusDays(200));
        ok(drafter.post(BASE + "/" + id + "/performance", ""));
        ok(drafter.post(BASE + "/" + id + "/milestones",
                "{\"dueDate\":\"" + today().plusDays(5) + "\",\"description\":\"中期检查\"}"), 201);
        jdbc.sql("UPDATE contract_milestone SET due_date = ? WHERE contract_id = ?")
                .params(Date.valueOf(today().minusDays(2)), id).update();

        List<Callable<Integer>> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            instances.add(() -> contracts.announceExpiring(200));
        }
        var pool = Executors.newFixedThreadPool(3);
        try {
            for (var f : pool.invokeAll(instances)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        contracts.announceExpiring(200);

        assertThat(outbox(id, ContractExpiring.TYPE)).isEqualTo(1);
        assertThat(outbox(far, ContractExpiring.TYPE)).isZero();
        ContractExpiring e = event(id, ContractExpiring.TYPE, ContractExpiring.class);
        assertThat(e.daysLeft()).isEqualTo(20);
        assertThat(e.termEnd()).isEqualTo(today().plusDays(20));
        JsonNode c = ok(drafter.get(BASE + "/" + id));
        assertThat(strings(c.get("risks"))).containsExactlyInAnyOrder("EXPIRING", "MILESTONE_OVERDUE");
        assertThat(c.get("milestones").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(find(ok(drafter.get(BASE + "?risk=MILESTONE_OVERDUE&size=200")), null, id)).isNotNull();
        assertThat(find(ok(drafter.get(BASE + "?risk=MILESTONE_OVERDUE&size=200")), null, far)).isNull();
    }

    private String signedContract(Api drafter, String dept, LocalDate end) {
        String id = ok(drafter.post(BASE, body("保洁服务合同", dept, "SERVICE", "1000", today().minusMonths(1), end)), 201)
                .get("id").asString();
        ok(drafter.post(BASE + "/" + id + "/review-request", ""));
        ok(handler(TOWN, "司法所").post(BASE + "/" + id + "/review", "{\"outcome\":\"APPROVED\",\"opinion\":\"同意\"}"));
        ok(drafter.post(BASE + "/" + id + "/signing", "{}"));
        return id;
    }

    private static String body(String title, String unit, String type, String amount, LocalDate start, LocalDate end) {
        return """
                {"title":"%s","type":"%s","counterpartyName":"佛山市顺德区明辉照明工程有限公司",
                 "counterpartyCreditCode":"%s","amount":%s,"termStart":"%s","termEnd":"%s","signingUnit":"%s"}"""
                .formatted(title, type, CODE, amount, start, end, unit);
    }

    private <T> T event(String key, String type, Class<T> as) {
        String payload = jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?"
                        + " ORDER BY id DESC LIMIT 1").params(key, type).query(String.class).single();
        return json.readValue(payload, as);
    }

    private long outbox(String key, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE message_key = ? AND event_type = ?").params(key, type)
                .query(Long.class).single();
    }

    private static JsonNode find(JsonNode page, String sourceId) {
        return find(page, sourceId, null);
    }

    private static JsonNode find(JsonNode page, String sourceId, String id) {
        for (JsonNode c : page.get("items")) {
            if ((sourceId != null && sourceId.equals(c.path("sourceId").asString(null)))
                    || (id != null && id.equals(c.get("id").asString()))) {
                return c;
            }
        }
        return null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
