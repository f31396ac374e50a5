package org.zhenwu.servicehall.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.servicehall.v1.ApplicationRated;
import org.zhenwu.contracts.servicehall.v1.ServiceHallTopics;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;
import org.zhenwu.servicehall.support.Hall;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 好差评 over real HTTP: rate once, a 差评 is rectified, reviewed, visited and closed. */
@ZhenwuIntegrationTest
class RatingApiTest {
    static final String TOWN = "440606003";
    static final String DEPT = "社会事务办";
    static final String APPS = Hall.BASE + "/applications/";
    static final String CASES = Hall.BASE + "/rectifications/";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Hall hall() {
        return new Hall(port, json);
    }

    /** An application of the town, accepted, approved and completed; returns its id. */
    String completed(Hall hall) {
        String id = hall.submit(TOWN, hall.publishedMatter(TOWN, DEPT, 10, "居民身份证"), "居民身份证").get("id").asString();
        hall.ok(hall.department(TOWN, DEPT).post(APPS + id + "/approval", "{}"), 200);
        hall.ok(hall.department(TOWN, DEPT).post(APPS + id + "/completion", ""), 200);
        return id;
    }

    @Test
    void a_named_negative_rating_is_rectified_reviewed_visited_and_closed() {
        Hall hall = hall();
        String app = completed(hall);
        JsonNode rating = hall.ok(hall.clerk(TOWN).post(APPS + app + "/rating",
                "{\"level\":\"VERY_DISSATISFIED\",\"comment\":\"等候太久\",\"raterName\":\"王五\",\"raterPhone\":\"13900001111\"}"), 201);
        assertThat(rating.get("negative").asBoolean()).isTrue();
        assertThat(rating.get("named").asBoolean()).isTrue();
        String caseId = rating.get("rectificationId").asString();

        Api.Response again = hall.clerk(TOWN).post(APPS + app + "/rating", "{\"level\":\"SATISFIED\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(hall.read(again).get("rule").asString()).isEqualTo("already-rated");

        Api social = hall.department(TOWN, DEPT);
        JsonNode seen = hall.ok(social.get(APPS + app + "/rating"), 200);
        assertThat(seen.get("raterPhone").isNull()).as("departments never see the rater").isTrue();
        JsonNode opened = hall.ok(social.get(CASES + caseId), 200);
        assertThat(opened.get("status").asString()).isEqualTo("OPEN");
        assertThat(opened.get("dueDate").asString())
                .isEqualTo(WorkingDayCalendar.china().addWorkingDays(LocalDate.now(WorkingDayCalendar.ZONE), 5).toString());
        assertThat(opened.get("returnVisitOwed").asBoolean()).isTrue();
        assertThat(hall.department(TOWN, "经济发展办").get(CASES + caseId).status()).isEqualTo(404);

        hall.ok(social.post(CASES + caseId + "/rectification", "{\"measures\":\"增设取号引导, 高峰期加开窗口\"}"), 200);
        Api leader = hall.leader(TOWN);
        Api.Response owed = leader.post(CASES + caseId + "/review", "{\"accept\":true}");
        assertThat(owed.status()).isEqualTo(409);
        assertThat(hall.read(owed).get("rule").asString()).isEqualTo("return-visit-owed");
        hall.ok(hall.clerk(TOWN).post(CASES + caseId + "/return-visit", "{\"satisfied\":true,\"note\":\"认可整改\"}"), 200);
        JsonNode closed = hall.ok(leader.post(CASES + caseId + "/review", "{\"accept\":true,\"note\":\"整改到位\"}"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("rectifiedOnTime").asBoolean()).isTrue();

        Api.Response afterwards = social.post(CASES + caseId + "/appeal", "{\"reason\":\"x\"}");
        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(hall.read(afterwards).get("currentStatus").asString()).isEqualTo("CLOSED");

        var event = Hall.consume(ServiceHallTopics.APPLICATION_EVENTS, app, 3).get(2);
        assertThat(Hall.header(event, EventHeaders.EVENT_TYPE)).isEqualTo(ApplicationRated.TYPE);
        ApplicationRated rated = json.readValue(event.value(), ApplicationRated.class);
        assertThat(rated.score()).isEqualTo(1);
        assertThat(rated.negative()).isTrue();
        assertThat(rated.named()).isTrue();
        assertThat(rated.department()).isEqualTo(DEPT);
    }

    @Test
    void a_good_rating_opens_nothing_and_an_unfinished_application_cannot_be_rated() {
        Hall hall = hall();
        String app = completed(hall);
        JsonNode good = hall.ok(hall.clerk(TOWN).post(APPS + app + "/rating", "{\"level\":\"BASICALLY_SATISFIED\",\"channel\":\"KIOSK\"}"), 201);
        assertThat(good.get("negative").asBoolean()).isFalse();
        assertThat(good.get("rectificationId").isNull()).isTrue();

        String running = hall.submit(TOWN, hall.publishedMatter(TOWN, DEPT, 10, "居民身份证"), "居民身份证").get("id").asString();
        Api.Response early = hall.clerk(TOWN).post(APPS + running + "/rating", "{\"level\":\"SATISFIED\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.isProblem()).isTrue();
        assertThat(hall.read(early).get("rule").asString()).isEqualTo("not-completed");
    }

    @Test
    void an_anonymous_negative_rating_can_be_appealed_and_voided_but_not_visited() {
        Hall hall = hall();
        String app = completed(hall);
        String caseId = hall.ok(hall.clerk(TOWN).post(APPS + app + "/rating", "{\"level\":\"DISSATISFIED\"}"), 201)
                .get("rectificationId").asString();
        Api.Response visit = hall.clerk(TOWN).post(CASES + caseId + "/return-visit", "{\"satisfied\":false}");
        assertThat(visit.status()).isEqualTo(409);
        assertThat(hall.read(visit).get("rule").asString()).isEqualTo("anonymous-rating");
        hall.ok(hall.department(TOWN, DEPT).post(CASES + caseId + "/appeal", "{\"reason\":\"已按规定一次性告知\"}"), 200);
        assertThat(hall.ok(hall.leader(TOWN).post(CASES + caseId + "/review", "{\"accept\":true}"), 200)
                .get("status").asString()).isEqualTo("VOIDED");
    }

    @Test
    void bad_input_roles_and_towns() {
        Hall hall = hall();
        String app = completed(hall);
        Api.Response noLevel = hall.clerk(TOWN).post(APPS + app + "/rating", "{\"comment\":\"?\"}");
        assertThat(noLevel.status()).isEqualTo(400);
        assertThat(noLevel.body()).contains("\"field\":\"level\"");
        Api.Response sixStars = hall.clerk(TOWN).post(APPS + app + "/rating", "{\"level\":\"SUPERB\"}");
        assertThat(sixStars.status()).isEqualTo(400);
        assertThat(sixStars.body()).contains("\"field\":\"level\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rating WHERE application_id = ?").param(app).query(Long.class).single()).isZero();

        assertThat(hall.department(TOWN, DEPT).post(APPS + app + "/rating", "{\"level\":\"SATISFIED\"}").status())
                .as("a department never rates itself").isEqualTo(403);
        assertThat(hall.clerk("440606004").post(APPS + app + "/rating", "{\"level\":\"SATISFIED\"}").status()).isEqualTo(404);
        assertThat(hall.anonymous().post(APPS + app + "/rating", "{\"level\":\"SATISFIED\"}").status()).isEqualTo(401);

        String caseId = hall.ok(hall.clerk(TOWN).post(APPS + app + "/rating", "{\"level\":\"DISSATISFIED\",\"raterPhone\":\"13900002222\"}"), 201)
                .get("rectificationId").asString();
        assertThat(hall.clerk(TOWN).post(CASES + caseId + "/rectification", "{\"measures\":\"x\"}").status())
                .as("the hall does not rectify for the department").isEqualTo(403);
        Api.Response noMeasures = hall.department(TOWN, DEPT).post(CASES + caseId + "/rectification", "{}");
        assertThat(noMeasures.status()).isEqualTo(400);
        assertThat(noMeasures.body()).contains("\"field\":\"measures\"");
        assertThat(hall.department(TOWN, DEPT).post(CASES + caseId + "/review", "{\"accept\":true}").status())
                .as("nor does a department review itself").isEqualTo(403);
        JsonNode open = hall.ok(hall.leader(TOWN).get(Hall.BASE + "/rectifications?status=OPEN&size=200"), 200);
        assertThat(open.get("items").valueStream().map(i -> i.get("id").asString()).toList()).contains(caseId);
    }
}
