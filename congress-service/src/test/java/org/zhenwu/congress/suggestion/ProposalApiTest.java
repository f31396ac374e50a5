package org.zhenwu.congress.suggestion;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CPPCC proposals (提案) over HTTP: their own path and numbers, the suggestion loop's steps and rules. */
@ZhenwuIntegrationTest
class ProposalApiTest {
    static final String TOWN = "440606102";
    static final String PROPOSALS = "/api/congress/proposals";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api staff(String town) {
        return new Api(port).as(TestTokens.tokenWith("staff-" + town, town, "政协联络委", "NONE", "CONGRESS_STAFF"));
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    static String proposal(String session, String type, String group, String members) {
        return """
                {"session":"%s","title":"关于加强校园周边交通管理的提案","content":"上下学高峰拥堵……","members":%s,
                 "proposerType":"%s",%s"submittedAt":"2019-01-15T02:00:00Z"}"""
                .formatted(session, members, type, group == null ? "" : "\"proposerGroup\":\"" + group + "\",");
    }

    @Test
    void a_sectors_proposal_is_numbered_apart_assigned_without_a_suggestion_event_answered_c_and_tracked() {
        String session = "区政协十四届" + UUID.randomUUID().toString().substring(0, 4) + "次会议";
        ok(staff(TOWN).post("/api/congress/suggestions", """
                {"session":"%s","title":"同一会议名的建议","content":"x","deputies":["陈国强"],"submittedAt":"2019-01-15T02:00:00Z"}"""
                .formatted(session)), 201);
        JsonNode submitted = ok(staff(TOWN).post(PROPOSALS, proposal(session, "SECTOR", "经济界", "[]")), 201);
        assertThat(submitted.get("kind").asString()).isEqualTo("PROPOSAL");
        assertThat(submitted.get("proposerGroup").asString()).isEqualTo("经济界");
        String id = submitted.get("id").asString();
        assertThat(ok(staff(TOWN).post(PROPOSALS + "/" + id + "/registration", ""), 200).get("registrationNumber").asInt())
                .as("proposals are numbered apart").isEqualTo(1);
        ok(staff(TOWN).post(PROPOSALS + "/" + id + "/assignment", "{\"leadUnit\":\"教育办\",\"coUnits\":[\"交警中队\"]}"), 200);
        Api lead = new Api(port).as(TestTokens.tokenWith("edu", TOWN, "教育办", "NONE", "DEPARTMENT_HANDLER"));
        ok(lead.post(PROPOSALS + "/" + id + "/replies", "{\"category\":\"C\",\"content\":\"待新校区建成后解决\"}"), 200);
        JsonNode tracked = ok(staff(TOWN).post(PROPOSALS + "/" + id + "/feedback", "{\"satisfaction\":\"SATISFIED\"}"), 200);
        assertThat(tracked.get("status").asString()).isEqualTo("TRACKING");

        assertThat(jdbc.sql("SELECT event_type FROM outbox_event WHERE message_key = ? ORDER BY id").param(id)
                .query(String.class).list()).containsExactly("congress.SuggestionSubmitted", "congress.SuggestionReplied",
                        "congress.SuggestionFeedbackGiven");
        assertThat(json.readTree(jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = 'congress.SuggestionReplied'")
                .param(id).query(String.class).single()).get("kind").asString()).isEqualTo("PROPOSAL");
        String bySession = "?session=" + URLEncoder.encode(session, UTF_8);
        assertThat(ok(staff(TOWN).get(PROPOSALS + bySession), 200).get("items")).hasSize(1);
        assertThat(ok(staff(TOWN).get("/api/congress/suggestions" + bySession + "&kind=SUGGESTION"), 200).get("items")).hasSize(1);
    }

    @Test
    void bad_proposals_name_the_field_and_write_nothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM suggestion").query(Long.class).single();
        Api.Response twoForOne = staff(TOWN).post(PROPOSALS, proposal("区政协十四届四次会议", "MEMBER", null, "[\"何委员\",\"梁委员\"]"));
        assertThat(twoForOne.status()).isEqualTo(400);
        assertThat(twoForOne.isProblem()).isTrue();
        assertThat(twoForOne.body()).contains("\"field\":\"members\"");
        Api.Response noGroup = staff(TOWN).post(PROPOSALS, proposal("区政协十四届四次会议", "GROUP", null, "[]"));
        assertThat(noGroup.body()).contains("\"field\":\"proposerGroup\"");
        Api.Response badType = staff(TOWN).post(PROPOSALS, proposal("区政协十四届四次会议", "PARTY", null, "[\"何委员\"]"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body()).contains("\"field\":\"proposerType\"");
        Api.Response wrongDoor = staff(TOWN).post("/api/congress/suggestions", """
                {"kind":"PROPOSAL","session":"s","title":"t","content":"c","deputies":["何委员"],"submittedAt":"2019-01-15T02:00:00Z"}""");
        assertThat(wrongDoor.body()).contains("\"field\":\"kind\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM suggestion").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void proposals_of_another_town_do_not_exist_and_clerks_only_read() {
        String id = ok(staff(TOWN).post(PROPOSALS, proposal("区政协十四届四次会议", "MEMBER", null, "[\"何委员\"]")), 201)
                .get("id").asString();
        assertThat(staff("440606105").get(PROPOSALS + "/" + id).status()).isEqualTo(404);
        Api clerk = new Api(port).as(TestTokens.token("clerk", TOWN, "OFFICE_CLERK"));
        assertThat(clerk.post(PROPOSALS + "/" + id + "/registration", "").status()).isEqualTo(403);
        assertThat(clerk.get(PROPOSALS + "/" + id).status()).isEqualTo(200);
        assertThat(new Api(port).get(PROPOSALS).status()).isEqualTo(401);
        Api.Response early = staff(TOWN).post(PROPOSALS + "/" + id + "/replies", "{\"category\":\"A\",\"content\":\"x\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(json.readTree(early.body()).get("currentStatus").asString()).isEqualTo("SUBMITTED");
    }
}
