package org.zhenwu.document.preparedness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.document.emergency.EmergencyFigures;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** 应急准备 over real HTTP and MariaDB: plans and their reviews, drills, material totals, import, figures. */
class PreparednessApiTest extends ApiTestSupport {
    static final String TOWN = "440606102";
    static final String OTHER_TOWN = "440606003";
    static final String BASE = "/api/documents/preparedness";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    EmergencyFigures figures;

    @Test
    void a_plan_due_for_review_is_listed_reviewed_revised_with_history_and_retired() {
        Api clerk = clerk(TOWN);
        String unit = "龙潭村" + unique();
        JsonNode plan = ok(clerk.post(BASE + "/plans", """
                {"unit":"%s","type":"FLOOD_TYPHOON","title":"防汛防台风应急预案","planVersion":"v1",
                 "approvedOn":"%s","nextReviewOn":"%s"}""".formatted(unit, TODAY.minusYears(1), TODAY)), 201);
        String id = plan.get("id").asString();
        assertThat(plan.get("reviewDue").asBoolean()).isTrue();
        assertThat(ok(clerk.get(BASE + "/plans?reviewDue=true&size=200")).toString()).contains(id);
        assertThat(ok(clerk.get(BASE + "/plans?unit=" + enc(unit))).get("items")).hasSize(1);

        JsonNode reviewed = ok(clerk.post(BASE + "/plans/" + id + "/reviews", """
                {"reviewedOn":"%s","nextReviewOn":"%s","note":"评估: 无需修订"}""".formatted(TODAY, TODAY.plusYears(1))));
        assertThat(reviewed.get("reviewDue").asBoolean()).isFalse();
        assertThat(ok(clerk.get(BASE + "/plans?reviewDue=true&size=200")).toString()).doesNotContain(id);
        JsonNode revised = ok(clerk.post(BASE + "/plans/" + id + "/reviews", """
                {"reviewedOn":"%s","nextReviewOn":"%s","planVersion":"v2","note":"机构调整"}"""
                .formatted(TODAY, TODAY.plusYears(3))));
        assertThat(revised.get("planVersion").asString()).isEqualTo("v2");
        JsonNode history = ok(clerk.get(BASE + "/plans/" + id)).get("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("kind").asString()).isEqualTo("APPROVED");
        assertThat(history.get(1).get("kind").asString()).isEqualTo("REVIEWED");
        assertThat(history.get(2).get("kind").asString()).isEqualTo("REVISED");
        assertThat(history.get(1).get("planVersion").asString()).isEqualTo("v1");

        ok(clerk.post(BASE + "/plans/" + id + "/retirement", "{\"reason\":\"并入镇总体预案\"}"));
        Api.Response late = clerk.post(BASE + "/plans/" + id + "/reviews", """
                {"reviewedOn":"%s","nextReviewOn":"%s"}""".formatted(TODAY, TODAY.plusYears(1)));
        assertProblem(late, 409, null);
        assertProblem(clerk.post(BASE + "/plans/" + id + "/retirement", "{\"reason\":\"x\"}"), 409, null);
        assertProblem(clerk(OTHER_TOWN).get(BASE + "/plans/" + id), 404, null);
        assertThat(ok(district().get(BASE + "/plans/" + id)).get("town").asString()).isEqualTo(TOWN);
    }

    @Test
    void drills_and_material_count_in_the_figures_and_material_is_totalled_per_item_and_village() {
        Api clerk = clerk(TOWN);
        int year = TODAY.getYear();
        Map<String, Long> before = totals(clerk, year);
        String planId = plan(clerk);
        JsonNode drill = ok(clerk.post(BASE + "/drills", """
                {"planId":"%s","heldOn":"%s","place":"龙潭村文化广场","scenario":"台风来袭, 转移低洼地段群众",
                 "participants":120,"evaluation":"转移有序, 广播覆盖不足"}""".formatted(planId, TODAY)), 201);
        assertThat(drill.get("type").asString()).as("from the plan").isEqualTo("FLOOD_TYPHOON");
        ok(clerk.post(BASE + "/drills", """
                {"type":"FIRE","heldOn":"%s","place":"镇政府大楼","scenario":"办公楼火灾疏散","participants":80}"""
                .formatted(TODAY)), 201);
        assertThat(ok(clerk.get(BASE + "/drills?planId=" + planId)).get("items")).hasSize(1);

        String u = unique();
        String handbook = "应急手册" + u;
        String leaflet = "宣传资料" + u;
        distribute(clerk, handbook, 100, "龙潭村");
        distribute(clerk, handbook, 50, "逢简村");
        distribute(clerk, leaflet, 200, "龙潭村");
        JsonNode totals = ok(clerk.get(BASE + "/materials/totals?from=" + TODAY + "&to=" + TODAY));
        assertThat(quantity(totals.get("byItem"), "name", handbook)).isEqualTo(150);
        assertThat(quantity(totals.get("byItem"), "name", leaflet)).isEqualTo(200);
        long handbooksAtLongtan = 0;
        for (JsonNode c : totals.get("byItemAndRecipient")) {
            if (c.get("item").asString().equals(handbook) && c.get("recipient").asString().equals("龙潭村")) {
                handbooksAtLongtan = c.get("quantity").asLong();
            }
        }
        assertThat(handbooksAtLongtan).isEqualTo(100);
        assertThat(ok(clerk.get(BASE + "/materials?item=" + enc(handbook))).get("items")).hasSize(2);

        Map<String, Long> after = totals(clerk, year);
        assertThat(after.get(EmergencyFigures.DRILLS) - before.get(EmergencyFigures.DRILLS)).isEqualTo(2);
        assertThat(after.get(EmergencyFigures.MATERIALS) - before.get(EmergencyFigures.MATERIALS)).isEqualTo(350);
        assertThat(after.get(EmergencyFigures.PLANS_REVIEWED) - before.get(EmergencyFigures.PLANS_REVIEWED))
                .as("a first approval is not a review").isZero();
        ok(clerk.post(BASE + "/plans/" + planId + "/reviews", """
                {"reviewedOn":"%s","nextReviewOn":"%s"}""".formatted(TODAY, TODAY.plusYears(1))));
        long reviewed = totals(clerk, year).get(EmergencyFigures.PLANS_REVIEWED);
        assertThat(reviewed - before.get(EmergencyFigures.PLANS_REVIEWED)).isEqualTo(1);
        long[] drillMonths = figures.monthly(List.of(TOWN), year).get(EmergencyFigures.DRILLS);
        assertThat(drillMonths[TODAY.getMonthValue() - 1]).isGreaterThanOrEqualTo(2);
        JsonNode stats = ok(clerk.get("/api/documents/emergency/stats?year=" + year));
        assertThat(stats.get("materialsByItem").get(handbook).asLong()).isEqualTo(150);
        assertThat(stats.get("drillParticipants").asLong()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void past_drills_are_imported_once_and_a_bad_file_is_refused_whole() {
        Api clerk = clerk(TOWN);
        String u = unique();
        String planId = plan(clerk);
        Map<String, Long> before = totals(clerk, 2019);
        String csv = """
                sourceId,heldOn,type,planId,place,scenario,participants,evaluation
                %1$s-1,2019-05-12,,%2$s,龙潭村,防汛转移演练,150,良好
                %1$s-2,2019-11-09,FIRE,,镇中心小学,校园消防疏散,600,
                """.formatted(u, planId);
        JsonNode result = ok(importCsv(clerk, csv), 201);
        assertThat(result.get("imported").asInt()).isEqualTo(2);
        assertThat(totals(clerk, 2019).get(EmergencyFigures.DRILLS) - before.get(EmergencyFigures.DRILLS)).isEqualTo(2);
        JsonNode drills = ok(clerk.get(BASE + "/drills?planId=" + planId));
        assertThat(drills.get("items").get(0).get("type").asString()).isEqualTo("FLOOD_TYPHOON");
        assertThat(drills.get("items").get(0).get("sourceId").asString()).isEqualTo(u + "-1");
        JsonNode again = ok(importCsv(clerk, csv), 201);
        assertThat(again.get("skipped").asInt()).isEqualTo(2);

        String bad = """
                sourceId,heldOn,type,planId,place,scenario,participants
                %1$s-3,2019-05-12,,,龙潭村,防汛转移演练,150
                %1$s-4,2019-05-12,FIRE,,龙潭村,消防演练,0
                %1$s-5,2019-05-12,FIRE,,龙潭村,消防演练,20
                """.formatted(u);
        Api.Response r = importCsv(clerk, bad);
        assertProblem(r, 400, "line 2: type");
        assertThat(r.body()).contains("line 3: participants");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_drill WHERE source_id = ?").param(u + "-5")
                .query(Long.class).single()).isZero();
    }

    @Test
    void bad_input_wrong_roles_and_other_towns_are_refused() {
        Api clerk = clerk(TOWN);
        assertProblem(clerk.post(BASE + "/plans", """
                {"unit":"村","type":"FIRE","title":"t","planVersion":"v1","approvedOn":"%s","nextReviewOn":"%s"}"""
                .formatted(TODAY, TODAY.minusDays(1))), 400, "nextReviewOn");
        assertProblem(clerk.post(BASE + "/plans", """
                {"unit":"","type":"FIRE","title":"t","planVersion":"v1","approvedOn":"%s","nextReviewOn":"%s"}"""
                .formatted(TODAY, TODAY.plusDays(1))), 400, "unit");
        assertProblem(clerk.post(BASE + "/drills", """
                {"heldOn":"%s","place":"p","scenario":"s","participants":10}""".formatted(TODAY)), 400, "type");
        assertProblem(clerk.post(BASE + "/drills", """
                {"type":"FIRE","heldOn":"%s","place":"p","scenario":"s","participants":10}"""
                .formatted(TODAY.plusDays(2))), 400, "heldOn");
        String otherPlan = plan(clerk(OTHER_TOWN));
        assertProblem(clerk.post(BASE + "/drills", """
                {"planId":"%s","heldOn":"%s","place":"p","scenario":"s","participants":10}"""
                .formatted(otherPlan, TODAY)), 400, "planId");
        assertProblem(clerk.post(BASE + "/materials", """
                {"item":"应急手册","quantity":0,"recipient":"龙潭村","distributedOn":"%s"}""".formatted(TODAY)), 400,
                "quantity");
        assertProblem(handler(TOWN, "应急办").post(BASE + "/materials", """
                {"item":"应急手册","quantity":5,"recipient":"龙潭村","distributedOn":"%s"}""".formatted(TODAY)), 403, null);
        assertProblem(handler(TOWN, "应急办").get(BASE + "/plans"), 403, null);
        assertProblem(clerk.get(BASE + "/materials/totals?town=" + OTHER_TOWN), 403, null);
        assertProblem(clerk.get(BASE + "/plans/" + otherPlan), 404, null);
        assertThat(ok(clerk.get(BASE + "/plans?size=200")).toString()).doesNotContain(otherPlan);
        assertThat(ok(district().get(BASE + "/plans?size=200&town=" + OTHER_TOWN)).toString()).contains(otherPlan);
        assertThat(anonymous().get(BASE + "/drills").status()).isEqualTo(401);
    }

    private String plan(Api api) {
        return ok(api.post(BASE + "/plans", """
                {"unit":"龙潭村","type":"FLOOD_TYPHOON","title":"防汛防台风应急预案","planVersion":"2019版",
                 "approvedOn":"%s","nextReviewOn":"%s"}""".formatted(TODAY.minusYears(1), TODAY.plusYears(1))), 201)
                .get("id").asString();
    }

    private void distribute(Api api, String item, int quantity, String recipient) {
        ok(api.post(BASE + "/materials", """
                {"item":"%s","quantity":%d,"recipient":"%s","distributedOn":"%s"}"""
                .formatted(item, quantity, recipient, TODAY)), 201);
    }

    private Map<String, Long> totals(Api api, int year) {
        JsonNode totals = ok(api.get("/api/documents/emergency/stats?year=" + year)).get("totals");
        Map<String, Long> out = new java.util.HashMap<>();
        EmergencyFigures.KEYS.forEach(k -> out.put(k, totals.get(k).asLong()));
        return out;
    }

    private static long quantity(JsonNode rows, String key, String name) {
        for (JsonNode r : rows) {
            if (r.get(key).asString().equals(name)) {
                return r.get("quantity").asLong();
            }
        }
        return -1;
    }

    private Api.Response importCsv(Api api, String csv) {
        return api.send(api.request(BASE + "/drills/imports").header("Content-Type", "text/csv;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
