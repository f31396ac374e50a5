package org.zhenwu.document.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.IntegrationEvent;
import org.zhenwu.contracts.congress.v1.CongressTopics;
import org.zhenwu.contracts.congress.v1.SuggestionAssigned;
import org.zhenwu.contracts.congress.v1.SuggestionReplied;
import org.zhenwu.contracts.congress.v1.SuggestionSubmitted;
import org.zhenwu.contracts.fleet.v1.FleetTopics;
import org.zhenwu.contracts.fleet.v1.TripCompleted;
import org.zhenwu.contracts.hotline.v1.HotlineTopics;
import org.zhenwu.contracts.hotline.v1.WorkOrderClosed;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.contracts.hotline.v1.WorkOrderMerged;
import org.zhenwu.contracts.servicehall.v1.ApplicationAccepted;
import org.zhenwu.contracts.servicehall.v1.ApplicationCompleted;
import org.zhenwu.contracts.servicehall.v1.ApplicationWithdrawn;
import org.zhenwu.contracts.servicehall.v1.ServiceHallTopics;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/**
 * Each figure of the annual summary equals what the owning service reports for the same town and period. The same
 * facts go both ways: into the definition the owning service's figures use (its stats SQL, restated here over the
 * facts, with the source named), and — as the events that service publishes for them — through Kafka into this
 * service's read model. Each service gets its own years, so the tests share the one context without meeting.
 */
class AnnualFiguresMatchTheServicesTest extends ApiTestSupport {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String TOWN = "440606001";
    static final String OTHER = "440606002";

    @Autowired
    KafkaTemplate<String, String> kafka;

    // ---- hotline: HotlineStatsService.stats — COUNT(*) of work_order, accepted_at in [from 00:00, to+1 00:00)
    // Beijing, status <> 'MERGED'; yearOnYearChangePercent = (now − before) × 100 / before, 1 decimal, half up.

    record Order(Instant acceptedAt, String type, boolean merged) {
        Order(Instant acceptedAt, String type) {
            this(acceptedAt, type, false);
        }
    }

    @Test
    void hotline_work_orders_and_their_change_equal_the_hotline_figures() throws Exception {
        int year = 2011;
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            orders.add(new Order(beijing(year, 1 + i % 12, 3 + i % 20, 9), i % 3 == 0 ? "CONSULTATION" : "COMPLAINT"));
        }
        for (int i = 0; i < 17; i++) {
            orders.add(new Order(beijing(year - 1, 1 + (i * 5) % 12, 10, 15), "HELP"));
        }
        // 31 Dec 16:30 UTC is already New Year's Day in Beijing: it belongs to the next year
        orders.add(new Order(Instant.parse((year - 1) + "-12-31T16:30:00Z"), "REPORT"));
        orders.add(new Order(Instant.parse(year + "-12-31T16:30:00Z"), "REPORT"));
        // repeat requests merged (并单) into an earlier order leave the hotline's count: one this year, one last year
        orders.add(new Order(beijing(year, 4, 8, 10), "COMPLAINT", true));
        orders.add(new Order(beijing(year - 1, 6, 8, 10), "HELP", true));

        List<UUID> decrements = new ArrayList<>();
        for (Order o : orders) {
            UUID id = UUID.randomUUID();
            WorkOrderCreated created = WorkOrderCreated.of(TOWN, id, TOWN + "-" + id, o.type(), "PHONE", "城市管理", "NORMAL",
                    LocalDate.ofInstant(o.acceptedAt(), BEIJING).plusDays(5), o.acceptedAt());
            send(HotlineTopics.WORK_ORDER_EVENTS, id, WorkOrderCreated.TYPE, created);
            send(HotlineTopics.WORK_ORDER_EVENTS, id, WorkOrderClosed.TYPE,
                    WorkOrderClosed.of(TOWN, id, o.type(), "SATISFIED", true, o.acceptedAt().plusSeconds(3600)));
            if (orders.indexOf(o) == 0) {
                send(HotlineTopics.WORK_ORDER_EVENTS, id, WorkOrderCreated.TYPE, created); // redelivered
            }
            if (o.merged()) {
                WorkOrderMerged merged = WorkOrderMerged.of(TOWN, id, UUID.randomUUID(), o.type(), o.acceptedAt(),
                        o.acceptedAt().plusSeconds(600));
                send(HotlineTopics.WORK_ORDER_EVENTS, id, WorkOrderMerged.TYPE, merged);
                send(HotlineTopics.WORK_ORDER_EVENTS, id, WorkOrderMerged.TYPE, merged); // redelivered: leaves once
                decrements.add(merged.eventId());
            }
        }
        awaitConsumed(decrements);   // from here on the figures only rise, so reaching the expected value means done

        long now = orders.stream().filter(acceptedIn(year)).filter(o -> !o.merged()).count();
        long before = orders.stream().filter(acceptedIn(year - 1)).filter(o -> !o.merged()).count();
        BigDecimal change = BigDecimal.valueOf((now - before) * 100).divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);

        JsonNode f = awaitFigure(TOWN, year, "hotline.workOrders", now);
        assertThat(f.get("previousYear").asLong()).isEqualTo(before);
        assertThat(f.get("changePercent").decimalValue()).isEqualByComparingTo(change);
        for (int m = 1; m <= 12; m++) {
            int month = m;
            assertThat(f.get("byMonth").get(m - 1).asLong()).as("month " + m)
                    .isEqualTo(orders.stream().filter(acceptedIn(year)).filter(o -> !o.merged())
                            .filter(o -> month(o.acceptedAt()) == month).count());
        }
        assertThat(f.get("breakdown").get("COMPLAINT").asLong()).isEqualTo(orders.stream().filter(acceptedIn(year))
                .filter(o -> !o.merged()).filter(o -> o.type().equals("COMPLAINT")).count());
        JsonNode report = report(TOWN, year);
        assertThat(report.get("hotlineWorkOrders").asLong()).as("the first version's field").isEqualTo(now);
    }

    private static Predicate<Order> acceptedIn(int year) {
        return o -> o.acceptedAt().atZone(BEIJING).getYear() == year;
    }

    // ---- service hall: ServiceHallStatsService — applications with accepted_on in the period (withdrawn left out),
    // completed = of those, status COMPLETED/DELIVERED; completionRate = completed × 100 / accepted, 1 decimal;
    // ranking of every town by accepted desc, completionRate desc, town code; townRank = {rank, of}.

    record Application(String town, LocalDate acceptedOn, String department, LocalDate completedOn, boolean onTime,
                       boolean withdrawn) {
        Application(String town, LocalDate acceptedOn, String department, LocalDate completedOn, boolean onTime) {
            this(town, acceptedOn, department, completedOn, onTime, false);
        }

        boolean counted(String t, int year) {
            return town.equals(t) && acceptedOn.getYear() == year && !withdrawn;
        }
    }

    @Test
    void hall_accepted_completed_rate_and_rank_equal_the_hall_figures() throws Exception {
        int year = 2012;
        List<Application> apps = new ArrayList<>();
        String[] departments = {"市场监管所", "人社分局", "自然资源所"};
        for (int i = 0; i < 14; i++) {
            LocalDate accepted = LocalDate.of(year, 1 + i % 12, 5);
            apps.add(new Application(TOWN, accepted, departments[i % 3], i % 4 == 0 ? null : accepted.plusDays(3), i % 5 != 0));
        }
        // accepted on the last day, completed in the next year: counts as completed in the year it was accepted
        apps.add(new Application(TOWN, LocalDate.of(year, 12, 31), "人社分局", LocalDate.of(year + 1, 1, 4), true));
        for (int i = 0; i < 9; i++) {
            apps.add(new Application(TOWN, LocalDate.of(year - 1, 2 + i, 8), "市场监管所", LocalDate.of(year - 1, 2 + i, 9), true));
        }
        for (int i = 0; i < 20; i++) {
            apps.add(new Application(OTHER, LocalDate.of(year, 3, 1 + i), "市场监管所", LocalDate.of(year, 3, 2 + i), true));
        }
        // withdrawn (撤回) after acceptance: out of the hall's 受理量, so out of the summary's
        apps.add(new Application(TOWN, LocalDate.of(year, 5, 6), "市场监管所", null, false, true));
        apps.add(new Application(TOWN, LocalDate.of(year, 5, 7), "人社分局", null, false, true));
        List<UUID> decrements = new ArrayList<>();
        for (Application a : apps) {
            UUID id = UUID.randomUUID();
            UUID matter = UUID.randomUUID();
            Instant at = a.acceptedOn().atTime(10, 0).atZone(BEIJING).toInstant();
            send(ServiceHallTopics.APPLICATION_EVENTS, id, ApplicationAccepted.TYPE, ApplicationAccepted.of(a.town(), id,
                    a.town() + "-" + id, matter, "M01", "个体工商户登记", a.department(), "WINDOW", a.acceptedOn(),
                    a.acceptedOn().plusDays(5), 5, at));
            if (a.completedOn() != null) {
                send(ServiceHallTopics.APPLICATION_EVENTS, id, ApplicationCompleted.TYPE, ApplicationCompleted.of(a.town(),
                        id, a.town() + "-" + id, matter, "M01", a.department(), "APPROVED", a.acceptedOn(),
                        a.acceptedOn().plusDays(5), a.completedOn(), 3, a.onTime(),
                        a.completedOn().atTime(16, 0).atZone(BEIJING).toInstant()));
            }
            if (a.withdrawn()) {
                ApplicationWithdrawn withdrawn = ApplicationWithdrawn.of(a.town(), id, a.town() + "-" + id, a.department(),
                        a.acceptedOn(), "申请人撤回", at.plusSeconds(7200));
                send(ServiceHallTopics.APPLICATION_EVENTS, id, ApplicationWithdrawn.TYPE, withdrawn);
                decrements.add(withdrawn.eventId());
            }
        }
        // withdrawn while waiting for 补正: never accepted, never counted, nothing to take back
        UUID neverAccepted = UUID.randomUUID();
        send(ServiceHallTopics.APPLICATION_EVENTS, neverAccepted, ApplicationWithdrawn.TYPE, ApplicationWithdrawn.of(TOWN,
                neverAccepted, TOWN + "-" + neverAccepted, "市场监管所", null, "材料无法补齐",
                LocalDate.of(year, 5, 8).atTime(9, 0).atZone(BEIJING).toInstant()));
        awaitConsumed(decrements);   // from here on the figures only rise, so reaching the expected value means done

        long accepted = apps.stream().filter(a -> a.counted(TOWN, year)).count();
        long completed = apps.stream().filter(a -> a.counted(TOWN, year) && a.completedOn() != null).count();
        JsonNode acceptedFigure = awaitFigure(TOWN, year, "hall.accepted", accepted);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(figure(report(TOWN, year), "hall.completed").get("value").asLong()).isEqualTo(completed));
        JsonNode report = report(TOWN, year);
        assertThat(figure(report, "hall.completionRate").get("value").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(completed * 100).divide(BigDecimal.valueOf(accepted), 1, RoundingMode.HALF_UP));
        assertThat(acceptedFigure.get("previousYear").asLong()).isEqualTo(9);
        assertThat(acceptedFigure.get("breakdown").get("市场监管所").asLong())
                .isEqualTo(apps.stream().filter(a -> a.counted(TOWN, year) && a.department().equals("市场监管所")).count());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(figure(report(OTHER, year), "hall.accepted").get("value").asLong()).isEqualTo(20));
        // the hall's ranking over every town of the district, restated
        Map<String, long[]> byTown = new LinkedHashMap<>();
        for (String t : List.of("440606001", "440606002", "440606003", "440606004", "440606100", "440606101",
                "440606102", "440606103", "440606104", "440606105")) {
            byTown.put(t, new long[] {
                    apps.stream().filter(a -> a.counted(t, year)).count(),
                    apps.stream().filter(a -> a.counted(t, year) && a.completedOn() != null).count()});
        }
        List<String> ranked = new ArrayList<>(byTown.keySet());
        ranked.sort(Comparator.<String>comparingLong(t -> byTown.get(t)[0]).reversed()
                .thenComparing(t -> byTown.get(t)[0] == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(byTown.get(t)[1] * 100)
                        .divide(BigDecimal.valueOf(byTown.get(t)[0]), 1, RoundingMode.HALF_UP), Comparator.reverseOrder())
                .thenComparing(t -> t));
        report = report(TOWN, year);
        assertThat(report.get("hallRank").get("rank").asInt()).isEqualTo(ranked.indexOf(TOWN) + 1).isEqualTo(2);
        assertThat(report.get("hallRank").get("of").asInt()).isEqualTo(10);
        assertThat(figure(report, "hall.rank").get("value").asInt()).isEqualTo(2);
    }

    // ---- fleet: AccountingService.stats / CostLedger — trips with status COMPLETED and departed_at in the period
    // (Beijing); km = SUM(return − departure odometer); tripCostYuan = SUM(cost_yuan); changes 1 decimal, half up.

    record Trip(Instant departedAt, long km, BigDecimal cost, String vehicleClass) {
    }

    @Test
    void fleet_trips_km_and_cost_against_last_year_equal_the_fleet_figures() throws Exception {
        int year = 2013;
        List<Trip> trips = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            trips.add(new Trip(beijing(year, 1 + i, 12, 8), 20 + i * 7L, new BigDecimal("58.30").add(BigDecimal.valueOf(i)),
                    i % 2 == 0 ? "GENERAL_OFFICIAL" : "EMERGENCY_SUPPORT"));
        }
        for (int i = 0; i < 15; i++) {
            trips.add(new Trip(beijing(year - 1, 1 + i % 12, 20, 14), 35, new BigDecimal("61.25"), "GENERAL_OFFICIAL"));
        }
        trips.add(new Trip(Instant.parse(year + "-12-31T17:00:00Z"), 50, new BigDecimal("99.99"), "GENERAL_OFFICIAL"));
        for (Trip t : trips) {
            UUID id = UUID.randomUUID();
            send(FleetTopics.TRIP_EVENTS, id, TripCompleted.TYPE, TripCompleted.of(TOWN, id, UUID.randomUUID(), "粤X12345",
                    t.vehicleClass(), "公务", "区政府", t.departedAt(), t.departedAt().plusSeconds(7200), t.km(),
                    new BigDecimal("5.5"), t.cost(), false, t.departedAt().plusSeconds(9000)));
        }
        Predicate<Trip> thisYear = t -> t.departedAt().atZone(BEIJING).getYear() == year;
        Predicate<Trip> lastYear = t -> t.departedAt().atZone(BEIJING).getYear() == year - 1;
        long n = trips.stream().filter(thisYear).count();
        long before = trips.stream().filter(lastYear).count();
        BigDecimal cost = trips.stream().filter(thisYear).map(Trip::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal costBefore = trips.stream().filter(lastYear).map(Trip::cost).reduce(BigDecimal.ZERO, BigDecimal::add);

        JsonNode tripsFigure = awaitFigure(TOWN, year, "fleet.trips", n);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(figure(report(TOWN, year), "fleet.tripCost").get("previousYear").decimalValue())
                        .isEqualByComparingTo(costBefore));
        JsonNode report = report(TOWN, year);
        assertThat(tripsFigure.get("previousYear").asLong()).isEqualTo(before);
        assertThat(tripsFigure.get("changePercent").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(n).subtract(BigDecimal.valueOf(before)).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP));
        assertThat(figure(report, "fleet.km").get("value").asLong())
                .isEqualTo(trips.stream().filter(thisYear).mapToLong(Trip::km).sum());
        JsonNode costFigure = figure(report, "fleet.tripCost");
        assertThat(costFigure.get("value").decimalValue()).isEqualByComparingTo(cost);
        assertThat(costFigure.get("changePercent").decimalValue()).isEqualByComparingTo(
                cost.subtract(costBefore).multiply(BigDecimal.valueOf(100)).divide(costBefore, 1, RoundingMode.HALF_UP));
        assertThat(tripsFigure.get("breakdown").get("EMERGENCY_SUPPORT").asLong()).isEqualTo(6);
    }

    // ---- congress: CongressStatsService.handling — per kind, suggestions with submitted_at in the period:
    // received = COUNT(*), replied = first_replied_at IS NOT NULL, repliedOnTime = first_reply_on_time,
    // onTimeReplyRate = repliedOnTime × 100 / replied. The summary adds SUGGESTION and MOTION, dated by
    // SuggestionSubmitted: also those assigned only next year, or not yet at all.

    record Suggestion(String kind, Instant submittedAt, Instant assignedAt, LocalDate firstReplyOn, Boolean onTime) {
    }

    @Test
    void suggestions_received_and_the_on_time_reply_rate_equal_the_congress_figures() throws Exception {
        int year = 2014;
        List<Suggestion> all = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Instant submitted = beijing(year, 1 + i, 3, 10);
            boolean replied = i < 9;
            all.add(new Suggestion(i % 4 == 0 ? "MOTION" : "SUGGESTION", submitted, submitted.plusSeconds(86_400 * 5),
                    replied ? LocalDate.ofInstant(submitted, BEIJING).plusMonths(2) : null, replied ? i != 3 : null));
        }
        all.add(new Suggestion("SUGGESTION", beijing(year - 1, 6, 1, 9), beijing(year - 1, 6, 8, 9),
                LocalDate.of(year - 1, 8, 1), true));
        all.add(new Suggestion("PROPOSAL", beijing(year, 3, 1, 9), null, LocalDate.of(year, 5, 1), true));
        // submitted at the year's end, assigned (交办) in the next one; and one still waiting for 交办
        all.add(new Suggestion("SUGGESTION", beijing(year, 12, 30, 15), beijing(year + 1, 1, 6, 9), null, null));
        all.add(new Suggestion("MOTION", beijing(year, 11, 20, 15), null, null, null));
        for (Suggestion s : all) {
            UUID id = UUID.randomUUID();
            SuggestionSubmitted submitted = SuggestionSubmitted.of(TOWN, id, s.kind(), "第十七届人大第七次会议",
                    "关于加强河涌整治的建议", s.submittedAt(), s.submittedAt().plusSeconds(60));
            send(CongressTopics.SUGGESTION_EVENTS, id, SuggestionSubmitted.TYPE, submitted);
            send(CongressTopics.SUGGESTION_EVENTS, id, SuggestionSubmitted.TYPE, submitted); // redelivered
            if (s.assignedAt() != null) {
                send(CongressTopics.SUGGESTION_EVENTS, id, SuggestionAssigned.TYPE, SuggestionAssigned.of(TOWN, id,
                        "第十七届人大第七次会议", 1, "关于加强河涌整治的建议", List.of("李文"), "城建办", List.of(),
                        LocalDate.ofInstant(s.assignedAt(), BEIJING).plusMonths(3), s.assignedAt()));
            }
            if (s.firstReplyOn() != null) {
                Instant at = s.firstReplyOn().atTime(11, 0).atZone(BEIJING).toInstant();
                send(CongressTopics.SUGGESTION_EVENTS, id, SuggestionReplied.TYPE, SuggestionReplied.of(TOWN, id, s.kind(),
                        "第十七届人大第七次会议", 1, "城建办", "A", "FIRST", 1, s.firstReplyOn(), s.firstReplyOn(), s.onTime(), at));
                // a re-handled reply later on changes neither the count nor the first reply's timeliness
                send(CongressTopics.SUGGESTION_EVENTS, id, SuggestionReplied.TYPE, SuggestionReplied.of(TOWN, id, s.kind(),
                        "第十七届人大第七次会议", 1, "城建办", "B", "REHANDLED", 2, s.firstReplyOn().plusMonths(1),
                        s.firstReplyOn().plusMonths(1), !s.onTime(), at.plusSeconds(86_400 * 30)));
            }
        }
        Predicate<Suggestion> counted = s -> !s.kind().equals("PROPOSAL") && s.submittedAt().atZone(BEIJING).getYear() == year;
        long received = all.stream().filter(counted).count();
        long replied = all.stream().filter(counted).filter(s -> s.firstReplyOn() != null).count();
        long onTime = all.stream().filter(counted).filter(s -> Boolean.TRUE.equals(s.onTime())).count();

        JsonNode f = awaitFigure(TOWN, year, "congress.suggestionsReceived", received);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(figure(report(TOWN, year), "congress.onTimeReplyRate").get("value").decimalValue())
                        .isEqualByComparingTo(BigDecimal.valueOf(onTime * 100).divide(BigDecimal.valueOf(replied), 1,
                                RoundingMode.HALF_UP)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(figure(report(TOWN, year), "congress.suggestionsReceived").get("previousYear").asLong())
                        .isEqualTo(1));
        assertThat(f.get("breakdown").get("MOTION").asLong()).isEqualTo(4);
    }

    // ---- documents: this service's own /api/documents/stats for the same town and year.

    @Test
    void document_figures_equal_this_services_own_document_figures() {
        int year = 2015;
        Api clerk = clerk(TOWN);
        String code = "大府" + unique() + "发";
        String office = "大府办" + unique() + "发";
        String outgoing = String.join("\n",
                outgoingRow("a1", "DOCUMENT", code + "〔" + year + "〕1号", year + "-03-01T09:00:00", "NONE"),
                outgoingRow("a2", "DOCUMENT", code + "〔" + year + "〕2号", year + "-12-31T23:30:00", "NONE"),
                outgoingRow("a3", "DOCUMENT", office + "〔" + year + "〕1号", year + "-06-01T09:00:00", "SECRET"),
                outgoingRow("a4", "TELEGRAM", "大府" + unique() + "电〔" + year + "〕1号", year + "-07-01T09:00:00", "NONE"),
                outgoingRow("a5", "DOCUMENT", code + "〔" + (year - 1) + "〕9号", (year - 1) + "-05-01T09:00:00", "NONE"));
        ok(importFile(clerk, "/api/documents/outgoing/imports?town=" + TOWN, outgoing, "application/x-ndjson"), 201);
        String incoming = """
                sourceId,kind,channel,sender,originalNumber,documentType,title,secrecyLevel,copyNumber,urgency,receivedAt,status,leadDepartment,deadline,completedAt,result,resultReportedAt
                y1,DOCUMENT,DISTRICT_OA,区政府办公室,顺府办〔Y〕5号,OPINION,关于优化营商环境的意见,,,,Y-02-11T09:00:00,ARCHIVED,经发办,,Y-03-01T17:00:00,已落实,
                y2,DOCUMENT,DISTRICT_OA,区政府办公室,顺府办〔Y〕6号,NOTICE,关于做好防汛工作的通知,,,,Y-04-11T09:00:00,REGISTERED,,,,,
                y3,PETITION,FORWARDED,区纪委,,LETTER,来信一件,,,,Y-04-02T09:00:00,ARCHIVED,城管办,Y-04-30,Y-04-20T10:00:00,已整改,Y-04-22T10:00:00
                y4,DOCUMENT,CONFIDENTIAL_EXCHANGE,区委办公室,顺办〔Y〕2号,NOTICE,某专项工作的通知,SECRET,000007,,Y-06-03T09:00:00,COMPLETED,党政办,,Y-06-20T09:00:00,已办理,
                y5,DOCUMENT,DISTRICT_OA,区政府办公室,顺府办〔P〕1号,NOTICE,上年的通知,,,,P-12-01T09:00:00,REGISTERED,,,,,
                """.replace("Y-", year + "-").replace("〔Y〕", "〔" + year + "〕").replace("P-", (year - 1) + "-")
                .replace("〔P〕", "〔" + (year - 1) + "〕").replace("y1,", "y1" + code + ",").replace("y2,", "y2" + code + ",")
                .replace("y3,", "y3" + code + ",").replace("y4,", "y4" + code + ",").replace("y5,", "y5" + code + ",");
        ok(importFile(clerk, "/api/documents/incoming/imports?town=" + TOWN, incoming, "text/csv"), 201);

        JsonNode stats = ok(clerk.get("/api/documents/stats?from=" + year + "-01-01&to=" + year + "-12-31"));
        JsonNode previous = ok(clerk.get("/api/documents/stats?from=" + (year - 1) + "-01-01&to=" + (year - 1) + "-12-31"));
        JsonNode report = report(TOWN, year);
        assertThat(figure(report, "documents.receivedFromDistrictOa").get("value").asLong())
                .isEqualTo(stats.get("receivedFromDistrictOa").asLong()).isEqualTo(2);
        assertThat(figure(report, "documents.receivedFromDistrictOa").get("previousYear").asLong())
                .isEqualTo(previous.get("receivedFromDistrictOa").asLong()).isEqualTo(1);
        assertThat(figure(report, "documents.issued").get("value").asLong())
                .isEqualTo(stats.get("issued").asLong() - stats.get("telegramsSent").asLong()).isEqualTo(3);
        assertThat(figure(report, "documents.issued").get("previousYear").asLong())
                .isEqualTo(previous.get("issued").asLong() - previous.get("telegramsSent").asLong());
        assertThat(figure(report, "documents.issued").get("breakdown").get(code).asLong())
                .isEqualTo(stats.get("issuedByIssuer").get(code).asLong()).isEqualTo(2);
        assertThat(figure(report, "documents.telegramsSent").get("value").asLong())
                .isEqualTo(stats.get("telegramsSent").asLong()).isEqualTo(1);
        assertThat(figure(report, "documents.petitionsHandled").get("value").asLong())
                .isEqualTo(stats.get("petitionsHandled").asLong()).isEqualTo(1);
        assertThat(figure(report, "documents.classifiedHandled").get("value").asLong())
                .isEqualTo(stats.get("classifiedHandled").asLong()).isEqualTo(2);
        assertThat(figure(report, "documents.received").get("value").asLong()).isEqualTo(stats.get("received").asLong());
        assertThat(figure(report, "documents.issued").get("byMonth").get(11).asLong()).as("23:30 on 31 Dec in Beijing")
                .isEqualTo(1);

        // the office's own records (issue #6) are figures like the rest: see OfficeRecordsInTheSummaryTest
        assertThat(report.get("notYetRecorded")).isEmpty();
        assertThat(figure(report, "legal.opinions").get("status").asString()).isEqualTo("RECORDED");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Waits until the read model has taken these events (its inbox holds their ids). */
    private void awaitConsumed(List<UUID> eventIds) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT COUNT(*) FROM inbox_event WHERE consumer = 'document-service.report' AND event_id IN (:ids)")
                .param("ids", eventIds.stream().map(UUID::toString).toList()).query(Long.class).single())
                .isEqualTo(eventIds.size()));
    }

    private JsonNode awaitFigure(String town, int year, String key, long expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(figure(report(town, year), key).get("value").asLong()).isEqualTo(expected));
        return figure(report(town, year), key);
    }

    JsonNode report(String town, int year) {
        return ok(clerk(town).get("/api/documents/reports/annual?year=" + year));
    }

    static JsonNode figure(JsonNode report, String key) {
        for (JsonNode f : report.get("figures")) {
            if (f.get("key").asString().equals(key)) {
                return f;
            }
        }
        throw new AssertionError("no figure " + key + " in " + report);
    }

    private void send(String topic, UUID key, String type, IntegrationEvent event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), json.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(UTF_8));
        kafka.send(record).get();
    }

    private static Instant beijing(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(BEIJING).toInstant();
    }

    private static int month(Instant at) {
        return at.atZone(BEIJING).getMonthValue();
    }

    private static String outgoingRow(String sourceId, String kind, String number, String distributedAt, String secrecy) {
        return ("{\"sourceId\":\"%s%s\",\"kind\":\"%s\",\"documentType\":\"NOTICE\",\"urgency\":\"%s\",\"title\":\"通知\","
                + "\"secrecyLevel\":\"%s\",\"issuerName\":\"大良街道办事处\",\"documentNumber\":\"%s\",\"mainRecipients\":\"各社区\","
                + "\"signer\":\"主任\",\"signedAt\":\"%s\",\"distributedAt\":\"%s\",\"copies\":\"3\"}")
                .formatted(sourceId, number, kind, kind.equals("TELEGRAM") ? "FLASH" : "NORMAL", secrecy, number,
                        distributedAt, distributedAt);
    }

    static Api.Response importFile(Api api, String path, String body, String type) {
        return api.send(api.request(path).header("Content-Type", type + ";charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
