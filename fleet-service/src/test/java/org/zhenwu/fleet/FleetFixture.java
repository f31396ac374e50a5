package org.zhenwu.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.zhenwu.contracts.EventHeaders;

import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.SharedKafka;
import org.zhenwu.platform.test.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Registers what a fleet test needs over real HTTP: vehicles, drivers, trips. Every call makes fresh, unique data. */
public final class FleetFixture {
    public static final String LECONG = "440606104";
    public static final String BEIJIAO = "440606105";
    /** Plates are national: this fixture's serials never meet those of {@code VehicleApiTest} (10000…). */
    private static final AtomicInteger PLATES = new AtomicInteger(60000);
    private static final AtomicInteger LICENCES = new AtomicInteger(1000);

    private final int port;
    private final JsonMapper json;

    public FleetFixture(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    public int port() {
        return port;
    }

    public Api manager(String town) {
        return as("manager-" + town, town, "FLEET_MANAGER");
    }

    public Api leader(String town) {
        return as("leader-" + town, town, "TOWN_LEADER");
    }

    public Api clerk(String town) {
        return as("clerk-" + town, town, "OFFICE_CLERK");
    }

    public Api district() {
        return new Api(port).as(TestTokens.token("district", "DISTRICT", "DISTRICT_ADMIN"));
    }

    public Api as(String subject, String town, String... roles) {
        return new Api(port).as(TestTokens.tokenWith(subject, town, "党政办", "NONE", roles));
    }

    public JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    public JsonNode read(Api.Response r) {
        return json.readTree(r.body());
    }

    public String vehicle(String town) {
        return vehicle(town, 5, "55", "8.5", 48_210);
    }

    public String vehicle(String town, int seats, String tankLitres, String normPer100km, long odometerKm) {
        String body = """
                {"plate":"粤X%d","vehicleClass":"GENERAL_OFFICIAL","category":"PLATFORM","marked":true,"seats":%d,
                 "tankLitres":%s,"fuelPer100kmNorm":%s,"odometerKm":%d}"""
                .formatted(PLATES.incrementAndGet(), seats, tankLitres, normPer100km, odometerKm);
        return ok(manager(town).post("/api/fleet/vehicles", body), 201).get("id").asString();
    }

    public String driver(String town) {
        return driver(town, "C1", "2035-12-31");
    }

    public String driver(String town, String licenceClass, String expiresOn) {
        String body = """
                {"name":"司机%d","phone":"13900001111","licenceNumber":"44060619800101%04d","licenceClass":"%s",
                 "licenceExpiresOn":"%s"}""".formatted(LICENCES.get(), LICENCES.incrementAndGet(), licenceClass, expiresOn);
        return ok(manager(town).post("/api/fleet/drivers", body), 201).get("id").asString();
    }

    public static String plan(Instant start, Instant end, int passengers) {
        return """
                {"purpose":"到区政务中心报送年度材料","destination":"顺德区行政服务中心","passengerCount":%d,
                 "plannedStart":"%s","plannedEnd":"%s"}""".formatted(passengers, start, end);
    }

    /** A designated provider of the town: FUEL_STATION, GARAGE or INSURER. */
    public String provider(String town, String kind, String from, String to) {
        String body = """
                {"kind":"%s","name":"%s","contractNumber":"LC-ZB-2019-%d","contractFrom":"%s","contractTo":"%s"}"""
                .formatted(kind, kind + " " + LICENCES.incrementAndGet(), LICENCES.get(), from, to);
        return ok(manager(town).post("/api/fleet/providers", body), 201).get("id").asString();
    }

    public String provider(String town, String kind) {
        return provider(town, kind, "2019-01-01", "2030-12-31");
    }

    /** A fuel card of the town bound to the vehicle. */
    public String fuelCard(String town, String vehicleId) {
        String body = "{\"cardNumber\":\"10001132%08d\",\"issuer\":\"中石化\",\"vehicleId\":\"%s\"}"
                .formatted(LICENCES.incrementAndGet(), vehicleId);
        return ok(manager(town).post("/api/fleet/fuel-cards", body), 201).get("id").asString();
    }

    public Api.Response refuel(String town, String vehicleId, String stationId, String cardId, Instant at, String litres,
                               String amountYuan, long odometerKm) {
        return manager(town).post("/api/fleet/refuels", """
                {"vehicleId":"%s","providerId":"%s","fuelCardId":"%s","refuelledAt":"%s","litres":%s,"amountYuan":%s,
                 "odometerKm":%d}""".formatted(vehicleId, stationId, cardId, at, litres, amountYuan, odometerKm));
    }

    /** A trip requested by the town's clerk. */
    public String requested(String town, Instant start, Instant end) {
        return ok(clerk(town).post("/api/fleet/trips", plan(start, end, 1)), 201).get("id").asString();
    }

    /** A trip requested by the clerk and approved by the fleet manager. */
    public String approved(String town, Instant start, Instant end) {
        String id = requested(town, start, end);
        ok(manager(town).post("/api/fleet/trips/" + id + "/approval", "{}"), 200);
        return id;
    }

    public Api.Response dispatch(Api as, String tripId, String vehicleId, String driverId) {
        return as.post("/api/fleet/trips/" + tripId + "/dispatch",
                "{\"vehicleId\":\"" + vehicleId + "\",\"driverId\":\"" + driverId + "\"}");
    }

    /** A trip approved, dispatched, departed and returned; settles it when {@code settle}. */
    public String driven(String town, String vehicleId, String driverId, Instant start, long fromKm, long toKm,
                         boolean settle) {
        String id = approved(town, start, start.plusSeconds(4 * 3600));
        ok(dispatch(manager(town), id, vehicleId, driverId), 200);
        ok(manager(town).post("/api/fleet/trips/" + id + "/departure",
                "{\"odometerKm\":" + fromKm + ",\"at\":\"" + start + "\"}"), 200);
        ok(manager(town).post("/api/fleet/trips/" + id + "/return", "{\"odometerKm\":" + toKm
                + ",\"route\":\"乐从—大良—乐从\",\"tollsYuan\":15,\"at\":\"" + start.plusSeconds(3 * 3600) + "\"}"), 200);
        if (settle) {
            ok(manager(town).post("/api/fleet/trips/" + id + "/closing", "{}"), 200);
        }
        return id;
    }

    /** The first record on the topic with that key (and that {@code event-type}, when given), from the beginning. */
    public static ConsumerRecord<String, String> consumeOne(String topic, String key, String type) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && (type == null
                            || type.equals(new String(record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), UTF_8)))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no " + (type == null ? "event" : type) + " for " + key + " on " + topic);
    }
}
