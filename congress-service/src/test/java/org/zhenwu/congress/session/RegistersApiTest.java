package org.zhenwu.congress.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Terms, deputies, sessions with attendance, presidium meetings, liaison stations and public opinions. */
@ZhenwuIntegrationTest
class RegistersApiTest {
    static final String TOWN = "440606100";
    static final String OTHER = "440606002";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api staff(String town) {
        return new Api(port).as(TestTokens.tokenWith("staff-" + town, town, "人大办", "NONE", "CONGRESS_STAFF"));
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    static int termNumbers = 10;

    String term(String town) {
        return ok(staff(town).post("/api/congress/terms", "{\"number\":" + (termNumbers++) + ",\"startsOn\":\"2016-12-01\"}"), 201)
                .get("id").asString();
    }

    String deputy(String town, String term, String name, boolean presidium) {
        return ok(staff(town).post("/api/congress/deputies", """
                {"termId":"%s","name":"%s","constituency":"第一选区","delegation":"机关代表团","presidiumMember":%s}"""
                .formatted(term, name, presidium)), 201).get("id").asString();
    }

    void problem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).isTrue();
        if (field != null) {
            assertThat(r.body()).contains("\"field\":\"" + field + "\"");
        }
    }

    @Test
    void a_term_its_deputies_and_a_session_named_as_officials_name_it_with_attendance() {
        JsonNode term = ok(staff(TOWN).post("/api/congress/terms", "{\"number\":17,\"startsOn\":\"2016-12-01\",\"endsOn\":\"2021-11-30\"}"), 201);
        assertThat(term.get("name").asString()).isEqualTo("第十七届");
        String termId = term.get("id").asString();
        String chen = deputy(TOWN, termId, "陈国强", true);
        String li = deputy(TOWN, termId, "李秀英", false);
        String wang = deputy(TOWN, termId, "王建华", false);

        JsonNode session = ok(staff(TOWN).post("/api/congress/sessions",
                "{\"termId\":\"" + termId + "\",\"number\":7,\"opensOn\":\"2019-01-10\",\"closesOn\":\"2019-01-11\"}"), 201);
        assertThat(session.get("name").asString()).isEqualTo("第十七届人民代表大会第七次会议");
        assertThat(session.get("shortName").asString()).isEqualTo("第十七届人大第七次会议");
        String sessionId = session.get("id").asString();

        ok(staff(TOWN).post("/api/congress/sessions/" + sessionId + "/attendance", "{\"deputyIds\":[\"" + chen + "\",\"" + li + "\"]}"), 200);
        JsonNode attendance = ok(staff(TOWN).post("/api/congress/sessions/" + sessionId + "/attendance",
                "{\"deputyIds\":[\"" + chen + "\"]}"), 200);
        assertThat(attendance.get("present").asLong()).as("checking in twice counts once").isEqualTo(2);
        assertThat(attendance.get("seated").asLong()).isEqualTo(3);

        ok(staff(TOWN).post("/api/congress/deputies/" + wang + "/end", ""), 200);
        assertThat(ok(staff(TOWN).get("/api/congress/sessions/" + sessionId + "/attendance"), 200).get("seated").asLong()).isEqualTo(2);
        assertThat(ok(staff(TOWN).get("/api/congress/deputies?termId=" + termId), 200)).hasSize(3);

        problem(staff(TOWN).post("/api/congress/sessions", "{\"termId\":\"" + termId + "\",\"number\":7,\"opensOn\":\"2019-06-10\"}"), 400, "number");
        problem(staff(TOWN).post("/api/congress/sessions/" + sessionId + "/attendance", "{\"deputyIds\":[\"" + wang + "\"]}"), 400, "deputyIds");

        JsonNode meeting = ok(staff(TOWN).post("/api/congress/presidium-meetings", """
                {"termId":"%s","heldOn":"2019-04-12","topics":"听取一季度民生实事项目进展","attendees":["%s"]}""".formatted(termId, chen)), 201);
        assertThat(meeting.get("quarter").asString()).isEqualTo("2019年第二季度");
        problem(staff(TOWN).post("/api/congress/presidium-meetings", """
                {"termId":"%s","heldOn":"2019-07-12","topics":"x","attendees":["%s"]}""".formatted(termId, li)), 400, "attendees");
        assertThat(ok(staff(TOWN).get("/api/congress/presidium-meetings?year=2019"), 200)).hasSize(1);
    }

    @Test
    void bad_registers_input_names_the_field_and_writes_nothing() {
        long deputies = count("deputy");
        problem(staff(TOWN).post("/api/congress/terms", "{\"number\":0,\"startsOn\":\"2016-12-01\"}"), 400, "number");
        problem(staff(TOWN).post("/api/congress/terms", "{\"number\":3,\"startsOn\":\"2016-12-01\",\"endsOn\":\"2016-01-01\"}"), 400, "endsOn");
        String termId = term(TOWN);
        problem(staff(TOWN).post("/api/congress/deputies", "{\"termId\":\"" + termId + "\",\"name\":\" \",\"constituency\":\"一\"}"), 400, "name");
        problem(staff(TOWN).post("/api/congress/deputies",
                "{\"termId\":\"" + term(OTHER) + "\",\"name\":\"赵六\",\"constituency\":\"一\"}"), 400, "termId");
        deputy(TOWN, termId, "孙七", false);
        problem(staff(TOWN).post("/api/congress/deputies",
                "{\"termId\":\"" + termId + "\",\"name\":\"孙七\",\"constituency\":\"第一选区\"}"), 400, "name");
        assertThat(count("deputy")).isEqualTo(deputies + 1);
    }

    @Test
    void stations_collect_opinions_that_are_referred_or_turned_into_suggestions_and_answered() {
        String termId = term(TOWN);
        String chen = deputy(TOWN, termId, "陈国强", false);
        String central = ok(staff(TOWN).post("/api/congress/stations",
                "{\"kind\":\"CENTRAL\",\"name\":\"陈村镇人大代表中心联络站\",\"address\":\"镇政府一楼\"}"), 201).get("id").asString();
        problem(staff(TOWN).post("/api/congress/stations", "{\"kind\":\"CENTRAL\",\"name\":\"第二个中心站\"}"), 400, "kind");
        ok(staff(TOWN).post("/api/congress/stations",
                "{\"kind\":\"ENTERPRISE\",\"name\":\"供销集团企业联络点\",\"hostOrganisation\":\"供销集团\"}"), 201);
        problem(staff(TOWN).post("/api/congress/stations", "{\"kind\":\"ENTERPRISE\",\"name\":\"无名企业点\"}"), 400, "hostOrganisation");
        JsonNode staffed = ok(staff(TOWN).put("/api/congress/stations/" + central + "/deputies", "{\"deputyIds\":[\"" + chen + "\"]}"), 200);
        assertThat(staffed.get("deputiesOnDuty").get(0).asString()).isEqualTo(chen);

        String lamp = ok(staff(TOWN).post("/api/congress/stations/" + central + "/opinions", """
                {"deputyId":"%s","collectedOn":"2019-05-06","citizenName":"张三","citizenContact":"13800001234","content":"河滨路路灯不亮"}"""
                .formatted(chen)), 201).get("id").asString();
        ok(staff(TOWN).post("/api/congress/opinions/" + lamp + "/referral", "{\"department\":\"城管办\"}"), 200);
        JsonNode answered = ok(staff(TOWN).post("/api/congress/opinions/" + lamp + "/answer", "{\"reply\":\"已修复\"}"), 200);
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.has("citizenContact")).as("the contact is never listed").isFalse();
        Api.Response again = staff(TOWN).post("/api/congress/opinions/" + lamp + "/referral", "{\"department\":\"城管办\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("currentStatus").asString()).isEqualTo("ANSWERED");

        String school = ok(staff(TOWN).post("/api/congress/stations/" + central + "/opinions",
                "{\"collectedOn\":\"2019-05-06\",\"content\":\"学校门口缺少人行过街设施\"}"), 201).get("id").asString();
        JsonNode converted = ok(staff(TOWN).post("/api/congress/opinions/" + school + "/conversion",
                "{\"session\":\"第十七届人大第八次会议\",\"title\":\"关于增设学校门口过街设施的建议\",\"deputies\":[\"陈国强\"]}"), 200);
        assertThat(converted.get("status").asString()).isEqualTo("CONVERTED");
        String suggestion = converted.get("suggestionId").asString();
        JsonNode submitted = ok(staff(TOWN).get("/api/congress/suggestions/" + suggestion), 200);
        assertThat(submitted.get("content").asString()).isEqualTo("学校门口缺少人行过街设施");
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode trail = ok(staff(TOWN).get("/api/congress/opinions/" + school), 200).get("transitions");
        assertThat(trail).hasSize(2);
    }

    @Test
    void other_towns_see_nothing_clerks_only_read_and_strangers_are_401() {
        String termId = term(TOWN);
        String station = ok(staff(TOWN).post("/api/congress/stations", "{\"kind\":\"POINT\",\"name\":\"综治信访联络点\"}"), 201)
                .get("id").asString();
        assertThat(staff(OTHER).get("/api/congress/stations/" + station).status()).isEqualTo(404);
        assertThat(staff(OTHER).get("/api/congress/terms/" + termId).status()).isEqualTo(404);
        problem(staff(OTHER).get("/api/congress/stations?town=" + TOWN), 403, null);
        problem(staff(OTHER).post("/api/congress/sessions", "{\"termId\":\"" + termId + "\",\"number\":1,\"opensOn\":\"2019-01-10\"}"), 400, "termId");
        Api clerk = new Api(port).as(TestTokens.token("clerk", TOWN, "OFFICE_CLERK"));
        problem(clerk.post("/api/congress/stations", "{\"kind\":\"POINT\",\"name\":\"x\"}"), 403, null);
        problem(clerk.post("/api/congress/terms", "{\"number\":5,\"startsOn\":\"2016-12-01\"}"), 403, null);
        assertThat(clerk.get("/api/congress/stations/" + station).status()).isEqualTo(200);
        assertThat(new Api(port).get("/api/congress/stations").status()).isEqualTo(401);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("代表" + i);
        }
        return names;
    }
}
