package org.zhenwu.congress.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CPPCC members' register (委员, 界别) and deputies' and members' activities with attendance, over real HTTP. */
@ZhenwuIntegrationTest
class MemberActivityApiTest {
    static final String TOWN = "440606003";
    static final String OTHER_TOWN = "440606001";
    static final String C = "/api/congress";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    Api staff(String town) {
        return new Api(port).as(TestTokens.tokenWith("staff-" + town, town, "人大办", "NONE", "CONGRESS_STAFF"));
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    String member(String town, String name, String sector, boolean standing) {
        return ok(staff(town).post(C + "/members", "{\"termNumber\":14,\"name\":\"" + name + "\",\"sector\":\"" + sector
                + "\",\"party\":\"民盟\",\"standingCommittee\":" + standing + "}"), 201).get("id").asString();
    }

    @Test
    void members_are_registered_by_term_and_sector_and_listed_by_sector() {
        JsonNode li = ok(staff(TOWN).post(C + "/members", "{\"termNumber\":14,\"name\":\"李明\",\"sector\":\"经济界\","
                + "\"party\":\"民盟\",\"occupation\":\"企业负责人\",\"standingCommittee\":true}"), 201);
        assertThat(li.get("termName").asString()).isEqualTo("第十四届");
        assertThat(li.get("sector").asString()).isEqualTo("经济界");
        assertThat(li.get("standingCommittee").asBoolean()).isTrue();
        member(TOWN, "黄芳", "教育界", false);
        member(TOWN, "周伟", "经济界", false);
        // the same person twice in a term and sector: 400 naming the field
        assertThat(ok(staff(TOWN).post(C + "/members", "{\"termNumber\":14,\"name\":\"李明\",\"sector\":\"经济界\"}"), 400)
                .toString()).contains("name");
        assertThat(ok(staff(TOWN).post(C + "/members", "{\"termNumber\":0,\"name\":\"X\",\"sector\":\"经济界\"}"), 400)
                .toString()).contains("termNumber");

        assertThat(ok(staff(TOWN).get(C + "/members?town=" + TOWN + "&term=14&sector=经济界"), 200))
                .extracting(m -> m.get("name").asString()).containsExactly("周伟", "李明");
        JsonNode ended = ok(staff(TOWN).post(C + "/members/" + li.get("id").asString() + "/end", ""), 200);
        assertThat(ended.get("active").asBoolean()).isFalse();
        assertThat(ended.get("standingCommittee").asBoolean()).isFalse();
        ok(staff(OTHER_TOWN).get(C + "/members/" + li.get("id").asString()), 404);
        ok(staff(OTHER_TOWN).get(C + "/members?town=" + TOWN), 403);
        ok(new Api(port).as(TestTokens.tokenWith("clerk", TOWN, "党政办", "NONE", "OFFICE_CLERK"))
                .post(C + "/members", "{\"termNumber\":14,\"name\":\"X\",\"sector\":\"经济界\"}"), 403);
    }

    @Test
    void an_inspection_invites_deputies_and_members_and_records_who_came() {
        String term = ok(staff(TOWN).post(C + "/terms", "{\"number\":17,\"startsOn\":\"2016-12-01\"}"), 201).get("id").asString();
        String chen = ok(staff(TOWN).post(C + "/deputies", "{\"termId\":\"" + term + "\",\"name\":\"陈国强\",\"constituency\":\"第一选区\"}"),
                201).get("id").asString();
        String wang = ok(staff(TOWN).post(C + "/deputies", "{\"termId\":\"" + term + "\",\"name\":\"王建华\",\"constituency\":\"第二选区\"}"),
                201).get("id").asString();
        String huang = member(TOWN, "黄玲", "医卫界", false);
        String otherTownMember = member(OTHER_TOWN, "吴刚", "经济界", false);

        JsonNode planned = ok(staff(TOWN).post(C + "/activities", "{\"kind\":\"INSPECTION\",\"title\":\"视察龙江大道东延线工程\","
                + "\"heldOn\":\"2019-06-12\",\"place\":\"东延线工地\",\"deputyIds\":[\"" + chen + "\",\"" + wang + "\"],"
                + "\"memberIds\":[\"" + huang + "\"]}"), 201);
        String id = planned.get("id").asString();
        assertThat(planned.get("invited").asInt()).isEqualTo(3);
        assertThat(planned.get("attended").asInt()).isZero();

        JsonNode attended = ok(staff(TOWN).post(C + "/activities/" + id + "/attendance",
                "{\"deputyIds\":[\"" + chen + "\"],\"memberIds\":[\"" + huang + "\"]}"), 200);
        assertThat(attended.get("attended").asInt()).isEqualTo(2);
        // marking again changes nothing; someone not invited is refused by field
        assertThat(ok(staff(TOWN).post(C + "/activities/" + id + "/attendance", "{\"deputyIds\":[\"" + chen + "\"]}"), 200)
                .get("attended").asInt()).isEqualTo(2);
        assertThat(ok(staff(TOWN).post(C + "/activities/" + id + "/attendance", "{\"memberIds\":[\"" + chen + "\"]}"), 400)
                .toString()).contains("memberIds");
        // another town's member, nobody at all, an activity yet to come
        assertThat(ok(staff(TOWN).post(C + "/activities", "{\"kind\":\"TRAINING\",\"title\":\"履职培训\",\"heldOn\":\"2019-03-01\","
                + "\"memberIds\":[\"" + otherTownMember + "\"]}"), 400).toString()).contains("memberIds");
        assertThat(ok(staff(TOWN).post(C + "/activities", "{\"kind\":\"TRAINING\",\"title\":\"履职培训\",\"heldOn\":\"2019-03-01\"}"),
                400).toString()).contains("deputyIds");
        LocalDate later = LocalDate.now(WorkingDayCalendar.ZONE).plusDays(10);
        String upcoming = ok(staff(TOWN).post(C + "/activities", "{\"kind\":\"RECEPTION\",\"title\":\"代表接待日\",\"heldOn\":\""
                + later + "\",\"deputyIds\":[\"" + wang + "\"]}"), 201).get("id").asString();
        assertThat(ok(staff(TOWN).post(C + "/activities/" + upcoming + "/attendance", "{\"deputyIds\":[\"" + wang + "\"]}"), 400)
                .toString()).contains("heldOn");

        assertThat(ok(staff(TOWN).get(C + "/activities?town=" + TOWN + "&year=2019&kind=INSPECTION"), 200))
                .extracting(a -> a.get("title").asString()).containsExactly("视察龙江大道东延线工程");
        ok(staff(OTHER_TOWN).get(C + "/activities/" + id), 404);

        JsonNode figures = ok(staff(TOWN).get(C + "/stats?town=" + TOWN + "&from=2019-01-01&to=2019-12-31"), 200)
                .get("activities");
        assertThat(figures.get("byKind").get("INSPECTION").asLong()).isEqualTo(1);
        assertThat(figures.get("invited").asLong()).isEqualTo(3);
        assertThat(figures.get("attended").asLong()).isEqualTo(2);
        assertThat(figures.get("attendanceRate").asDouble()).isEqualTo(66.7);
    }
}
