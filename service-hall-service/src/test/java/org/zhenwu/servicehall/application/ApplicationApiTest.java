package org.zhenwu.servicehall.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.servicehall.v1.ApplicationAccepted;
import org.zhenwu.contracts.servicehall.v1.ApplicationCompleted;
import org.zhenwu.contracts.servicehall.v1.ApplicationWithdrawn;
import org.zhenwu.contracts.servicehall.v1.ServiceHallTopics;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;
import org.zhenwu.servicehall.support.Hall;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 前台综合受理、后台分类审批、统一窗口出件 over real HTTP, with the events the annual summary counts. */
@ZhenwuIntegrationTest
class ApplicationApiTest {
    static final String TOWN = "440606101";
    static final String OTHER_TOWN = "440606102";
    static final String APPS = Hall.BASE + "/applications";
    static final String[] MATERIALS = {"居民身份证", "户口簿", "家庭收入证明"};

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationService applications;

    Hall hall() {
        return new Hall(port, json);
    }

    @Test
    void a_complete_application_is_accepted_decided_by_its_department_completed_delivered_and_announced() {
        Hall hall = hall();
        String matter = hall.publishedMatter(TOWN, "社会事务办", 15, MATERIALS);
        JsonNode accepted = hall.submit(TOWN, matter, MATERIALS);
        String id = accepted.get("id").asString();
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("applicationNumber").asString()).matches(TOWN + "-\\d{8}-\\d{5}");
        assertThat(accepted.get("department").asString()).isEqualTo("社会事务办");
        assertThat(accepted.get("missingMaterials")).isEmpty();
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        LocalDate due = WorkingDayCalendar.china().addWorkingDays(today, 15);
        assertThat(accepted.get("dueDate").asString()).isEqualTo(due.toString());
        assertThat(accepted.get("remainingWorkingDays").asInt()).isEqualTo(WorkingDayCalendar.china().workingDaysBetween(today, due));

        Api other = hall.department(TOWN, "经济发展办");
        assertThat(other.get(APPS + "/" + id).status()).as("not its matter").isEqualTo(404);
        assertThat(other.post(APPS + "/" + id + "/approval", "{}").status()).isEqualTo(404);
        Api social = hall.department(TOWN, "社会事务办");
        JsonNode approved = hall.ok(social.post(APPS + "/" + id + "/approval", "{\"opinion\":\"符合条件\"}"), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        JsonNode completed = hall.ok(social.post(APPS + "/" + id + "/completion", ""), 200);
        assertThat(completed.get("onTime").asBoolean()).isTrue();
        assertThat(completed.get("workingDays").asInt()).isZero();
        assertThat(completed.get("remainingWorkingDays").isNull()).as("the clock stopped").isTrue();

        Api.Response mailNoNumber = hall.clerk(TOWN).post(APPS + "/" + id + "/delivery", "{\"method\":\"MAIL\"}");
        assertThat(mailNoNumber.status()).isEqualTo(400);
        assertThat(mailNoNumber.body()).contains("\"field\":\"trackingNumber\"");
        JsonNode delivered = hall.ok(hall.clerk(TOWN).post(APPS + "/" + id + "/delivery",
                "{\"method\":\"MAIL\",\"trackingNumber\":\"SF1234567890\"}"), 200);
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");

        JsonNode trail = hall.ok(hall.clerk(TOWN).get(APPS + "/" + id), 200).get("transitions");
        assertThat(trail.valueStream().map(t -> t.get("to").asString()).toList())
                .containsExactly("ACCEPTED", "APPROVED", "COMPLETED", "DELIVERED");

        List<ConsumerRecord<String, String>> events = Hall.consume(ServiceHallTopics.APPLICATION_EVENTS, id, 2);
        assertThat(Hall.header(events.get(0), EventHeaders.EVENT_TYPE)).isEqualTo(ApplicationAccepted.TYPE);
        ApplicationAccepted a = json.readValue(events.get(0).value(), ApplicationAccepted.class);
        assertThat(a.jurisdiction()).isEqualTo(TOWN);
        assertThat(a.matterId().toString()).isEqualTo(matter);
        assertThat(a.department()).isEqualTo("社会事务办");
        assertThat(a.acceptedOn()).isEqualTo(today);
        assertThat(a.dueDate()).isEqualTo(due);
        assertThat(a.channel()).isEqualTo("WINDOW");
        assertThat(Hall.header(events.get(1), EventHeaders.EVENT_TYPE)).isEqualTo(ApplicationCompleted.TYPE);
        ApplicationCompleted c = json.readValue(events.get(1).value(), ApplicationCompleted.class);
        assertThat(c.onTime()).isTrue();
        assertThat(c.outcome()).isEqualTo("APPROVED");
        assertThat(c.completedOn()).isEqualTo(today);
        assertThat(c.matterCode()).isEqualTo(a.matterCode());
    }

    @Test
    void missing_materials_get_one_notice_and_the_supplement_starts_the_clock() {
        Hall hall = hall();
        String matter = hall.publishedMatter(TOWN, "社会事务办", 5, MATERIALS);
        JsonNode notice = hall.submit(TOWN, matter, "户口簿");
        String id = notice.get("id").asString();
        assertThat(notice.get("status").asString()).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(notice.get("missingMaterials").valueStream().map(JsonNode::asString).toList())
                .containsExactly("居民身份证", "家庭收入证明");
        assertThat(notice.get("dueDate").isNull()).isTrue();
        assertThat(outbox(id)).as("the clock has not started: nothing to announce").isEmpty();

        Api.Response early = hall.department(TOWN, "社会事务办").post(APPS + "/" + id + "/approval", "{}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.isProblem()).isTrue();
        assertThat(hall.read(early).get("currentStatus").asString()).isEqualTo("AWAITING_SUPPLEMENT");

        JsonNode still = hall.ok(hall.clerk(TOWN).post(APPS + "/" + id + "/supplement", "{\"providedMaterials\":[\"居民身份证\"]}"), 200);
        assertThat(still.get("status").asString()).isEqualTo("AWAITING_SUPPLEMENT");
        JsonNode accepted = hall.ok(hall.clerk(TOWN).post(APPS + "/" + id + "/supplement", "{\"providedMaterials\":[\"家庭收入证明\"]}"), 200);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("acceptedOn").asString()).isEqualTo(LocalDate.now(WorkingDayCalendar.ZONE).toString());
        assertThat(outbox(id)).containsExactly(ApplicationAccepted.TYPE);

        Api.Response again = hall.clerk(TOWN).post(APPS + "/" + id + "/supplement", "{\"providedMaterials\":[\"户口簿\"]}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(hall.read(again).get("currentStatus").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void a_withdrawal_is_announced_with_the_acceptance_date_it_takes_back_or_none_when_never_accepted() {
        Hall hall = hall();
        String matter = hall.publishedMatter(TOWN, "社会事务办", 5, MATERIALS);
        String accepted = hall.submit(TOWN, matter, MATERIALS).get("id").asString();
        String waiting = hall.submit(TOWN, matter, "户口簿").get("id").asString();

        JsonNode withdrawn = hall.ok(hall.clerk(TOWN).post(APPS + "/" + accepted + "/withdrawal",
                "{\"reason\":\"申请人已迁出本镇\"}"), 200);
        hall.ok(hall.clerk(TOWN).post(APPS + "/" + waiting + "/withdrawal", "{\"reason\":\"材料无法补齐\"}"), 200);

        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(outbox(accepted)).containsExactly(ApplicationAccepted.TYPE, ApplicationWithdrawn.TYPE);
        assertThat(outbox(waiting)).containsExactly(ApplicationWithdrawn.TYPE);
        JsonNode takesBack = json.readTree(payload(accepted, ApplicationWithdrawn.TYPE));
        assertThat(takesBack.get("acceptedOn").asString()).isEqualTo(LocalDate.now(WorkingDayCalendar.ZONE).toString());
        assertThat(takesBack.get("department").asString()).isEqualTo("社会事务办");
        assertThat(takesBack.get("reason").asString()).isEqualTo("申请人已迁出本镇");
        assertThat(json.readTree(payload(waiting, ApplicationWithdrawn.TYPE)).get("acceptedOn").isNull())
                .as("never accepted, never counted: nothing to take back").isTrue();
        Api.Response twice = hall.clerk(TOWN).post(APPS + "/" + accepted + "/withdrawal", "{\"reason\":\"x\"}");
        assertThat(twice.status()).isEqualTo(409);
    }

    private String payload(String applicationId, String type) {
        return jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(applicationId, type).query(String.class).single();
    }

    @Test
    void a_rejection_needs_its_legal_basis_and_is_completed_like_an_approval() {
        Hall hall = hall();
        String id = hall.submit(TOWN, hall.publishedMatter(TOWN, "社会事务办", 15, MATERIALS), MATERIALS).get("id").asString();
        Api social = hall.department(TOWN, "社会事务办");
        Api.Response noBasis = social.post(APPS + "/" + id + "/rejection", "{\"reason\":\"收入超标\"}");
        assertThat(noBasis.status()).isEqualTo(400);
        assertThat(noBasis.body()).contains("\"field\":\"legalBasis\"");
        JsonNode rejected = hall.ok(social.post(APPS + "/" + id + "/rejection",
                "{\"reason\":\"家庭人均收入高于当地低保标准\",\"legalBasis\":\"《社会救助暂行办法》第九条\"}"), 200);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("legalBasis").asString()).isEqualTo("《社会救助暂行办法》第九条");
        hall.ok(social.post(APPS + "/" + id + "/completion", "{\"note\":\"不予许可决定书已出具\"}"), 200);
        assertThat(jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(id, ApplicationCompleted.TYPE).query(String.class).single()).contains("\"outcome\":\"REJECTED\"");
    }

    @Test
    void bad_input_names_the_field_and_writes_nothing() {
        Hall hall = hall();
        String matter = hall.publishedMatter(TOWN, "社会事务办", 15, MATERIALS);
        String draft = hall.ok(hall.clerk(TOWN).post(Hall.BASE + "/matters", """
                {"code":"D-%s","name":"草稿事项","department":"社会事务办","legalLimitDays":5,"promisedLimitDays":5,
                 "requiredMaterials":[],"fee":0,"channels":["WINDOW"]}""".formatted(System.nanoTime())), 201).get("id").asString();
        long before = count();
        String[][] cases = {
                {Hall.submission(matter, "户口簿", "结婚证"), "providedMaterials[1]"},
                {Hall.submission(java.util.UUID.randomUUID().toString()), "matterId"},
                {Hall.submission(draft), "matterId"},
                {Hall.submission(matter).replace("\"matterId\"", "\"channel\":\"MAIL\",\"matterId\""), "channel"},
                {Hall.submission(matter).replace("\"matterId\"", "\"channel\":\"KIOSK\",\"matterId\""), "kioskId"},
                {Hall.submission(matter).replace("\"matterId\"", "\"ticketId\":\"" + java.util.UUID.randomUUID() + "\",\"matterId\""), "ticketId"},
                {Hall.submission(matter).replace("\"王五\"", "\"\""), "applicantName"},
                {Hall.submission(matter).replace("44060619800101123X", "12345"), "applicantIdNumber"},
                {Hall.submission(matter).replace("\"providedMaterials\":[]", "\"providedMaterials\":null"), "providedMaterials"},
                {"{\"matterId\":\"not-a-uuid\"}", "matterId"}};
        for (String[] c : cases) {
            Api.Response r = hall.clerk(TOWN).post(APPS, c[0]);
            assertThat(r.status()).as(c[0] + " → " + r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.body()).as(c[0]).contains("\"field\":\"" + c[1] + "\"");
        }
        assertThat(count()).isEqualTo(before);
        Api.Response unknownSupplement = hall.clerk(TOWN).post(APPS + "/" + hall.submit(TOWN, matter).get("id").asString()
                + "/supplement", "{\"providedMaterials\":[\"结婚证\"]}");
        assertThat(unknownSupplement.status()).isEqualTo(400);
        assertThat(unknownSupplement.body()).contains("\"field\":\"providedMaterials[0]\"");
    }

    @Test
    void other_towns_roles_and_anonymous_callers_are_kept_out() {
        Hall hall = hall();
        String matter = hall.publishedMatter(TOWN, "社会事务办", 15, MATERIALS);
        String id = hall.submit(TOWN, matter, MATERIALS).get("id").asString();
        assertThat(hall.clerk(OTHER_TOWN).get(APPS + "/" + id).status()).isEqualTo(404);
        assertThat(hall.clerk(OTHER_TOWN).post(APPS + "/" + id + "/withdrawal", "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(hall.clerk(OTHER_TOWN).post(APPS, Hall.submission(matter, MATERIALS)).status())
                .as("another town's matter").isEqualTo(400);
        Api.Response otherScope = hall.clerk(OTHER_TOWN).get(APPS + "?town=" + TOWN);
        assertThat(otherScope.status()).isEqualTo(403);
        assertThat(otherScope.isProblem()).isTrue();

        Api office = new Api(port).as(TestTokens.token("office", TOWN, "OFFICE_CLERK"));
        assertThat(office.post(APPS, Hall.submission(matter, MATERIALS)).status()).isEqualTo(403);
        assertThat(hall.department(TOWN, "社会事务办").post(APPS, Hall.submission(matter, MATERIALS)).status())
                .as("departments do not take applications in").isEqualTo(403);
        assertThat(hall.clerk(TOWN).post(APPS + "/" + id + "/approval", "{}").status())
                .as("the window does not decide").isEqualTo(403);
        assertThat(office.get(APPS + "/" + id).status()).isEqualTo(200);
        assertThat(hall.anonymous().post(APPS, Hall.submission(matter, MATERIALS)).status()).isEqualTo(401);
        assertThat(hall.anonymous().get(APPS + "/" + id).status()).isEqualTo(401);

        JsonNode mine = hall.ok(hall.department(TOWN, "社会事务办").get(APPS + "?size=200"), 200);
        assertThat(mine.get("items").valueStream().map(i -> i.get("department").asString()).distinct().toList())
                .containsExactly("社会事务办");
        assertThat(hall.ok(hall.district().get(APPS + "/" + id), 200).get("town").asString()).isEqualTo(TOWN);
    }

    @Test
    void the_clock_job_turns_an_application_yellow_then_red_once_each_and_announces_it() {
        Hall hall = hall();
        String matter = hall.publishedMatter(TOWN, "规划建设办", 15, MATERIALS);
        String id = hall.submit(TOWN, matter, MATERIALS).get("id").asString();
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        jdbc.sql("UPDATE application SET due_date = ? WHERE id = ?").params(Date.valueOf(today), id).update();
        applications.checkClocks(500);
        assertThat(hall.ok(hall.clerk(TOWN).get(APPS + "/" + id), 200).get("warning").asString()).isEqualTo("YELLOW");

        jdbc.sql("UPDATE application SET due_date = ? WHERE id = ?").params(Date.valueOf(today.minusDays(3)), id).update();
        applications.checkClocks(500);
        applications.checkClocks(500);
        JsonNode red = hall.ok(hall.clerk(TOWN).get(APPS + "/" + id), 200);
        assertThat(red.get("warning").asString()).isEqualTo("RED");
        assertThat(red.get("remainingWorkingDays").asInt()).isNegative();
        assertThat(jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = 'service-hall.ApplicationClockWarned' ORDER BY id")
                .param(id).query(String.class).list()).hasSize(2).satisfiesExactly(
                y -> assertThat(y).contains("\"level\":\"YELLOW\""), r -> assertThat(r).contains("\"level\":\"RED\""));
        JsonNode redList = hall.ok(hall.department(TOWN, "规划建设办").get(APPS + "?warning=RED"), 200);
        assertThat(redList.get("items").valueStream().map(i -> i.get("id").asString()).toList()).contains(id);
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();
    }

    private List<String> outbox(String key) {
        return jdbc.sql("SELECT event_type FROM outbox_event WHERE message_key = ? ORDER BY id").param(key).query(String.class).list();
    }
}
