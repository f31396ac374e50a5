package org.zhenwu.fleet.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.fleet.FleetFixture;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 单车核算, the fleet figures, and a town's earlier years brought in by the historical import. */
@ZhenwuIntegrationTest
class AccountingAndImportTest {
    /** 陈村镇 and 均安镇: no other test class writes trips or costs there, so their figures are exact. */
    static final String CHENCUN = "440606100";
    static final String JUNAN = "440606101";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    FleetFixture fleet;

    @BeforeEach
    void fixture() {
        fleet = new FleetFixture(port, json);
    }

    @Test
    void per_vehicle_accounts_add_fuel_repairs_insurance_and_tolls_per_km_month_and_year_against_last_year() {
        String vehicle = fleet.vehicle(JUNAN);
        String idle = fleet.vehicle(JUNAN);
        String driver = fleet.driver(JUNAN);
        String card = fleet.fuelCard(JUNAN, vehicle);
        String station = fleet.provider(JUNAN, "FUEL_STATION");
        String garage = fleet.provider(JUNAN, "GARAGE");
        String insurer = fleet.provider(JUNAN, "INSURER");
        // 2019: one refuel
        fleet.ok(fleet.refuel(JUNAN, vehicle, station, card, Instant.parse("2019-06-03T02:00:00Z"), "30", "200", 48_210), 201);
        // 2020: two settled trips of 100 km with 15 yuan tolls each, two refuels, two repairs (one waits), insurance
        fleet.driven(JUNAN, vehicle, driver, Instant.parse("2020-01-08T01:00:00Z"), 48_210, 48_310, true);
        fleet.ok(fleet.refuel(JUNAN, vehicle, station, card, Instant.parse("2020-01-09T02:00:00Z"), "40", "300", 48_310), 201);
        fleet.driven(JUNAN, vehicle, driver, Instant.parse("2020-04-08T01:00:00Z"), 48_310, 48_410, true);
        fleet.ok(fleet.refuel(JUNAN, vehicle, station, card, Instant.parse("2020-04-09T02:00:00Z"), "40", "300", 48_410), 201);
        String repair = """
                {"vehicleId":"%s","providerId":"%s","repairedOn":"%s","description":"保养","amountYuan":%s}""";
        fleet.ok(fleet.manager(JUNAN).post("/api/fleet/repairs", repair.formatted(vehicle, garage, "2020-03-05", "800")), 201);
        fleet.ok(fleet.manager(JUNAN).post("/api/fleet/repairs", repair.formatted(vehicle, garage, "2020-03-06", "12000")), 201);
        fleet.ok(fleet.manager(JUNAN).post("/api/fleet/insurance-policies", """
                {"vehicleId":"%s","providerId":"%s","policyNumber":"JA-2020-%s","kind":"COMPULSORY","startsOn":"2020-03-01",
                 "endsOn":"2021-02-28","premiumYuan":950}""".formatted(vehicle, insurer, vehicle.substring(0, 6))), 201);

        JsonNode accounts = fleet.ok(fleet.clerk(JUNAN).get("/api/fleet/accounts?from=2020-01-01&to=2020-12-31"), 200);
        JsonNode line = vehicleLine(accounts, vehicle);
        JsonNode costs = line.get("costs");
        assertThat(costs.get("trips").asLong()).isEqualTo(2);
        assertThat(costs.get("km").asLong()).isEqualTo(200);
        assertThat(costs.get("fuelLitres").decimalValue()).isEqualByComparingTo("80");
        assertThat(costs.get("fuelYuan").decimalValue()).isEqualByComparingTo("600");
        assertThat(costs.get("repairYuan").decimalValue()).as("the repair waiting for approval does not count").isEqualByComparingTo("800");
        assertThat(costs.get("insuranceYuan").decimalValue()).isEqualByComparingTo("950");
        assertThat(costs.get("tollsYuan").decimalValue()).isEqualByComparingTo("30");
        assertThat(line.get("totalYuan").decimalValue()).isEqualByComparingTo("2380");
        assertThat(line.get("yuanPerKm").decimalValue()).isEqualByComparingTo("11.90");
        assertThat(line.get("litresPer100Km").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(line.get("previousYearTotalYuan").decimalValue()).isEqualByComparingTo("200");
        assertThat(line.get("changePercent").decimalValue()).isEqualByComparingTo("1090.0");
        assertThat(vehicleLine(accounts, idle).get("totalYuan").decimalValue()).as("in service, no costs").isZero();
        assertThat(accounts.get("totalYuan").decimalValue()).isEqualByComparingTo("2380");

        JsonNode year = fleet.ok(fleet.clerk(JUNAN).get("/api/fleet/vehicles/" + vehicle + "/accounts?year=2020"), 200);
        assertThat(year.get("months")).hasSize(12);
        assertThat(year.get("months").get(0).get("totalYuan").decimalValue()).isEqualByComparingTo("315");   // 300 fuel + 15 tolls
        assertThat(year.get("months").get(2).get("totalYuan").decimalValue()).isEqualByComparingTo("1750");  // 800 + 950
        assertThat(year.get("months").get(3).get("costs").get("km").asLong()).isEqualTo(100);
        assertThat(year.get("totalYuan").decimalValue()).isEqualByComparingTo("2380");
        assertThat(year.get("previousYearTotalYuan").decimalValue()).isEqualByComparingTo("200");

        JsonNode stats = fleet.ok(fleet.leader(JUNAN).get("/api/fleet/stats?from=2020-01-01&to=2020-12-31"), 200);
        assertThat(stats.get("trips").asLong()).isEqualTo(2);
        assertThat(stats.get("km").asLong()).isEqualTo(200);
        assertThat(stats.get("totalCostYuan").decimalValue()).isEqualByComparingTo("2380");
        assertThat(stats.get("previousYearTotalCostYuan").decimalValue()).isEqualByComparingTo("200");
        assertThat(stats.get("monthlyTrend")).hasSize(12);
        assertThat(stats.get("monthlyTrend").get(3).get("month").asString()).isEqualTo("2020-04");
        assertThat(stats.get("monthlyTrend").get(3).get("totalYuan").decimalValue()).isEqualByComparingTo("315");
        assertThat(stats.get("vehiclesInService").asLong()).isEqualTo(2);

        assertThat(fleet.clerk(FleetFixture.LECONG).get("/api/fleet/vehicles/" + vehicle + "/accounts").status()).isEqualTo(404);
    }

    static final String EARLIER_YEARS = String.join("\n",
            "{\"sourceId\":\"cc-2019-001\",\"plate\":\"%1$s\",\"driverLicence\":\"%2$s\",\"requesterName\":\"黄敏\",\"purpose\":\"防汛检查\",\"destination\":\"陈村镇赤花村\",\"passengerCount\":2,\"status\":\"COMPLETED\",\"departedAt\":\"2019-06-12T08:30:00\",\"departureOdometerKm\":30000,\"returnedAt\":\"2019-06-12T11:30:00\",\"returnOdometerKm\":30042,\"route\":\"镇政府—赤花村—镇政府\",\"tollsYuan\":\"0\",\"fuelLitres\":\"4\"}",
            "{\"sourceId\":\"cc-2019-002\",\"plate\":\"%1$s\",\"driverLicence\":\"%2$s\",\"purpose\":\"到区里开会\",\"destination\":\"顺德区政府\",\"status\":\"COMPLETED\",\"departedAt\":\"2019-10-01T09:00:00\",\"departureOdometerKm\":30100,\"returnedAt\":\"2019-10-01T12:00:00\",\"returnOdometerKm\":30158,\"tollsYuan\":\"20\",\"parkingYuan\":\"10\"}",
            "",
            "{\"sourceId\":\"cc-2019-003\",\"plate\":\"%1$s\",\"purpose\":\"取消的出车\",\"destination\":\"佛山\",\"status\":\"CANCELLED\",\"plannedStart\":\"2019-11-05T09:00:00\",\"plannedEnd\":\"2019-11-05T12:00:00\",\"cancelReason\":\"会议改期\"}");
    static final String YEAR_2018_CSV = """
            sourceId,plate,driverLicence,purpose,destination,status,departedAt,departureOdometerKm,returnedAt,returnOdometerKm,route
            cc-2018-001,%1$s,%2$s,"调研, 走访企业",陈村花卉世界,COMPLETED,2018-05-02T09:00:00,29000,2018-05-02T12:00:00,29030,"镇政府—花卉世界"
            """;

    @Test
    void a_towns_earlier_years_come_in_once_are_announced_and_give_its_figures() {
        String vehicle = fleet.vehicle(CHENCUN, 5, "55", "8.5", 29_000);
        String plate = fleet.ok(fleet.manager(CHENCUN).get("/api/fleet/vehicles/" + vehicle), 200).get("plate").asString();
        String licence = fleet.ok(fleet.manager(CHENCUN).get("/api/fleet/drivers/" + fleet.driver(CHENCUN)), 200)
                .get("licenceNumber").asString();
        Api.Response first = post("application/x-ndjson", EARLIER_YEARS.formatted(plate, licence));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(fleet.read(first).get("imported").asInt()).isEqualTo(3);
        assertThat(fleet.read(post("application/x-ndjson", EARLIER_YEARS.formatted(plate, licence))).get("skipped").asInt())
                .isEqualTo(3);
        Api.Response csv = post("text/csv", YEAR_2018_CSV.formatted(plate, licence));
        assertThat(csv.status()).as(csv.body()).isEqualTo(201);

        JsonNode trip = fleet.read(fleet.manager(CHENCUN).get("/api/fleet/trips?vehicle=" + vehicle)).get("items");
        assertThat(trip).hasSize(3);
        assertThat(jdbc.sql("SELECT purpose FROM trip WHERE source_id = 'cc-2018-001'").query(String.class).single())
                .isEqualTo("调研, 走访企业");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'fleet.TripCompleted' AND payload LIKE ?")
                .param("%" + vehicle + "%").query(Long.class).single()).isEqualTo(3);
        assertThat(fleet.ok(fleet.manager(CHENCUN).get("/api/fleet/vehicles/" + vehicle), 200).get("odometerKm").asLong())
                .isEqualTo(30_158);

        JsonNode stats = fleet.ok(fleet.leader(CHENCUN).get("/api/fleet/stats?from=2019-01-01&to=2019-12-31"), 200);
        assertThat(stats.get("trips").asLong()).isEqualTo(2);
        assertThat(stats.get("km").asLong()).isEqualTo(100);
        assertThat(stats.get("previousYearTrips").asLong()).isEqualTo(1);
        assertThat(stats.get("previousYearKm").asLong()).isEqualTo(30);
        assertThat(stats.get("tripsChangePercent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(stats.get("holidayTrips").asLong()).as("国庆 2019-10-01").isEqualTo(1);
        assertThat(stats.get("tripsByVehicleClass").get("GENERAL_OFFICIAL").asLong()).isEqualTo(2);
        assertThat(stats.get("costs").get("tollsYuan").decimalValue()).isEqualByComparingTo("30");
        // 4 L reported + 58 km × 8.5 / 100 = 4.93 L estimated, at 7.50 yuan; + 20 tolls + 10 parking
        assertThat(stats.get("tripCostYuan").decimalValue()).isEqualByComparingTo("96.98");

        JsonNode log = fleet.ok(fleet.clerk(CHENCUN).get("/api/fleet/trip-log?from=2019-01-01&to=2019-12-31"), 200);
        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("purpose").asString()).isEqualTo("防汛检查");
        assertThat(log.get(1).get("holidayUse").asBoolean()).isTrue();
    }

    @Test
    void a_file_with_bad_rows_is_refused_whole_naming_each_line_and_field() {
        String vehicle = fleet.vehicle(CHENCUN, 5, "55", "8.5", 50_000);
        String plate = fleet.ok(fleet.manager(CHENCUN).get("/api/fleet/vehicles/" + vehicle), 200).get("plate").asString();
        String licence = fleet.ok(fleet.manager(CHENCUN).get("/api/fleet/drivers/" + fleet.driver(CHENCUN)), 200)
                .get("licenceNumber").asString();
        long before = jdbc.sql("SELECT COUNT(*) FROM trip").query(Long.class).single();
        String row = "{\"sourceId\":\"%s\",\"plate\":\"%s\",\"driverLicence\":\"%s\",\"purpose\":\"p\",\"destination\":\"d\","
                + "\"status\":\"COMPLETED\",\"departedAt\":\"%s\",\"departureOdometerKm\":50000,\"returnedAt\":\"%s\",\"returnOdometerKm\":50010}";
        String bad = String.join("\n",
                row.formatted("bad-1", plate, licence, "2019-03-04T09:00:00", "2019-03-04T11:00:00"),
                row.formatted("bad-2", plate, licence, "2019-03-04T10:00:00", "2019-03-04T12:00:00"),
                row.formatted("bad-3", "粤X99999", licence, "2019-03-05T09:00:00", "2019-03-05T10:00:00"),
                row.formatted("bad-4", plate, licence, "yesterday", "2019-03-06T10:00:00").replace("\"purpose\":\"p\",", ""),
                "not json at all");
        Api.Response r = post("application/x-ndjson", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("line 4: departedAt", "line 4: purpose", "line 5: line");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM trip").query(Long.class).single()).isEqualTo(before);

        Api.Response replayed = post("application/x-ndjson", String.join("\n", bad.split("\n")[0], bad.split("\n")[1], bad.split("\n")[2]));
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.body()).as("overlap with the row before, and an unknown plate").contains("line 2: plate", "line 3: plate");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM trip").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_type LIKE 'fleet.Trip%' AND payload LIKE ?").param("%" + vehicle + "%")
                .query(Long.class).single()).as("nothing announced either").isZero();
    }

    @Test
    void figures_and_imports_are_scoped_to_the_callers_towns_and_roles() {
        assertThat(fleet.clerk(FleetFixture.BEIJIAO).get("/api/fleet/stats?town=" + CHENCUN).status()).isEqualTo(403);
        assertThat(fleet.clerk(FleetFixture.BEIJIAO).get("/api/fleet/accounts?town=" + CHENCUN).status()).isEqualTo(403);
        Api.Response backwards = fleet.clerk(CHENCUN).get("/api/fleet/stats?from=2019-12-31&to=2019-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"field\":\"to\"");
        assertThat(fleet.clerk(CHENCUN).get("/api/fleet/accounts?from=31/12/2019").body()).contains("\"field\":\"from\"");
        assertThat(fleet.clerk(CHENCUN).get("/api/fleet/stats").status()).as("this year so far").isEqualTo(200);
        assertThat(fleet.district().get("/api/fleet/stats?from=2019-01-01&to=2019-12-31").status()).isEqualTo(200);
        Api clerk = fleet.clerk(CHENCUN);
        Api.Response byClerk = clerk.send(clerk.request("/api/fleet/trips/imports").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sourceId\":\"x\",\"plate\":\"粤X12345\",\"purpose\":\"p\","
                        + "\"destination\":\"d\",\"status\":\"CANCELLED\",\"plannedStart\":\"2019-01-02T09:00:00\","
                        + "\"plannedEnd\":\"2019-01-02T10:00:00\",\"cancelReason\":\"x\"}")));
        assertThat(byClerk.status()).isEqualTo(403);
        assertThat(byClerk.isProblem()).isTrue();
        assertThat(new Api(port).get("/api/fleet/stats").status()).isEqualTo(401);
    }

    private Api.Response post(String contentType, String body) {
        Api manager = fleet.manager(CHENCUN);
        return manager.send(manager.request("/api/fleet/trips/imports").header("Content-Type", contentType + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode vehicleLine(JsonNode accounts, String vehicleId) {
        for (JsonNode line : accounts.get("vehicles")) {
            if (vehicleId.equals(line.get("vehicleId").asString())) {
                return line;
            }
        }
        throw new AssertionError("vehicle " + vehicleId + " not in the accounts");
    }
}
