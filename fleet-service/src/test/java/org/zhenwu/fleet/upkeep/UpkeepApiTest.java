package org.zhenwu.fleet.upkeep;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zhenwu.fleet.FleetFixture.BEIJIAO;
import static org.zhenwu.fleet.FleetFixture.LECONG;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.fleet.v1.AlertRaised;
import org.zhenwu.contracts.fleet.v1.FleetTopics;
import org.zhenwu.fleet.FleetFixture;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Refuels, repairs and insurance at designated providers, and the alerts on a vehicle's use, over real HTTP. */
@ZhenwuIntegrationTest
class UpkeepApiTest {
    static final Instant OCT_10 = Instant.parse("2019-10-10T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UpkeepService upkeep;
    FleetFixture fleet;

    @BeforeEach
    void fixture() {
        fleet = new FleetFixture(port, json);
    }

    @Test
    void a_refuel_only_at_a_designated_station_with_the_vehicles_card_and_an_over_tank_refuel_is_alerted_and_announced() {
        String vehicle = fleet.vehicle(LECONG);
        String card = fleet.fuelCard(LECONG, vehicle);
        String station = fleet.provider(LECONG, "FUEL_STATION");
        String garage = fleet.provider(LECONG, "GARAGE");
        String lapsed = fleet.provider(LECONG, "FUEL_STATION", "2019-01-01", "2019-06-30");
        String elsewhere = fleet.provider(BEIJIAO, "FUEL_STATION");
        long before = refuelCount();

        for (String notDesignated : List.of(garage, lapsed, elsewhere, UUID.randomUUID().toString())) {
            Api.Response refused = fleet.refuel(LECONG, vehicle, notDesignated, card, OCT_10, "40", "300", 48_300);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.isProblem()).isTrue();
            JsonNode problem = fleet.read(refused);
            assertThat(problem.get("type").asString()).endsWith("/fleet/provider-not-designated");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("providerId");
        }
        Api.Response otherCard = fleet.refuel(LECONG, vehicle, station, fleet.fuelCard(LECONG, fleet.vehicle(LECONG)),
                OCT_10, "40", "300", 48_300);
        assertThat(otherCard.status()).isEqualTo(409);
        assertThat(fleet.read(otherCard).get("errors").get(0).get("field").asString()).isEqualTo("fuelCardId");
        assertThat(refuelCount()).as("nothing written").isEqualTo(before);

        JsonNode first = fleet.ok(fleet.refuel(LECONG, vehicle, station, card, OCT_10, "40", "300", 48_300), 201);
        assertThat(first.get("alerts")).isEmpty();
        assertThat(first.get("pricePerLitre").decimalValue()).isEqualByComparingTo("7.50");

        JsonNode overTank = fleet.ok(fleet.refuel(LECONG, vehicle, station, card, OCT_10.plusSeconds(3600), "68", "510",
                48_310), 201);
        assertThat(kinds(overTank.get("alerts"))).contains("OVER_TANK");
        JsonNode listed = fleet.ok(fleet.manager(LECONG).get("/api/fleet/alerts?kind=OVER_TANK&vehicle=" + vehicle), 200);
        assertThat(listed).hasSize(1);
        String alertId = listed.get(0).get("id").asString();
        assertThat(listed.get(0).get("detail").asString()).contains("68.00", "55.0");

        ConsumerRecord<String, String> record = FleetFixture.consumeOne(FleetTopics.ALERT_EVENTS, alertId, null);
        assertThat(new String(record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), UTF_8)).isEqualTo(AlertRaised.TYPE);
        AlertRaised raised = json.readValue(record.value(), AlertRaised.class);
        assertThat(raised.kind()).isEqualTo("OVER_TANK");
        assertThat(raised.vehicleId().toString()).isEqualTo(vehicle);
        assertThat(raised.jurisdiction()).isEqualTo(LECONG);
        assertThat(fleet.ok(fleet.manager(LECONG).get("/api/fleet/vehicles/" + vehicle), 200).get("odometerKm").asLong())
                .isEqualTo(48_310);
    }

    @Test
    void consumption_off_the_norm_a_refuel_without_a_trip_and_a_meter_going_backwards_are_alerted() {
        String vehicle = fleet.vehicle(LECONG, 5, "55", "8.5", 10_000);
        String driver = fleet.driver(LECONG);
        String card = fleet.fuelCard(LECONG, vehicle);
        String station = fleet.provider(LECONG, "FUEL_STATION");
        Instant nov1 = Instant.parse("2019-11-01T00:00:00Z");
        assertThat(refuel(vehicle, station, card, nov1, "40", 10_000)).isEmpty();
        fleet.driven(LECONG, vehicle, driver, nov1.plusSeconds(7200), 10_000, 10_200, true);
        assertThat(refuel(vehicle, station, card, nov1.plusSeconds(86_400), "17", 10_200)).as("8.5 L/100 km").isEmpty();
        fleet.driven(LECONG, vehicle, driver, nov1.plusSeconds(2 * 86_400), 10_200, 10_400, true);
        assertThat(refuel(vehicle, station, card, nov1.plusSeconds(3 * 86_400), "30", 10_400))
                .containsExactly("CONSUMPTION_OFF_NORM");
        assertThat(refuel(vehicle, station, card, nov1.plusSeconds(4 * 86_400), "5", 10_450))
                .containsExactly("REFUEL_WITHOUT_TRIP");
        assertThat(refuel(vehicle, station, card, nov1.plusSeconds(5 * 86_400), "5", 10_300))
                .containsExactly("ODOMETER_BACKWARDS", "REFUEL_WITHOUT_TRIP");
        JsonNode detail = fleet.ok(fleet.leader(LECONG).get("/api/fleet/alerts?kind=CONSUMPTION_OFF_NORM&vehicle=" + vehicle), 200);
        assertThat(detail.get(0).get("detail").asString()).contains("15.00", "8.50", "76%");
    }

    @Test
    void departures_off_the_registers_reading_and_holiday_use_without_a_leaders_approval_are_alerted_once() {
        String backwards = fleet.vehicle(LECONG, 5, "55", "8.5", 20_000);
        // planned for Monday 2019-09-30, it actually leaves on National Day
        String trip = fleet.approved(LECONG, Instant.parse("2019-09-30T01:00:00Z"), Instant.parse("2019-09-30T04:00:00Z"));
        fleet.ok(fleet.dispatch(fleet.manager(LECONG), trip, backwards, fleet.driver(LECONG)), 200);
        fleet.ok(fleet.manager(LECONG).post("/api/fleet/trips/" + trip + "/departure",
                "{\"odometerKm\":19990,\"at\":\"2019-10-01T01:00:00Z\"}"), 200);
        fleet.ok(fleet.manager(LECONG).post("/api/fleet/trips/" + trip + "/return",
                "{\"odometerKm\":20030,\"route\":\"乐从—北滘\",\"at\":\"2019-10-01T05:00:00Z\"}"), 200);
        assertThat(alertKinds(backwards)).containsExactlyInAnyOrder("ODOMETER_BACKWARDS", "HOLIDAY_USE_WITHOUT_APPROVAL");

        String jumped = fleet.vehicle(LECONG, 5, "55", "8.5", 20_000);
        fleet.driven(LECONG, jumped, fleet.driver(LECONG), Instant.parse("2019-10-08T01:00:00Z"), 20_500, 20_540, false);
        assertThat(alertKinds(jumped)).containsExactly("ODOMETER_JUMP");

        String approvedHoliday = fleet.vehicle(LECONG);
        String holidayTrip = fleet.ok(fleet.clerk(LECONG).post("/api/fleet/trips", FleetFixture.plan(
                Instant.parse("2019-10-02T01:00:00Z"), Instant.parse("2019-10-02T05:00:00Z"), 1)), 201).get("id").asString();
        fleet.ok(fleet.leader(LECONG).post("/api/fleet/trips/" + holidayTrip + "/approval", "{\"note\":\"防汛\"}"), 200);
        fleet.ok(fleet.dispatch(fleet.manager(LECONG), holidayTrip, approvedHoliday, fleet.driver(LECONG)), 200);
        fleet.ok(fleet.manager(LECONG).post("/api/fleet/trips/" + holidayTrip + "/departure",
                "{\"odometerKm\":48210,\"at\":\"2019-10-02T01:00:00Z\"}"), 200);
        assertThat(alertKinds(approvedHoliday)).isEmpty();
    }

    @Test
    void repairs_above_the_threshold_wait_for_a_leader_and_insurance_is_taken_with_a_designated_insurer() {
        String vehicle = fleet.vehicle(LECONG);
        String garage = fleet.provider(LECONG, "GARAGE");
        String insurer = fleet.provider(LECONG, "INSURER");
        String repair = """
                {"vehicleId":"%s","providerId":"%s","repairedOn":"2019-10-15","description":"更换刹车片","amountYuan":%s}""";
        JsonNode small = fleet.ok(fleet.manager(LECONG).post("/api/fleet/repairs", repair.formatted(vehicle, garage, "800")), 201);
        assertThat(small.get("status").asString()).isEqualTo("APPROVED");
        JsonNode big = fleet.ok(fleet.manager(LECONG).post("/api/fleet/repairs", repair.formatted(vehicle, garage, "12000")), 201);
        assertThat(big.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        String bigId = big.get("id").asString();
        assertThat(fleet.manager(LECONG).post("/api/fleet/repairs/" + bigId + "/approval", "{}").status()).isEqualTo(403);
        assertThat(fleet.ok(fleet.leader(LECONG).post("/api/fleet/repairs/" + bigId + "/approval", "{\"note\":\"同意\"}"), 200)
                .get("status").asString()).isEqualTo("APPROVED");
        Api.Response again = fleet.leader(LECONG).post("/api/fleet/repairs/" + bigId + "/rejection", "{\"reason\":\"x\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(fleet.read(again).get("currentStatus").asString()).isEqualTo("APPROVED");
        Api.Response atInsurer = fleet.manager(LECONG).post("/api/fleet/repairs", repair.formatted(vehicle, insurer, "800"));
        assertThat(atInsurer.status()).isEqualTo(409);
        assertThat(atInsurer.body()).contains("\"field\":\"providerId\"");

        String policy = """
                {"vehicleId":"%s","providerId":"%s","policyNumber":"%s","kind":"COMPULSORY","startsOn":"%s",
                 "endsOn":"%s","premiumYuan":950}""";
        fleet.ok(fleet.manager(LECONG).post("/api/fleet/insurance-policies",
                policy.formatted(vehicle, insurer, "PDZA2019" + vehicle.substring(0, 8), "2019-03-01", "2020-02-29")), 201);
        Api.Response twin = fleet.manager(LECONG).post("/api/fleet/insurance-policies",
                policy.formatted(vehicle, insurer, "PDZA2019" + vehicle.substring(0, 8), "2019-03-01", "2020-02-29"));
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.body()).contains("\"field\":\"policyNumber\"");
        Api.Response atGarage = fleet.manager(LECONG).post("/api/fleet/insurance-policies",
                policy.formatted(vehicle, garage, "X-" + vehicle, "2019-03-01", "2020-02-29"));
        assertThat(atGarage.status()).isEqualTo(409);
        Api.Response backwards = fleet.manager(LECONG).post("/api/fleet/insurance-policies",
                policy.formatted(vehicle, insurer, "Y-" + vehicle, "2019-03-01", "2019-02-01"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"field\":\"endsOn\"");
        assertThat(fleet.ok(fleet.clerk(LECONG).get("/api/fleet/insurance-policies?vehicle=" + vehicle), 200)).hasSize(1);
        assertThat(fleet.ok(fleet.clerk(LECONG).get("/api/fleet/repairs?vehicle=" + vehicle), 200)).hasSize(2);
    }

    @Test
    void the_expiry_check_raises_one_alert_per_licence_and_per_policy_however_often_it_runs() {
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        String driver = fleet.driver(LECONG, "C1", today.plusDays(10).toString());
        String vehicle = fleet.vehicle(LECONG);
        String renewed = fleet.vehicle(LECONG);
        String insurer = fleet.provider(LECONG, "INSURER", today.minusYears(2).toString(), today.plusYears(2).toString());
        String policy = """
                {"vehicleId":"%s","providerId":"%s","policyNumber":"%s","kind":"COMMERCIAL","startsOn":"%s","endsOn":"%s",
                 "premiumYuan":3200}""";
        fleet.ok(fleet.manager(LECONG).post("/api/fleet/insurance-policies", policy.formatted(vehicle, insurer,
                "E-" + vehicle, today.minusDays(355), today.plusDays(10))), 201);
        fleet.ok(fleet.manager(LECONG).post("/api/fleet/insurance-policies", policy.formatted(renewed, insurer,
                "R1-" + renewed, today.minusDays(355), today.plusDays(10))), 201);
        fleet.ok(fleet.manager(LECONG).post("/api/fleet/insurance-policies", policy.formatted(renewed, insurer,
                "R2-" + renewed, today.plusDays(10), today.plusDays(375))), 201);

        upkeep.checkExpiries();
        upkeep.checkExpiries();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fleet_alert WHERE kind = 'LICENCE_EXPIRING' AND driver_id = ?")
                .param(driver).query(Long.class).single()).isEqualTo(1);
        assertThat(alertKinds(vehicle)).containsExactly("INSURANCE_EXPIRING");
        assertThat(alertKinds(renewed)).as("renewed in time").isEmpty();
    }

    @Test
    void alerts_are_for_the_office_and_are_acknowledged_once() {
        String vehicle = fleet.vehicle(LECONG);
        String card = fleet.fuelCard(LECONG, vehicle);
        String station = fleet.provider(LECONG, "FUEL_STATION");
        fleet.ok(fleet.refuel(LECONG, vehicle, station, card, OCT_10, "60", "450", 48_300), 201);
        String alert = fleet.ok(fleet.manager(LECONG).get("/api/fleet/alerts?vehicle=" + vehicle), 200).get(0).get("id").asString();

        assertThat(fleet.clerk(LECONG).get("/api/fleet/alerts").status()).isEqualTo(403);
        assertThat(fleet.manager(BEIJIAO).get("/api/fleet/alerts?town=" + LECONG).status()).isEqualTo(403);
        assertThat(fleet.manager(BEIJIAO).post("/api/fleet/alerts/" + alert + "/acknowledgement", "{}").status()).isEqualTo(404);
        assertThat(new Api(port).get("/api/fleet/alerts").status()).isEqualTo(401);
        assertThat(fleet.leader(LECONG).post("/api/fleet/alerts/" + alert + "/acknowledgement", "{\"note\":\"已核实, 加油票据有误\"}")
                .status()).isEqualTo(204);
        assertThat(fleet.ok(fleet.manager(LECONG).get("/api/fleet/alerts?open=true&vehicle=" + vehicle), 200)).isEmpty();
        JsonNode done = fleet.ok(fleet.manager(LECONG).get("/api/fleet/alerts?vehicle=" + vehicle), 200).get(0);
        assertThat(done.get("acknowledgedBy").asString()).isEqualTo("leader-" + LECONG);
        assertThat(fleet.district().get("/api/fleet/alerts?town=" + LECONG).body()).contains(alert);
    }

    @Test
    void bad_refuels_and_providers_name_the_field_and_write_nothing() {
        String vehicle = fleet.vehicle(LECONG);
        String card = fleet.fuelCard(LECONG, vehicle);
        String station = fleet.provider(LECONG, "FUEL_STATION");
        long before = refuelCount();
        assertField(fleet.refuel(LECONG, vehicle, station, card, OCT_10, "0", "300", 1), "litres");
        assertField(fleet.refuel(LECONG, vehicle, station, card, OCT_10, "40", "-1", 1), "amountYuan");
        assertField(fleet.refuel(LECONG, vehicle, station, card, Instant.now().plusSeconds(86_400), "40", "300", 1), "refuelledAt");
        assertField(fleet.refuel(LECONG, UUID.randomUUID().toString(), station, card, OCT_10, "40", "300", 1), "vehicleId");
        assertField(fleet.manager(LECONG).post("/api/fleet/refuels", "{\"vehicleId\":\"" + vehicle + "\"}"), "providerId");
        assertThat(refuelCount()).isEqualTo(before);

        assertField(fleet.manager(LECONG).post("/api/fleet/providers",
                "{\"kind\":\"GARAGE\",\"name\":\"顺德汽修\",\"contractFrom\":\"2019-06-01\",\"contractTo\":\"2019-01-01\"}"), "contractTo");
        assertField(fleet.manager(LECONG).post("/api/fleet/providers",
                "{\"kind\":\"BAKERY\",\"name\":\"x\",\"contractFrom\":\"2019-06-01\",\"contractTo\":\"2020-01-01\"}"), "kind");
        assertThat(fleet.clerk(LECONG).post("/api/fleet/providers",
                "{\"kind\":\"GARAGE\",\"name\":\"x\",\"contractFrom\":\"2019-06-01\",\"contractTo\":\"2020-01-01\"}").status()).isEqualTo(403);
        JsonNode terminated = fleet.ok(fleet.manager(LECONG).post("/api/fleet/providers/" + station + "/termination",
                "{\"on\":\"2019-10-01\",\"reason\":\"合同提前终止\"}"), 200);
        assertThat(terminated.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(fleet.refuel(LECONG, vehicle, station, card, OCT_10, "40", "300", 48_300).status()).isEqualTo(409);
        assertThat(fleet.manager(BEIJIAO).get("/api/fleet/providers/" + station).status()).isEqualTo(404);
    }

    private List<String> refuel(String vehicle, String station, String card, Instant at, String litres, long km) {
        return kinds(fleet.ok(fleet.refuel(LECONG, vehicle, station, card, at, litres, "100", km), 201).get("alerts"));
    }

    private List<String> alertKinds(String vehicle) {
        return jdbc.sql("SELECT kind FROM fleet_alert WHERE vehicle_id = ? ORDER BY kind").param(vehicle)
                .query(String.class).list();
    }

    private static List<String> kinds(JsonNode array) {
        List<String> kinds = new ArrayList<>();
        array.forEach(k -> kinds.add(k.asString()));
        return kinds;
    }

    private long refuelCount() {
        return jdbc.sql("SELECT COUNT(*) FROM refuel").query(Long.class).single();
    }

    private static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }
}
