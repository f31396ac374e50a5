package org.zhenwu.fleet.vehicle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.fleet.v1.FleetTopics;
import org.zhenwu.contracts.fleet.v1.VehicleRegistered;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.SharedKafka;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ZhenwuIntegrationTest
class VehicleApiTest {
    static final String LECONG = "440606104";
    static final String BEIJIAO = "440606105";
    static final String VEHICLES = "/api/fleet/vehicles";
    static final AtomicInteger SERIAL = new AtomicInteger(10000);

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api manager(String town) {
        return new Api(port).as(TestTokens.tokenWith("manager-" + town, town, "党政办", "NONE", "FLEET_MANAGER"));
    }

    static String newSerial() {
        return String.valueOf(SERIAL.incrementAndGet());
    }

    static String vehicle(String plate) {
        return """
                {"plate":"%s","vehicleClass":"GENERAL_OFFICIAL","category":"PLATFORM","marked":true,
                 "tankLitres":55,"fuelPer100kmNorm":8.5,"odometerKm":48210}""".formatted(plate);
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    String register(Api api) {
        return ok(api.post(VEHICLES, vehicle("粤X" + newSerial())), 201).get("id").asString();
    }

    @Test
    void a_registered_vehicle_is_available_stored_under_its_compact_plate_and_announced_on_kafka() {
        String serial = newSerial();
        JsonNode registered = ok(manager(LECONG).post(VEHICLES, vehicle("粤X·" + serial)), 201);
        String id = registered.get("id").asString();
        assertThat(registered.get("status").asString()).isEqualTo("AVAILABLE");
        assertThat(registered.get("plate").asString()).isEqualTo("粤X" + serial);
        assertThat(registered.get("town").asString()).isEqualTo(LECONG);
        JsonNode read = ok(manager(LECONG).get(VEHICLES + "/" + id), 200);
        assertThat(read.get("tankLitres").decimalValue()).isEqualByComparingTo("55");
        assertThat(read.get("transitions")).hasSize(1);

        ConsumerRecord<String, String> event = consumeOne(id);
        assertThat(header(event, EventHeaders.EVENT_TYPE)).isEqualTo(VehicleRegistered.TYPE);
        VehicleRegistered announced = json.readValue(event.value(), VehicleRegistered.class);
        assertThat(header(event, EventHeaders.EVENT_ID)).isEqualTo(announced.eventId().toString());
        assertThat(announced.jurisdiction()).isEqualTo(LECONG);
        assertThat(announced.plate()).isEqualTo("粤X" + serial);
        assertThat(announced.vehicleClass()).isEqualTo("GENERAL_OFFICIAL");
        assertThat(announced.category()).isEqualTo("PLATFORM");
        assertThat(announced.marked()).isTrue();
        assertThat(announced.fuelPer100kmNorm()).isEqualByComparingTo("8.5");
        assertThat(announced.odometerKm()).isEqualTo(48210);
    }

    @Test
    void bad_input_names_the_field_and_writes_nothing() {
        long before = count();
        Api.Response badPlate = manager(LECONG).post(VEHICLES, vehicle("粤X1234"));
        assertThat(badPlate.status()).isEqualTo(400);
        assertThat(badPlate.isProblem()).isTrue();
        assertThat(badPlate.body()).contains("\"field\":\"plate\"");

        Api.Response badClass = manager(LECONG).post(VEHICLES,
                vehicle("粤X" + newSerial()).replace("GENERAL_OFFICIAL", "LIMOUSINE"));
        assertThat(badClass.status()).isEqualTo(400);
        assertThat(badClass.body()).contains("\"field\":\"vehicleClass\"");

        Api.Response noMarking = manager(LECONG).post(VEHICLES, vehicle("粤X" + newSerial()).replace("\"marked\":true,", ""));
        assertThat(noMarking.status()).isEqualTo(400);
        assertThat(noMarking.body()).contains("\"field\":\"marked\"");

        Api.Response electricWithNorm = manager(LECONG).post(VEHICLES,
                vehicle("粤X" + newSerial()).replace("\"tankLitres\":55", "\"tankLitres\":0"));
        assertThat(electricWithNorm.status()).isEqualTo(400);
        assertThat(electricWithNorm.body()).contains("\"field\":\"fuelPer100kmNorm\"");

        Api.Response backwards = manager(LECONG).post(VEHICLES,
                vehicle("粤X" + newSerial()).replace("48210", "-1"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"field\":\"odometerKm\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_plate_is_registered_once_until_its_vehicle_is_disposed_of() {
        String serial = newSerial();
        String id = ok(manager(LECONG).post(VEHICLES, vehicle("粤X" + serial)), 201).get("id").asString();
        Api.Response twin = manager(LECONG).post(VEHICLES, vehicle("粤x·" + serial));
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.isProblem()).isTrue();
        assertThat(twin.body()).contains("\"field\":\"plate\"");
        assertThat(manager(BEIJIAO).post(VEHICLES, vehicle("粤X" + serial)).status()).as("plates are national").isEqualTo(409);

        ok(manager(LECONG).post(VEHICLES + "/" + id + "/disposal", "{\"reason\":\"报废\"}"), 200);
        ok(manager(BEIJIAO).post(VEHICLES, vehicle("粤X" + serial)), 201);
    }

    @Test
    void concurrent_registrations_of_one_plate_register_it_once() throws Exception {
        String plate = "粤X" + newSerial();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> manager(LECONG).post(VEHICLES, vehicle(plate)).status());
        }
        List<Integer> statuses = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM vehicle WHERE plate = ?").param(plate).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void illegal_moves_are_409_with_the_current_status() {
        String id = register(manager(LECONG));
        Api.Response notInRepair = manager(LECONG).post(VEHICLES + "/" + id + "/repair-completion", "{}");
        assertThat(notInRepair.status()).isEqualTo(409);
        assertThat(notInRepair.isProblem()).isTrue();
        assertThat(json.readTree(notInRepair.body()).get("currentStatus").asString()).isEqualTo("AVAILABLE");

        Api.Response noReason = manager(LECONG).post(VEHICLES + "/" + id + "/sealing", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(ok(manager(LECONG).post(VEHICLES + "/" + id + "/sealing", "{\"reason\":\"春节封存\"}"), 200)
                .get("status").asString()).isEqualTo("SEALED");
        Api.Response repairSealed = manager(LECONG).post(VEHICLES + "/" + id + "/repair", "{}");
        assertThat(repairSealed.status()).isEqualTo(409);
        assertThat(json.readTree(repairSealed.body()).get("currentStatus").asString()).isEqualTo("SEALED");
        assertThat(ok(manager(LECONG).post(VEHICLES + "/" + id + "/unsealing", "{}"), 200)
                .get("status").asString()).isEqualTo("AVAILABLE");
        assertThat(ok(manager(LECONG).post(VEHICLES + "/" + id + "/repair", "{\"note\":\"定点维修厂\"}"), 200)
                .get("status").asString()).isEqualTo("IN_REPAIR");
        assertThat(ok(manager(LECONG).post(VEHICLES + "/" + id + "/disposal", "{\"reason\":\"拍卖\"}"), 200)
                .get("status").asString()).isEqualTo("DISPOSED");
        Api.Response afterDisposal = manager(LECONG).post(VEHICLES + "/" + id + "/repair-completion", "{}");
        assertThat(afterDisposal.status()).isEqualTo(409);
        assertThat(json.readTree(afterDisposal.body()).get("currentStatus").asString()).isEqualTo("DISPOSED");

        JsonNode trail = ok(manager(LECONG).get(VEHICLES + "/" + id), 200).get("transitions");
        assertThat(trail).hasSize(5);
        assertThat(trail.get(1).get("note").asString()).isEqualTo("春节封存");
        assertThat(trail.get(1).get("actor").asString()).isEqualTo("manager-" + LECONG);
    }

    @Test
    void another_towns_vehicle_does_not_exist_for_you_and_the_district_sees_all() {
        String id = register(manager(LECONG));
        assertThat(manager(BEIJIAO).get(VEHICLES + "/" + id).status()).isEqualTo(404);
        assertThat(manager(BEIJIAO).post(VEHICLES + "/" + id + "/sealing", "{\"reason\":\"x\"}").status()).isEqualTo(404);
        Api.Response otherTown = manager(BEIJIAO).get(VEHICLES + "?town=" + LECONG);
        assertThat(otherTown.status()).isEqualTo(403);
        assertThat(otherTown.isProblem()).isTrue();
        assertThat(manager(BEIJIAO).get(VEHICLES).body()).doesNotContain(id);

        Api district = new Api(port).as(TestTokens.token("district", "DISTRICT", "DISTRICT_ADMIN"));
        assertThat(district.get(VEHICLES + "/" + id).status()).isEqualTo(200);
        assertThat(district.get(VEHICLES + "?town=" + LECONG + "&status=AVAILABLE").body()).contains(id);
        Api.Response noTown = district.post(VEHICLES, vehicle("粤X" + newSerial()));
        assertThat(noTown.status()).as("district must name the town").isEqualTo(400);
        assertThat(noTown.body()).contains("\"field\":\"town\"");
    }

    @Test
    void only_fleet_managers_and_the_district_write_and_the_town_reads() {
        String id = register(manager(LECONG));
        Api leader = new Api(port).as(TestTokens.token("leader", LECONG, "TOWN_LEADER"));
        Api.Response write = leader.post(VEHICLES, vehicle("粤X" + newSerial()));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.isProblem()).isTrue();
        assertThat(leader.post(VEHICLES + "/" + id + "/sealing", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(leader.get(VEHICLES + "/" + id).status()).isEqualTo(200);

        assertThat(new Api(port).post(VEHICLES, vehicle("粤X" + newSerial())).status()).isEqualTo(401);
        assertThat(new Api(port).get(VEHICLES + "/" + id).status()).isEqualTo(401);
    }

    @Test
    void the_service_is_observable() {
        Api anonymous = new Api(port);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").body()).contains("zhenwu_outbox_pending");
        assertThat(anonymous.get("/v3/api-docs").body()).contains("/api/fleet/vehicles",
                "/api/fleet/vehicles/{id}/repair", "/api/fleet/vehicles/{id}/repair-completion",
                "/api/fleet/vehicles/{id}/sealing", "/api/fleet/vehicles/{id}/unsealing",
                "/api/fleet/vehicles/{id}/disposal");
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM vehicle").query(Long.class).single();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    private ConsumerRecord<String, String> consumeOne(String key) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(FleetTopics.VEHICLE_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no event for vehicle " + key);
    }
}
