package org.zhenwu.servicehall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;
import org.zhenwu.servicehall.support.Hall;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance walk in one town: tickets called at two windows, one application complete and one with
 * missing materials, 补正, the back office's approval, 办结, a 差评 rectified, and the figures.
 */
@ZhenwuIntegrationTest
class HallMorningTest {
    static final String TOWN = "440606004";
    static final String H = Hall.BASE;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    @Test
    void a_morning_at_the_hall() {
        Hall hall = new Hall(port, json);
        Api clerk = hall.clerk(TOWN);
        Api social = hall.department(TOWN, "社会事务办");
        String matter = hall.publishedMatter(TOWN, "社会事务办", 10, "居民身份证", "户口簿");

        hall.ok(clerk.post(H + "/queues", "{\"code\":\"A\",\"name\":\"综合受理\"}"), 201);
        String one = hall.ok(clerk.post(H + "/windows", "{\"number\":\"1\",\"name\":\"综合窗口一\",\"queues\":[\"A\"]}"), 201).get("id").asString();
        String two = hall.ok(clerk.post(H + "/windows", "{\"number\":\"2\",\"name\":\"综合窗口二\",\"queues\":[\"A\"]}"), 201).get("id").asString();
        String first = hall.ok(clerk.post(H + "/tickets", "{\"queue\":\"A\"}"), 201).get("id").asString();
        String second = hall.ok(clerk.post(H + "/tickets", "{\"queue\":\"A\",\"priority\":\"GREEN_CHANNEL\",\"greenChannelReason\":\"ELDERLY\"}"), 201)
                .get("id").asString();
        assertThat(hall.ok(clerk.post(H + "/windows/" + one + "/calls", ""), 200).get("id").asString()).isEqualTo(second);
        assertThat(hall.ok(clerk.post(H + "/windows/" + two + "/calls", ""), 200).get("id").asString()).isEqualTo(first);
        hall.ok(clerk.post(H + "/tickets/" + second + "/arrival", ""), 200);
        hall.ok(clerk.post(H + "/tickets/" + first + "/arrival", ""), 200);

        String complete = hall.ok(clerk.post(H + "/applications", Hall.submission(matter, "居民身份证", "户口簿")
                .replace("\"matterId\"", "\"ticketId\":\"" + second + "\",\"matterId\"")), 201).get("id").asString();
        JsonNode lacking = hall.ok(clerk.post(H + "/applications", Hall.submission(matter, "居民身份证")
                .replace("\"matterId\"", "\"ticketId\":\"" + first + "\",\"matterId\"")), 201);
        assertThat(lacking.get("missingMaterials").get(0).asString()).isEqualTo("户口簿");
        hall.ok(clerk.post(H + "/tickets/" + second + "/completion", ""), 200);
        hall.ok(clerk.post(H + "/tickets/" + first + "/completion", ""), 200);
        hall.ok(clerk.post(H + "/applications/" + lacking.get("id").asString() + "/supplement", "{\"providedMaterials\":[\"户口簿\"]}"), 200);

        for (String id : new String[]{complete, lacking.get("id").asString()}) {
            hall.ok(social.post(H + "/applications/" + id + "/approval", "{}"), 200);
            hall.ok(social.post(H + "/applications/" + id + "/completion", ""), 200);
        }
        String caseId = hall.ok(clerk.post(H + "/applications/" + complete + "/rating",
                "{\"level\":\"DISSATISFIED\",\"comment\":\"排队久\",\"raterPhone\":\"13700001234\"}"), 201).get("rectificationId").asString();
        hall.ok(social.post(H + "/rectifications/" + caseId + "/rectification", "{\"measures\":\"高峰期增开窗口\"}"), 200);
        hall.ok(clerk.post(H + "/rectifications/" + caseId + "/return-visit", "{\"satisfied\":true}"), 200);
        hall.ok(hall.leader(TOWN).post(H + "/rectifications/" + caseId + "/review", "{\"accept\":true}"), 200);
        hall.ok(clerk.post(H + "/parking-vouchers", "{\"ticketId\":\"" + first + "\"}"), 201);

        String today = LocalDate.now(WorkingDayCalendar.ZONE).toString();
        JsonNode figures = hall.ok(hall.leader(TOWN).get(H + "/stats?from=" + today + "&to=" + today), 200);
        assertThat(figures.get("accepted").asLong()).isEqualTo(2);
        assertThat(figures.get("completed").asLong()).isEqualTo(2);
        assertThat(figures.get("completionRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(figures.get("onTimeRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(figures.get("waiting").get("tickets").asLong()).isEqualTo(2);
        assertThat(figures.get("ratings").get("rectifiedRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(figures.get("byDepartment").get(0).get("department").asString()).isEqualTo("社会事务办");
    }
}
