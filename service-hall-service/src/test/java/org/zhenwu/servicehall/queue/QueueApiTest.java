package org.zhenwu.servicehall.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A morning at the hall over real HTTP: tickets, windows calling, recalls, no-shows, transfers, and the race. */
@ZhenwuIntegrationTest
class QueueApiTest {
    static final String LECONG = "440606104";
    static final String BEIJIAO = "440606105";
    static final String HALL = "/api/service-hall";
    private static final AtomicInteger CODES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api clerk(String town) {
        return new Api(port).as(TestTokens.tokenWith("clerk-" + town, town, "行政服务中心", "NONE", "HALL_CLERK"));
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.body().isEmpty() ? null : json.readTree(r.body());
    }

    /** A fresh queue code of two letters, unique in this JVM (A…Z × A…Z is enough for the suite). */
    static String queueCode() {
        int n = CODES.getAndIncrement();
        return "" + (char) ('A' + (n / 26) % 26) + (char) ('A' + n % 26);
    }

    String queue(Api api, String first, String last) {
        String code = queueCode();
        ok(api.post(HALL + "/queues", """
                {"code":"%s","name":"综合受理","firstNumber":%s,"lastNumber":%s}""".formatted(code, first, last)), 201);
        return code;
    }

    String queue(Api api) {
        return queue(api, "1", "999");
    }

    String window(Api api, String... queues) {
        String number = "W" + UUID.randomUUID().toString().substring(0, 8);
        return ok(api.post(HALL + "/windows", """
                {"number":"%s","name":"综合窗口","queues":["%s"]}""".formatted(number, String.join("\",\"", queues))), 201)
                .get("id").asString();
    }

    JsonNode issue(Api api, String queue, String extra) {
        return ok(api.post(HALL + "/tickets", "{\"queue\":\"" + queue + "\"" + extra + "}"), 201);
    }

    Api.Response call(Api api, String window) {
        return api.post(HALL + "/windows/" + window + "/calls", "");
    }

    @Test
    void green_channel_and_appointments_go_first_and_each_window_calls_by_its_profile() {
        Api clerk = clerk(LECONG);
        String general = queue(clerk);
        String social = queue(clerk);
        JsonNode first = issue(clerk, general, "");
        assertThat(first.get("number").asString()).isEqualTo(general + "001");
        assertThat(first.get("ahead").asLong()).isZero();
        JsonNode second = issue(clerk, general, ",\"applicantName\":\"李四\",\"applicantPhone\":\"13800001234\"");
        assertThat(second.get("ahead").asLong()).isEqualTo(1);
        JsonNode booked = issue(clerk, general, ",\"priority\":\"APPOINTMENT\",\"appointmentRef\":\"YY-20261123-08\",\"channel\":\"ONLINE\"");
        JsonNode elderly = issue(clerk, general, ",\"priority\":\"GREEN_CHANNEL\",\"greenChannelReason\":\"ELDERLY\"");
        assertThat(elderly.get("ahead").asLong()).as("goes before everyone").isZero();
        JsonNode pension = issue(clerk, social, "");

        String one = window(clerk, general);
        String two = window(clerk, social, general);
        assertThat(ok(call(clerk, one), 200).get("id").asString()).isEqualTo(elderly.get("id").asString());
        assertThat(ok(call(clerk, two), 200).get("id").asString()).as("its first queue first").isEqualTo(pension.get("id").asString());

        JsonNode served = ok(clerk.post(HALL + "/tickets/" + pension.get("id").asString() + "/arrival", ""), 200);
        assertThat(served.get("status").asString()).isEqualTo("SERVING");
        ok(clerk.post(HALL + "/tickets/" + pension.get("id").asString() + "/completion", ""), 200);
        JsonNode next = ok(call(clerk, two), 200);
        assertThat(next.get("id").asString()).as("then the appointment").isEqualTo(booked.get("id").asString());
        assertThat(next.get("windowId").asString()).isEqualTo(two);
        assertThat(next.get("waitingSeconds").asInt()).isGreaterThanOrEqualTo(0);

        JsonNode terminal = ok(clerk.get(HALL + "/windows/" + two + "/terminal"), 200);
        assertThat(terminal.get("current").get("number").asString()).isEqualTo(booked.get("number").asString());
        assertThat(terminal.get("next").get(0).get("queue").asString()).isEqualTo(social);
        assertThat(terminal.get("next").get(1).get("waiting").asLong()).isEqualTo(2);
        assertThat(terminal.get("next").get(1).get("upcoming").get(0).asString()).isEqualTo(first.get("number").asString());
        assertThat(terminal.get("history").get(0).get("status").asString()).isEqualTo("DONE");
        assertThat(terminal.get("history").get(0).get("serviceSeconds").isNull()).isFalse();

        JsonNode read = ok(clerk.get(HALL + "/tickets/" + second.get("id").asString()), 200);
        assertThat(read.get("ahead").asLong()).isEqualTo(1);
        assertThat(read.get("transitions")).hasSize(1);
        JsonNode queues = ok(clerk.get(HALL + "/queues"), 200);
        assertThat(queues.valueStream().filter(q -> q.get("code").asString().equals(general)).findFirst().orElseThrow()
                .get("waitingToday").asLong()).isEqualTo(2);
    }

    @Test
    void a_called_ticket_becomes_a_no_show_after_three_calls_and_the_window_moves_on() {
        Api clerk = clerk(LECONG);
        String q = queue(clerk);
        String absent = issue(clerk, q, "").get("id").asString();
        String present = issue(clerk, q, "").get("id").asString();
        String w = window(clerk, q);
        ok(call(clerk, w), 200);

        Api.Response early = clerk.post(HALL + "/tickets/" + absent + "/no-show", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.isProblem()).isTrue();
        assertThat(json.readTree(early.body()).get("rule").asString()).isEqualTo("too-few-calls");
        Api.Response busy = call(clerk, w);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(json.readTree(busy.body()).get("rule").asString()).isEqualTo("window-busy");

        ok(clerk.post(HALL + "/tickets/" + absent + "/recalls", ""), 200);
        assertThat(ok(clerk.post(HALL + "/tickets/" + absent + "/recalls", ""), 200).get("callCount").asInt()).isEqualTo(3);
        Api.Response fourth = clerk.post(HALL + "/tickets/" + absent + "/recalls", "");
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(json.readTree(fourth.body()).get("rule").asString()).isEqualTo("call-limit-reached");

        assertThat(ok(call(clerk, w), 200).get("id").asString()).isEqualTo(present);
        JsonNode gone = ok(clerk.get(HALL + "/tickets/" + absent), 200);
        assertThat(gone.get("status").asString()).isEqualTo("NO_SHOW");
        Api.Response late = clerk.post(HALL + "/tickets/" + absent + "/arrival", "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(json.readTree(late.body()).get("currentStatus").asString()).isEqualTo("NO_SHOW");
    }

    @Test
    void a_transferred_ticket_is_called_by_a_window_of_the_other_queue_and_keeps_its_number() {
        Api clerk = clerk(LECONG);
        String general = queue(clerk);
        String tax = queue(clerk);
        String id = issue(clerk, general, "").get("id").asString();
        String front = window(clerk, general);
        String back = window(clerk, tax);
        ok(call(clerk, front), 200);
        ok(clerk.post(HALL + "/tickets/" + id + "/arrival", ""), 200);
        Api.Response nowhere = clerk.post(HALL + "/tickets/" + id + "/transfer", "{\"queue\":\"ZZ\"}");
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.body()).contains("\"field\":\"queue\"");
        JsonNode moved = ok(clerk.post(HALL + "/tickets/" + id + "/transfer", "{\"queue\":\"" + tax + "\",\"note\":\"税务业务\"}"), 200);
        assertThat(moved.get("status").asString()).isEqualTo("WAITING");
        assertThat(ok(clerk.get(HALL + "/windows/" + front + "/terminal"), 200).get("current").isNull()).isTrue();

        JsonNode again = ok(call(clerk, back), 200);
        assertThat(again.get("id").asString()).isEqualTo(id);
        assertThat(again.get("number").asString()).isEqualTo(general + "001");
        assertThat(again.get("transferCount").asInt()).isEqualTo(1);
        assertThat(call(clerk, front).status()).as("nothing left for the front window").isEqualTo(204);
    }

    @Test
    void bad_input_names_the_field_uses_no_number_and_writes_nothing() {
        Api clerk = clerk(LECONG);
        String q = queue(clerk);
        long before = tickets();
        List<String[]> cases = List.of(
                new String[]{"{\"queue\":\"ZZ9\"}", "queue"},
                new String[]{"{\"queue\":\"" + nonexistentQueue() + "\"}", "queue"},
                new String[]{"{\"queue\":\"" + q + "\",\"priority\":\"GREEN_CHANNEL\"}", "greenChannelReason"},
                new String[]{"{\"queue\":\"" + q + "\",\"priority\":\"APPOINTMENT\"}", "appointmentRef"},
                new String[]{"{\"queue\":\"" + q + "\",\"channel\":\"KIOSK\"}", "kioskId"},
                new String[]{"{\"queue\":\"" + q + "\",\"channel\":\"KIOSK\",\"kioskId\":\"" + UUID.randomUUID() + "\"}", "kioskId"},
                new String[]{"{\"queue\":\"" + q + "\",\"priority\":\"VIP\"}", "priority"},
                new String[]{"{\"queue\":\"" + q + "\",\"applicantPhone\":\"call me\"}", "applicantPhone"});
        for (String[] c : cases) {
            Api.Response r = clerk.post(HALL + "/tickets", c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.body()).as(c[0]).contains("\"field\":\"" + c[1] + "\"");
        }
        assertThat(tickets()).isEqualTo(before);
        assertThat(issue(clerk, q, "").get("number").asString()).as("no number was used up").isEqualTo(q + "001");

        Api.Response badWindow = clerk.post(HALL + "/windows", "{\"number\":\"9\",\"name\":\"x\",\"queues\":[\"" + q + "\",\"" + nonexistentQueue() + "\"]}");
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.body()).contains("\"field\":\"queues[1]\"");
        Api.Response twin = clerk.post(HALL + "/queues", "{\"code\":\"" + q + "\",\"name\":\"again\"}");
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.body()).contains("\"field\":\"code\"");
    }

    @Test
    void a_queue_gives_out_only_the_numbers_of_its_range() {
        Api clerk = clerk(LECONG);
        String q = queue(clerk, "500", "501");
        assertThat(issue(clerk, q, "").get("number").asString()).isEqualTo(q + "500");
        assertThat(issue(clerk, q, "").get("number").asString()).isEqualTo(q + "501");
        Api.Response full = clerk.post(HALL + "/tickets", "{\"queue\":\"" + q + "\"}");
        assertThat(full.status()).isEqualTo(409);
        assertThat(json.readTree(full.body()).get("rule").asString()).isEqualTo("number-range-exhausted");
    }

    @Test
    void finishing_a_ticket_that_was_never_called_is_409_with_its_status() {
        Api clerk = clerk(LECONG);
        String id = issue(clerk, queue(clerk), "").get("id").asString();
        Api.Response r = clerk.post(HALL + "/tickets/" + id + "/completion", "");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.isProblem()).isTrue();
        assertThat(json.readTree(r.body()).get("currentStatus").asString()).isEqualTo("WAITING");
        ok(clerk.post(HALL + "/tickets/" + id + "/cancellation", "{\"reason\":\"取错号\"}"), 200);
    }

    @Test
    void other_towns_and_other_roles_are_kept_out() {
        Api clerk = clerk(LECONG);
        String q = queue(clerk);
        String id = issue(clerk, q, "").get("id").asString();
        String w = window(clerk, q);
        Api stranger = clerk(BEIJIAO);
        assertThat(stranger.get(HALL + "/tickets/" + id).status()).isEqualTo(404);
        assertThat(stranger.post(HALL + "/windows/" + w + "/calls", "").status()).isEqualTo(404);
        assertThat(stranger.get(HALL + "/tickets?town=" + LECONG).status()).isEqualTo(403);
        Api office = new Api(port).as(TestTokens.token("office", LECONG, "OFFICE_CLERK"));
        Api.Response notHallStaff = office.post(HALL + "/windows/" + w + "/calls", "");
        assertThat(notHallStaff.status()).isEqualTo(403);
        assertThat(notHallStaff.isProblem()).isTrue();
        assertThat(office.post(HALL + "/tickets", "{\"queue\":\"" + q + "\"}").status()).isEqualTo(403);
        assertThat(office.get(HALL + "/tickets/" + id).status()).as("but may look").isEqualTo(200);
        assertThat(new Api(port).post(HALL + "/tickets", "{\"queue\":\"" + q + "\"}").status()).isEqualTo(401);
        assertThat(new Api(port).get(HALL + "/windows/" + w + "/terminal").status()).isEqualTo(401);
    }

    @Test
    void twenty_windows_calling_at_the_same_instant_never_get_the_same_ticket() throws Exception {
        Api clerk = clerk(BEIJIAO);
        String q = queue(clerk);
        for (int i = 0; i < 30; i++) {
            issue(clerk, q, "");
        }
        List<String> windows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            windows.add(window(clerk, q));
        }
        List<String> first = callAllAtOnce(windows);
        assertThat(first).hasSize(20).doesNotContainNull().doesNotHaveDuplicates();
        for (String id : first) {
            ok(clerk.post(HALL + "/tickets/" + id + "/arrival", ""), 200);
            ok(clerk.post(HALL + "/tickets/" + id + "/completion", ""), 200);
        }
        List<String> second = callAllAtOnce(windows);
        assertThat(second.stream().filter(id -> id != null).toList()).hasSize(10).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(first);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT window_id), COUNT(*) FROM ticket WHERE town_code = ? AND queue_code = ? AND status = 'CALLED'")
                .params(BEIJIAO, q).query((rs, i) -> rs.getLong(1) + "/" + rs.getLong(2)).single()).isEqualTo("10/10");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE town_code = ? AND queue_code = ? AND status = 'WAITING'")
                .params(BEIJIAO, q).query(Long.class).single()).isZero();
    }

    @Test
    void the_call_reads_one_row_in_the_order_of_the_call_index() {
        List<String[]> plan = jdbc.sql("EXPLAIN " + TicketCalls.CLAIM_SQL)
                .params(LECONG, "A", LocalDate.now(WorkingDayCalendar.ZONE))
                .query((rs, i) -> new String[]{rs.getString("key"), String.valueOf(rs.getString("Extra"))}).list();
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0)[0]).isEqualTo("ix_ticket_call");
        assertThat(plan.get(0)[1]).doesNotContain("filesort");
    }

    @Test
    void a_kiosk_is_a_channel_while_it_is_in_service() {
        Api clerk = clerk(LECONG);
        String code = "K-" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode kiosk = ok(clerk.post(HALL + "/kiosks", "{\"code\":\"" + code + "\",\"name\":\"市民之窗\",\"site\":\"良教村委会\"}"), 201);
        String kioskId = kiosk.get("id").asString();
        Api.Response twin = clerk.post(HALL + "/kiosks", "{\"code\":\"" + code + "\",\"name\":\"x\",\"site\":\"y\"}");
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.body()).contains("\"field\":\"code\"");
        String q = queue(clerk);
        JsonNode remote = issue(clerk, q, ",\"channel\":\"KIOSK\",\"kioskId\":\"" + kioskId + "\"");
        assertThat(remote.get("kioskId").asString()).isEqualTo(kioskId);
        assertThat(clerk(BEIJIAO).get(HALL + "/kiosks/" + kioskId).status()).isEqualTo(404);
        assertThat(clerk(BEIJIAO).post(HALL + "/tickets", "{\"queue\":\"" + q + "\",\"channel\":\"KIOSK\",\"kioskId\":\"" + kioskId + "\"}")
                .status()).as("another town's kiosk").isEqualTo(400);

        assertThat(ok(clerk.post(HALL + "/kiosks/" + kioskId + "/retirement", ""), 200).get("active").asBoolean()).isFalse();
        Api.Response retired = clerk.post(HALL + "/tickets", "{\"queue\":\"" + q + "\",\"channel\":\"KIOSK\",\"kioskId\":\"" + kioskId + "\"}");
        assertThat(retired.status()).isEqualTo(400);
        assertThat(retired.body()).contains("\"field\":\"kioskId\"");
    }

    private List<String> callAllAtOnce(List<String> windows) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> calls = new ArrayList<>();
        for (String w : windows) {
            Api api = clerk(BEIJIAO);
            calls.add(() -> {
                start.await();
                Api.Response r = call(api, w);
                assertThat(r.status()).as(r.body()).isIn(200, 204);
                return r.status() == 204 ? null : json.readTree(r.body()).get("id").asString();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(windows.size());
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> c : calls) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<String> got = new ArrayList<>();
            for (Future<String> f : futures) {
                got.add(f.get());
            }
            return got;
        } finally {
            pool.shutdown();
        }
    }

    private String nonexistentQueue() {
        return "ZZ";
    }

    private long tickets() {
        return jdbc.sql("SELECT COUNT(*) FROM ticket").query(Long.class).single();
    }
}
