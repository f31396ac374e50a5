package org.zhenwu.document.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhenwu.contracts.document.v1.MeetingCancelled;
import org.zhenwu.contracts.document.v1.MeetingTransportRequested;
import org.zhenwu.contracts.document.v1.SupervisionCompleted;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** 办会 over real HTTP, Kafka and MariaDB: the acceptance walk, double booking under concurrency, the refusals. */
class MeetingApiTest extends ApiTestSupport {
    static final String TOWN = "440606104";
    static final String OTHER_TOWN = "440606105";
    static final String BASE = "/api/documents/meetings";
    /** Each test books its own days, well ahead. */
    private static final AtomicInteger DAYS = new AtomicInteger(60);

    @Autowired
    MeetingFigures figures;

    @Test
    void a_new_user_schedules_a_meeting_that_produces_minutes_and_two_supervision_tasks() {
        Api clerk = as("new-clerk-" + unique(), TOWN, "党政办", "NONE", "OFFICE_CLERK");
        String room = room(clerk, 20);
        Instant start = slot();
        JsonNode planned = ok(clerk.post(BASE, """
                {"type":"PARTY_COMMITTEE","title":"镇党委会（防汛专题）","host":"书记",
                 "agenda":["研究防汛物资储备","部署堤围巡查"],
                 "attendees":[{"name":"李明","unit":"镇领导"},{"name":"陈华","unit":"农业办"},{"name":"王强","unit":"城管办"}],
                 "startsAt":"%s","endsAt":"%s","roomId":"%s",
                 "transport":{"pickupPlace":"镇政府大院","destination":"荷村防洪堤","passengers":["李明","陈华"],
                              "passengerCount":3,"contactName":"王芳","contactPhone":"0757-28880000"}}"""
                .formatted(start, start.plus(2, ChronoUnit.HOURS), room)), 201);
        String id = planned.get("id").asString();
        String path = BASE + "/" + id;
        assertThat(planned.get("status").asString()).isEqualTo("PLANNED");
        assertThat(planned.get("agenda").get(1).asString()).isEqualTo("部署堤围巡查");

        MeetingTransportRequested transport = outboxEvent(id, MeetingTransportRequested.TYPE,
                MeetingTransportRequested.class);
        assertThat(transport.jurisdiction()).isEqualTo(TOWN);
        assertThat(transport.destination()).isEqualTo("荷村防洪堤");
        assertThat(transport.passengerCount()).isEqualTo(3);
        assertThat(transport.startsAt()).isEqualTo(start);

        ok(clerk.post(path + "/notice", "{\"notice\":\"请于会前十分钟到场\"}"));
        JsonNode held = ok(clerk.post(path + "/holding", ""));
        JsonNode attendees = held.get("attendees");
        ok(clerk.post(path + "/attendees/" + attendees.get(0).get("id").asLong() + "/sign-in", ""));
        ok(clerk.post(path + "/attendees/" + attendees.get(1).get("id").asLong() + "/sign-in", ""));
        Api.Response twice = clerk.post(path + "/attendees/" + attendees.get(1).get("id").asLong() + "/sign-in", "");
        assertProblem(twice, 409, null);
        assertThat(twice.body()).contains("already-signed-in");
        JsonNode excused = ok(clerk.post(path + "/attendees/" + attendees.get(2).get("id").asLong() + "/leave",
                "{\"reason\":\"区里开会\"}"));
        assertThat(excused.get("attendance").toString())
                .isEqualTo("{\"invited\":3,\"signedIn\":2,\"onLeave\":1,\"absent\":0}");

        JsonNode minuted = ok(clerk.post(path + "/minutes", """
                {"text":"会议研究了防汛工作。","decisions":[
                  {"content":"五月底前完成防汛物资补充","ownerDepartment":"农业办","deadlineWorkingDays":10},
                  {"content":"每日巡查堤围并报告","ownerDepartment":"城管办","coDepartments":["农业办"],
                   "deadlineWorkingDays":5}]}"""));
        assertThat(minuted.get("status").asString()).isEqualTo("MINUTED");
        String document = minuted.get("minutesDocumentId").asString();
        JsonNode draft = ok(clerk.get("/api/documents/outgoing/" + document));
        assertThat(draft.get("status").asString()).isEqualTo("DRAFTING");
        assertThat(draft.get("elements").get("documentType").asString()).isEqualTo("MINUTES");
        assertThat(draft.get("elements").get("title").asString()).isEqualTo("镇党委会（防汛专题）纪要");
        assertThat(draft.get("elements").get("body").asString()).contains("会议研究了防汛工作。", "1. 五月底前完成防汛物资补充");

        assertThat(minuted.get("decisions")).hasSize(2);
        List<String> owners = new ArrayList<>();
        for (JsonNode d : minuted.get("decisions")) {
            JsonNode task = ok(clerk.get("/api/documents/supervision/" + d.get("supervisionTaskId").asString()));
            assertThat(task.get("origin").asString()).isEqualTo("MEETING_DECISION");
            assertThat(task.get("originType").asString()).isEqualTo(SupervisionCompleted.ORIGIN_MEETING_DECISION);
            assertThat(task.get("originId").asString()).isEqualTo(id);
            assertThat(task.get("status").asString()).isEqualTo("ASSIGNED");
            owners.add(task.get("ownerDepartment").asString());
        }
        assertThat(owners).containsExactly("农业办", "城管办");
        assertThat(ok(handler(TOWN, "城管办").get("/api/documents/supervision?origin=MEETING_DECISION&size=200"))
                .toString())
                .contains(minuted.get("decisions").get(1).get("supervisionTaskId").asString());
        assertProblem(clerk.post(path + "/cancellation", "{\"reason\":\"x\"}"), 409, null);
    }

    @Test
    void simultaneous_bookings_of_one_slot_give_exactly_one_meeting_and_409s_for_the_rest() throws Exception {
        Api clerk = clerk(TOWN);
        String room = room(clerk, 30);
        Instant start = slot();
        int n = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Api.Response> responses = new ArrayList<>();
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // every window overlaps every other: all cover start + 50 min .. start + 60 min
                Instant from = start.plus(i * 5L, ChronoUnit.MINUTES);
                String body = meeting("工作会议" + i, from, from.plus(1, ChronoUnit.HOURS), room);
                futures.add(pool.submit(() -> {
                    go.await();
                    return clerk.post(BASE, body);
                }));
            }
            go.countDown();
            for (Future<Api.Response> f : futures) {
                responses.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(responses.stream().filter(r -> r.status() == 201).count()).isEqualTo(1);
        responses.stream().filter(r -> r.status() == 409).forEach(r -> {
            assertThat(r.isProblem()).isTrue();
            assertThat(r.body()).contains("room-double-booked", "conflictingMeetings");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting WHERE room_id = ?").param(room).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void cancelling_frees_the_room_and_is_announced_and_rescheduling_checks_the_room_again() {
        Api clerk = clerk(TOWN);
        String room = room(clerk, 10);
        Instant start = slot();
        Instant end = start.plus(1, ChronoUnit.HOURS);
        String first = ok(clerk.post(BASE, meeting("周例会", start, end, room)), 201).get("id").asString();
        Instant later = end.plus(1, ChronoUnit.HOURS);
        String second = ok(clerk.post(BASE, meeting("专题会", later, later.plus(1, ChronoUnit.HOURS), room)), 201)
                .get("id").asString();
        assertProblem(clerk.post(BASE, meeting("又一个会", start.plus(30, ChronoUnit.MINUTES), end, room)), 409, null);

        ok(clerk.post(BASE + "/" + second + "/notice", "{\"notice\":\"通知\"}"));
        Api.Response clash = clerk.post(BASE + "/" + second + "/rescheduling",
                "{\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"roomId\":\"%s\"}".formatted(start, end, room));
        assertProblem(clash, 409, null);
        assertThat(clash.body()).contains(first);
        JsonNode moved = ok(clerk.post(BASE + "/" + second + "/rescheduling",
                "{\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"roomId\":\"%s\",\"reason\":\"书记出差\"}"
                        .formatted(later.plus(1, ChronoUnit.DAYS), later.plus(26, ChronoUnit.HOURS), room)));
        assertThat(moved.get("status").asString()).as("a new time needs a new notice").isEqualTo("PLANNED");

        JsonNode cancelled = ok(clerk.post(BASE + "/" + first + "/cancellation", "{\"reason\":\"台风停会\"}"));
        assertThat(cancelled.get("cancelReason").asString()).isEqualTo("台风停会");
        MeetingCancelled event = outboxEvent(first, MeetingCancelled.TYPE, MeetingCancelled.class);
        assertThat(event.reason()).isEqualTo("台风停会");
        assertThat(event.transportRequested()).isFalse();
        ok(clerk.post(BASE, meeting("改在此时", start, end, room)), 201);
        assertProblem(clerk.post(BASE + "/" + first + "/notice", "{\"notice\":\"x\"}"), 409, null);
    }

    @Test
    void bad_input_wrong_roles_other_towns_and_illegal_moves_are_refused_and_nothing_is_half_written() {
        Api clerk = clerk(TOWN);
        String room = room(clerk, 2);
        Instant start = slot();
        Instant end = start.plus(1, ChronoUnit.HOURS);
        long before = count("meeting");
        assertProblem(clerk.post(BASE, meeting("", start, end, room)), 400, "title");
        assertProblem(clerk.post(BASE, meeting("x", end, start, room)), 400, "endsAt");
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
        assertProblem(clerk.post(BASE, meeting("x", yesterday, end, room)), 400, "startsAt");
        assertProblem(clerk.post(BASE, meeting("x", start, end, UUID.randomUUID().toString())), 400, "roomId");
        assertProblem(clerk.post(BASE, meeting("x", start, end, room(clerk(OTHER_TOWN), 50))), 400, "roomId");
        assertProblem(clerk.post(BASE, """
                {"type":"OTHER","title":"x","host":"h","startsAt":"%s","endsAt":"%s","roomId":"%s",
                 "attendees":[{"name":"a"},{"name":"b"},{"name":"c"}]}""".formatted(start, end, room)), 400, "roomId");
        assertProblem(clerk.post(BASE, "{\"type\":\"NOPE\",\"title\":\"x\",\"host\":\"h\"}"), 400, null);
        assertProblem(handler(TOWN, "农业办").post(BASE, meeting("x", start, end, room)), 403, null);
        assertProblem(clerk.post(BASE + "/rooms", "{\"name\":\"\",\"seats\":0}"), 400, null);
        assertThat(count("meeting")).isEqualTo(before);

        String id = ok(clerk.post(BASE, meeting("x", start, end, room)), 201).get("id").asString();
        String path = BASE + "/" + id;
        assertProblem(clerk(OTHER_TOWN).get(path), 404, null);
        assertProblem(handler(TOWN, "农业办").get(path), 403, null);
        assertThat(ok(district().get(path)).get("town").asString()).isEqualTo(TOWN);
        Api.Response early = clerk.post(path + "/holding", "");
        assertProblem(early, 409, null);
        assertThat(json.readTree(early.body()).get("currentStatus").asString()).isEqualTo("PLANNED");
        assertProblem(clerk.post(path + "/minutes", "{\"text\":\"x\"}"), 409, null);
        ok(clerk.post(path + "/notice", "{\"notice\":\"n\"}"));
        JsonNode held = ok(clerk.post(path + "/holding", ""));
        assertProblem(clerk.post(path + "/attendees/99999999/sign-in", ""), 404, null);
        assertThat(held.get("attendees")).isEmpty();

        long drafts = jdbc.sql("SELECT COUNT(*) FROM outgoing_document WHERE town_code = ?").param(TOWN)
                .query(Long.class).single();
        long tasks = count("supervision_task");
        assertProblem(clerk.post(path + "/minutes", """
                {"text":"纪要","decisions":[{"content":"a","ownerDepartment":"农业办","deadlineWorkingDays":3},
                                            {"content":"b","ownerDepartment":"城管办"}]}"""),
                400, "decisions[1].deadline");
        assertProblem(leader(TOWN, "leader-" + unique()).post(path + "/minutes", "{\"text\":\"纪要\"}"), 403, null);
        assertProblem(clerk.post(path + "/minutes", "{\"text\":\"\"}"), 400, "text");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outgoing_document WHERE town_code = ?").param(TOWN)
                .query(Long.class).single()).as("no 纪要 draft left behind").isEqualTo(drafts);
        assertThat(count("supervision_task")).isEqualTo(tasks);
        assertThat(ok(clerk.get(path)).get("status").asString()).isEqualTo("HELD");
        assertThat(anonymous().get(BASE).status()).isEqualTo(401);
    }

    @Test
    void past_meetings_are_imported_once_and_count_in_the_figures_as_the_stats_say() {
        String town = "440606003";
        Api clerk = clerk(town);
        String csv = """
                sourceId,type,title,host,startsAt,endsAt,place,agenda,attendees,onLeave,status,cancelReason
                m1,PARTY_COMMITTEE,2011年第1次党委会,书记,2011-01-10T09:00:00,2011-01-10T11:00:00,第一会议室,议题一;议题二,甲;乙;丙,丙,MINUTED,
                m2,PARTY_COMMITTEE,2011年第5次党委会,书记,2011-03-02T09:00:00,2011-03-02T11:00:00,第一会议室,,甲;乙,,HELD,
                m3,WORK_MEETING,全镇安全生产会,镇长,2011-03-20T14:30:00,2011-03-20T16:00:00,礼堂,,,,MINUTED,
                m4,WORK_MEETING,取消的会,镇长,2011-04-01T09:00:00,2011-04-01T10:00:00,礼堂,,,,CANCELLED,改期
                """;
        JsonNode first = ok(importCsv(clerk, BASE + "/imports", csv), 201);
        assertThat(first.get("imported").asInt()).isEqualTo(4);
        assertThat(ok(importCsv(clerk, BASE + "/imports", csv), 201).get("skipped").asInt()).isEqualTo(4);

        long before = count("meeting");
        Api.Response bad = importCsv(clerk, BASE + "/imports", """
                sourceId,type,title,host,startsAt,endsAt,place,status
                n1,PARTY_COMMITTEE,ok,书记,2011-05-10T09:00:00,2011-05-10T11:00:00,第一会议室,MINUTED
                n2,NOPE,bad,书记,2011-05-10T09:00:00,2011-05-10T08:00:00,,PLANNED
                """);
        assertProblem(bad, 400, null);
        assertThat(bad.body()).contains("line 3: type", "line 3: endsAt", "line 3: place", "line 3: status");
        assertThat(count("meeting")).isEqualTo(before);
        assertProblem(handler(town, "农业办").send(handler(town, "农业办").request(BASE + "/imports")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv))), 403, null);

        Map<String, long[]> months = figures.monthly(List.of(town), 2011);
        assertThat(months.keySet()).containsExactly("meetings.held", "meetings.partyCommittee", "meetings.decisions",
                "research.visits", "research.tasks");
        assertThat(months.get("meetings.held")).containsExactly(1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(months.get("meetings.partyCommittee")).containsExactly(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        JsonNode stats = ok(clerk.get(BASE + "/stats?year=2011"));
        assertThat(stats.get("totals").get("meetings.held").asLong()).isEqualTo(3);
        assertThat(stats.get("totals").get("meetings.partyCommittee").asLong()).isEqualTo(2);
        assertThat(stats.get("totals").get("meetings.decisions").asLong()).isZero();
        assertThat(stats.get("meetingsByType").get("WORK_MEETING").asLong()).isEqualTo(1);
        for (String key : months.keySet()) {
            long sum = 0;
            for (long v : months.get(key)) {
                sum += v;
            }
            assertThat(stats.get("totals").get(key).asLong()).as(key).isEqualTo(sum);
        }
        assertProblem(clerk.get(BASE + "/stats?year=2011&town=" + TOWN), 403, null);
        JsonNode imported = ok(clerk.get(BASE + "?status=MINUTED&size=200"));
        assertThat(imported.toString()).contains("2011年第1次党委会");
    }

    @Test
    void decisions_of_held_meetings_count_in_the_month_of_the_meeting() {
        String town = "440606004";
        Api clerk = clerk(town);
        Instant start = slot();
        int year = start.atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        int month = start.atZone(java.time.ZoneId.of("Asia/Shanghai")).getMonthValue() - 1;
        Map<String, long[]> before = figures.monthly(List.of(town), year);
        String id = ok(clerk.post(BASE, """
                {"type":"GOVERNMENT_EXECUTIVE","title":"政府常务会","host":"镇长","startsAt":"%s","endsAt":"%s",
                 "place":"三楼会议室"}""".formatted(start, start.plus(1, ChronoUnit.HOURS))), 201).get("id").asString();
        ok(clerk.post(BASE + "/" + id + "/notice", "{\"notice\":\"n\"}"));
        ok(clerk.post(BASE + "/" + id + "/holding", ""));
        ok(clerk.post(BASE + "/" + id + "/minutes", """
                {"text":"纪要","decisions":[{"content":"a","ownerDepartment":"经发办","deadlineWorkingDays":3},
                                            {"content":"b","ownerDepartment":"经发办","deadlineWorkingDays":4},
                                            {"content":"c","ownerDepartment":"财政办","deadlineWorkingDays":5}]}"""));
        Map<String, long[]> after = figures.monthly(List.of(town), year);
        assertThat(after.get("meetings.held")[month] - before.get("meetings.held")[month]).isEqualTo(1);
        assertThat(after.get("meetings.decisions")[month] - before.get("meetings.decisions")[month]).isEqualTo(3);
        assertThat(after.get("meetings.partyCommittee")[month] - before.get("meetings.partyCommittee")[month]).isZero();
    }

    private String room(Api clerk, int seats) {
        return ok(clerk.post(BASE + "/rooms", "{\"name\":\"会议室-%s\",\"seats\":%d,\"location\":\"镇政府三楼\"}"
                .formatted(unique(), seats)), 201).get("id").asString();
    }

    private static String meeting(String title, Instant start, Instant end, String room) {
        return """
                {"type":"WORK_MEETING","title":"%s","host":"镇长","startsAt":"%s","endsAt":"%s","roomId":"%s"}"""
                .formatted(title, start, end, room);
    }

    /** 10:00 Beijing time on a day of its own, months ahead. */
    private static Instant slot() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(DAYS.getAndAdd(3), ChronoUnit.DAYS)
                .plus(2, ChronoUnit.HOURS);
    }

    private <E> E outboxEvent(String key, String type, Class<E> as) {
        String payload = jdbc.sql(
                        "SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ? ORDER BY id")
                .params(key, type).query(String.class).list().get(0);
        return json.readValue(payload, as);
    }

    private static Api.Response importCsv(Api api, String path, String body) {
        return api.send(api.request(path).header("Content-Type", "text/csv;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
