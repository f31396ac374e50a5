package org.zhenwu.fleet.trip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

/**
 * The trips import checks a file's trips against the stored ones and each other in memory and writes them together:
 * a clash with an earlier file's trip or within the file still refuses the whole file, and what it writes reads back
 * and counts as before.
 */
@ZhenwuIntegrationTest
class TripImportTest {
    static final String TOWN = "440606103";
    static final String ROW = "{\"sourceId\":\"%s\",\"plate\":\"%s\",\"driverLicence\":\"%s\",\"purpose\":\"调研\","
            + "\"destination\":\"村委\",\"status\":\"COMPLETED\",\"departedAt\":\"%s\",\"departureOdometerKm\":%d,"
            + "\"returnedAt\":\"%s\",\"returnOdometerKm\":%d}";

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

    String plate(String vehicle) {
        return fleet.ok(fleet.manager(TOWN).get("/api/fleet/vehicles/" + vehicle), 200).get("plate").asString();
    }

    String licence(String driver) {
        return fleet.ok(fleet.manager(TOWN).get("/api/fleet/drivers/" + driver), 200).get("licenceNumber").asString();
    }

    Api.Response post(String body) {
        Api manager = fleet.manager(TOWN);
        return manager.send(manager.request("/api/fleet/trips/imports")
                .header("Content-Type", "application/x-ndjson; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void a_driver_already_on_the_road_in_an_earlier_file_is_a_clash_on_another_vehicle_too() {
        String v1 = fleet.vehicle(TOWN, 5, "55", "8.5", 10_000);
        String v2 = fleet.vehicle(TOWN, 5, "55", "8.5", 20_000);
        String driver = licence(fleet.driver(TOWN));
        String p = UUID.randomUUID().toString();
        assertThat(fleet.read(post(ROW.formatted(p + "-1", plate(v1), driver, "2016-03-01T09:00:00", 10_000,
                "2016-03-01T11:00:00", 10_040))).get("imported").asInt()).isEqualTo(1);

        Api.Response clash = post(String.join("\n",
                ROW.formatted(p + "-2", plate(v2), driver, "2016-02-29T09:00:00", 20_000, "2016-02-29T10:00:00", 20_010),
                ROW.formatted(p + "-3", plate(v2), driver, "2016-03-01T10:00:00", 20_010, "2016-03-01T12:00:00", 20_030)));
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.isProblem()).isTrue();
        assertThat(clash.body()).contains("line 2: plate", "another trip");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM trip WHERE source_id LIKE ?").param(p + "%").query(Long.class).single())
                .isEqualTo(1);

        assertThat(fleet.read(post(ROW.formatted(p + "-3", plate(v2), driver, "2016-03-01T11:00:00", 20_010,
                "2016-03-01T12:00:00", 20_030))).get("imported").asInt()).as("right after: no clash").isEqualTo(1);
    }

    @Test
    void a_clash_in_the_middle_of_a_long_file_leaves_nothing_written_and_the_fixed_file_counts_whole() {
        String vehicle = fleet.vehicle(TOWN, 5, "55", "8.5", 1_000);
        String plate = plate(vehicle);
        String driver = licence(fleet.driver(TOWN));
        String p = UUID.randomUUID().toString();
        LocalDateTime start = LocalDateTime.parse("2016-06-01T09:00:00");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            LocalDateTime out = start.plusHours(3L * i);
            lines.add(ROW.formatted(p + "-" + i, plate, driver, out, 1_000 + 10L * i, out.plusHours(2), 1_010 + 10L * i));
        }
        List<String> bad = new ArrayList<>(lines);
        LocalDateTime overlap = start.plusHours(3L * 149).plusHours(1);   // line 151 leaves while line 150 is out
        bad.set(150, ROW.formatted(p + "-150", plate, driver, overlap, 2_500, overlap.plusHours(1), 2_505));
        Api.Response r = post(String.join("\n", bad));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("line 151: plate").doesNotContain("line 150:", "line 152:");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM trip WHERE source_id LIKE ?").param(p + "%").query(Long.class).single())
                .isZero();
        assertThat(fleet.ok(fleet.manager(TOWN).get("/api/fleet/vehicles/" + vehicle), 200).get("odometerKm").asLong())
                .isEqualTo(1_000);

        JsonNode result = fleet.read(post(String.join("\n", lines)));
        assertThat(result.get("imported").asInt()).isEqualTo(300);
        assertThat(fleet.ok(fleet.manager(TOWN).get("/api/fleet/vehicles/" + vehicle), 200).get("odometerKm").asLong())
                .as("the highest return reading").isEqualTo(1_010 + 10L * 299);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'fleet.TripCompleted' AND payload LIKE ?")
                .param("%" + vehicle + "%").query(Long.class).single()).isEqualTo(300);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'fleet.TripCompleted' AND payload LIKE ? AND payload LIKE '%GENERAL_OFFICIAL%'")
                .param("%" + vehicle + "%").query(Long.class).single()).as("with the vehicle's class").isEqualTo(300);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM trip_transition t JOIN trip r ON r.id = t.trip_id WHERE r.source_id LIKE ?")
                .param(p + "%").query(Long.class).single()).as("requested … completed, 6 each").isEqualTo(1_800);
        JsonNode one = fleet.ok(fleet.manager(TOWN).get("/api/fleet/trips/" + jdbc.sql("SELECT id FROM trip WHERE source_id = ?")
                .param(p + "-7").query(String.class).single()), 200);
        assertThat(one.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(one.get("departedAt").asString()).isEqualTo("2016-06-01T22:00:00Z");   // 09:00 + 7 × 3 h, Beijing time
        assertThat(fleet.read(post(String.join("\n", lines))).get("skipped").asInt()).isEqualTo(300);
    }
}
