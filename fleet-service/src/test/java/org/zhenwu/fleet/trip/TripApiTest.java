package org.zhenwu.fleet.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhenwu.fleet.FleetFixture.BEIJIAO;
import static org.zhenwu.fleet.FleetFixture.LECONG;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.fleet.v1.FleetTopics;
import org.zhenwu.contracts.fleet.v1.TripCompleted;
import org.zhenwu.fleet.FleetFixture;
import org.zhenwu.fleet.platform.UtcTimes;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Trips over real HTTP against the real database and broker: the acceptance walk and every refusal. */
@ZhenwuIntegrationTest
class TripApiTest {
    // Wednesday 2019-10-09, 09:00 Beijing time
    static final Instant WEDNESDAY = Instant.parse("2019-10-09T01:00:00Z");
    static final Instant NOON = WEDNESDAY.plusSeconds(3 * 3600);
    static final String TRIPS = "/api/fleet/trips";

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
    void a_trip_is_requested_approved_dispatched_driven_settled_logged_and_announced() {
        String vehicle = fleet.vehicle(LECONG);
        String driver = fleet.driver(LECONG);
        JsonNode requested = fleet.ok(fleet.clerk(LECONG).post(TRIPS, """
                {"purpose":"到区政务中心报送年度材料","destination":"顺德区行政服务中心","passengers":["李文","王芳"],
                 "passengerCount":2,"plannedStart":"2019-10-09T09:00:00+08:00","plannedEnd":"2019-10-09T12:00:00+08:00"}"""), 201);
        String id = requested.get("id").asString();
        assertThat(requested.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(requested.get("plannedStart").asString()).isEqualTo("2019-10-09T01:00:00Z");
        assertThat(requested.get("holidayUse").asBoolean()).isFalse();
        assertThat(requested.get("requester").asString()).isEqualTo("clerk-" + LECONG);

        fleet.ok(fleet.manager(LECONG).post(TRIPS + "/" + id + "/approval", "{\"note\":\"同意\"}"), 200);
        JsonNode dispatched = fleet.ok(fleet.dispatch(fleet.manager(LECONG), id, vehicle, driver), 200);
        assertThat(dispatched.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(dispatched.get("plate").asString()).startsWith("粤X");
        fleet.ok(fleet.manager(LECONG).post(TRIPS + "/" + id + "/departure",
                "{\"odometerKm\":48210,\"at\":\"2019-10-09T01:05:00Z\"}"), 200);
        JsonNode returned = fleet.ok(fleet.manager(LECONG).post(TRIPS + "/" + id + "/return", """
                {"odometerKm":48246,"route":"乐从—大良—乐从","tollsYuan":15,"parkingYuan":8,"at":"2019-10-09T04:40:00Z"}"""), 200);
        assertThat(returned.get("distanceKm").asLong()).isEqualTo(36);
        assertThat(returned.get("fuelLitres").decimalValue()).isEqualByComparingTo("3.06");
        JsonNode settled = fleet.ok(fleet.manager(LECONG).post(TRIPS + "/" + id + "/closing", "{}"), 200);
        assertThat(settled.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(settled.get("costYuan").decimalValue()).isEqualByComparingTo("45.95");

        JsonNode trail = fleet.ok(fleet.clerk(LECONG).get(TRIPS + "/" + id), 200).get("transitions");
        List<String> steps = new ArrayList<>();
        trail.forEach(t -> steps.add(t.get("to").asString()));
        assertThat(steps).containsExactly("REQUESTED", "APPROVED", "DISPATCHED", "DEPARTED", "RETURNED", "COMPLETED");
        assertThat(fleet.ok(fleet.manager(LECONG).get("/api/fleet/vehicles/" + vehicle), 200).get("odometerKm").asLong())
                .isEqualTo(48246);

        JsonNode log = fleet.ok(fleet.clerk(LECONG).get("/api/fleet/trip-log?from=2019-10-09&to=2019-10-09"), 200);
        JsonNode line = find(log, id);
        assertThat(line.get("purpose").asString()).isEqualTo("到区政务中心报送年度材料");
        assertThat(line.get("destination").asString()).isEqualTo("顺德区行政服务中心");
        assertThat(line.get("distanceKm").asLong()).isEqualTo(36);
        assertThat(line.get("fuelLitres").decimalValue()).isEqualByComparingTo("3.06");
        assertThat(line.get("costYuan").decimalValue()).isEqualByComparingTo("45.95");

        assertThat(jdbc.sql("SELECT event_type FROM outbox_event WHERE message_key = ? ORDER BY id").param(id)
                .query(String.class).list())
                .containsExactly("fleet.TripApproved", "fleet.TripDispatched", "fleet.TripCompleted");
        ConsumerRecord<String, String> record = FleetFixture.consumeOne(FleetTopics.TRIP_EVENTS, id, TripCompleted.TYPE);
        TripCompleted completed = json.readValue(record.value(), TripCompleted.class);
        assertThat(completed.jurisdiction()).isEqualTo(LECONG);
        assertThat(completed.vehicleId().toString()).isEqualTo(vehicle);
        assertThat(completed.vehicleClass()).isEqualTo("GENERAL_OFFICIAL");
        assertThat(completed.distanceKm()).isEqualTo(36);
        assertThat(completed.costYuan()).isEqualByComparingTo("45.95");
    }

    @Test
    void a_second_overlapping_dispatch_of_the_same_vehicle_or_driver_is_409_naming_it() {
        String vehicle = fleet.vehicle(LECONG);
        String driver = fleet.driver(LECONG);
        String first = fleet.approved(LECONG, WEDNESDAY, NOON);
        fleet.ok(fleet.dispatch(fleet.manager(LECONG), first, vehicle, driver), 200);

        String overlapping = fleet.approved(LECONG, WEDNESDAY.plusSeconds(2 * 3600), NOON.plusSeconds(3600));
        Api.Response sameVehicle = fleet.dispatch(fleet.manager(LECONG), overlapping, vehicle, fleet.driver(LECONG));
        assertThat(sameVehicle.status()).isEqualTo(409);
        assertThat(sameVehicle.isProblem()).isTrue();
        JsonNode problem = fleet.read(sameVehicle);
        assertThat(problem.get("type").asString()).endsWith("/fleet/double-booking");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("vehicleId");
        assertThat(problem.get("conflictingTrips").get(0).asString()).isEqualTo(first);

        Api.Response sameDriver = fleet.dispatch(fleet.manager(LECONG), overlapping, fleet.vehicle(LECONG), driver);
        assertThat(sameDriver.status()).isEqualTo(409);
        assertThat(fleet.read(sameDriver).get("errors").get(0).get("field").asString()).isEqualTo("driverId");
        assertThat(fleet.ok(fleet.manager(LECONG).get(TRIPS + "/" + overlapping), 200).get("status").asString())
                .isEqualTo("APPROVED");

        String backToBack = fleet.approved(LECONG, NOON, NOON.plusSeconds(3600));
        fleet.ok(fleet.dispatch(fleet.manager(LECONG), backToBack, vehicle, driver), 200);

        fleet.ok(fleet.clerk(LECONG).post(TRIPS + "/" + first + "/cancellation", "{\"reason\":\"会议取消\"}"), 200);
        Api.Response afterCancel = fleet.dispatch(fleet.manager(LECONG), overlapping, vehicle, fleet.driver(LECONG));
        assertThat(afterCancel.status()).as("a cancelled trip holds nothing; the back-to-back one still does")
                .isEqualTo(409);
        assertThat(fleet.read(afterCancel).get("conflictingTrips").get(0).asString()).isEqualTo(backToBack);
        String earlier = fleet.approved(LECONG, WEDNESDAY, WEDNESDAY.plusSeconds(3600));
        fleet.ok(fleet.dispatch(fleet.manager(LECONG), earlier, vehicle, driver), 200);
    }

    @Test
    void a_redispatch_moves_the_booking_and_a_change_releases_it() {
        String vehicle = fleet.vehicle(LECONG);
        String other = fleet.vehicle(LECONG);
        String driver = fleet.driver(LECONG);
        String trip = fleet.approved(LECONG, WEDNESDAY, NOON);
        fleet.ok(fleet.dispatch(fleet.manager(LECONG), trip, vehicle, driver), 200);
        JsonNode moved = fleet.ok(fleet.dispatch(fleet.manager(LECONG), trip, other, driver), 200);
        assertThat(moved.get("vehicleId").asString()).isEqualTo(other);
        String next = fleet.approved(LECONG, WEDNESDAY, NOON);
        fleet.ok(fleet.dispatch(fleet.manager(LECONG), next, vehicle, fleet.driver(LECONG)), 200);

        JsonNode changed = fleet.ok(fleet.clerk(LECONG).post(TRIPS + "/" + trip + "/change",
                FleetFixture.plan(WEDNESDAY.plusSeconds(86_400), NOON.plusSeconds(86_400), 1)
                        .replace("}", ",\"reason\":\"改到明天\"}")), 200);
        assertThat(changed.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(changed.get("vehicleId").isNull()).isTrue();
        String third = fleet.approved(LECONG, WEDNESDAY, NOON);
        fleet.ok(fleet.dispatch(fleet.manager(LECONG), third, other, driver), 200);
    }

    @Test
    void bad_requests_name_the_field_and_write_nothing() {
        long before = count();
        Api clerk = fleet.clerk(LECONG);
        assertField(clerk.post(TRIPS, FleetFixture.plan(WEDNESDAY, NOON, 1).replace("\"purpose\":\"到区政务中心报送年度材料\",", "")), "purpose");
        assertField(clerk.post(TRIPS, FleetFixture.plan(NOON, WEDNESDAY, 1)), "plannedEnd");
        assertField(clerk.post(TRIPS, FleetFixture.plan(WEDNESDAY, WEDNESDAY.plusSeconds(31L * 86_400), 1)), "plannedEnd");
        assertField(clerk.post(TRIPS, FleetFixture.plan(WEDNESDAY, NOON, 1).replace("\"passengerCount\":1",
                "\"passengerCount\":1,\"passengers\":[\"甲\",\"乙\"]")), "passengers");
        assertField(clerk.post(TRIPS, FleetFixture.plan(WEDNESDAY, NOON, 1).replace(WEDNESDAY.toString(), "next tuesday")),
                "plannedStart");
        assertField(clerk.post(TRIPS, FleetFixture.plan(WEDNESDAY, NOON, 99)), "passengerCount");
        assertThat(count()).isEqualTo(before);

        String trip = fleet.approved(LECONG, WEDNESDAY, NOON);
        assertField(fleet.manager(LECONG).post(TRIPS + "/" + trip + "/dispatch", "{\"driverId\":\"" + fleet.driver(LECONG) + "\"}"), "vehicleId");
        assertField(fleet.dispatch(fleet.manager(LECONG), trip, UUID.randomUUID().toString(), fleet.driver(LECONG)), "vehicleId");
        assertField(fleet.dispatch(fleet.manager(LECONG), trip, fleet.vehicle(BEIJIAO), fleet.driver(LECONG)), "vehicleId");
        assertField(fleet.manager(LECONG).post(TRIPS + "/" + trip + "/rejection", "{}"), "reason");
        assertThat(fleet.ok(fleet.manager(LECONG).get(TRIPS + "/" + trip), 200).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void illegal_moves_are_409_with_the_current_status() {
        String trip = fleet.requested(LECONG, WEDNESDAY, NOON);
        Api manager = fleet.manager(LECONG);
        assertConflict(manager.post(TRIPS + "/" + trip + "/departure", "{\"odometerKm\":1}"), "REQUESTED");
        assertConflict(manager.post(TRIPS + "/" + trip + "/closing", "{}"), "REQUESTED");
        fleet.ok(manager.post(TRIPS + "/" + trip + "/approval", "{}"), 200);
        assertConflict(manager.post(TRIPS + "/" + trip + "/approval", "{}"), "APPROVED");
        fleet.ok(manager.post(TRIPS + "/" + trip + "/cancellation", "{\"reason\":\"不去了\"}"), 200);
        assertConflict(fleet.dispatch(manager, trip, fleet.vehicle(LECONG), fleet.driver(LECONG)), "CANCELLED");

        String rejected = fleet.requested(LECONG, WEDNESDAY, NOON);
        fleet.ok(fleet.leader(LECONG).post(TRIPS + "/" + rejected + "/rejection", "{\"reason\":\"可乘公共交通\"}"), 200);
        JsonNode read = fleet.ok(fleet.clerk(LECONG).get(TRIPS + "/" + rejected), 200);
        assertThat(read.get("rejectionReason").asString()).isEqualTo("可乘公共交通");
        assertConflict(manager.post(TRIPS + "/" + rejected + "/approval", "{}"), "REJECTED");

        String driven = fleet.driven(LECONG, fleet.vehicle(LECONG), fleet.driver(LECONG), WEDNESDAY, 48_210, 48_250, false);
        Api.Response backwards = manager.post(TRIPS + "/" + driven + "/cancellation", "{\"reason\":\"x\"}");
        assertConflict(backwards, "RETURNED");
    }

    @Test
    void a_trip_on_a_sealed_holiday_needs_a_leaders_special_approval() {
        // National Day 2019-10-02
        String trip = fleet.ok(fleet.clerk(LECONG).post(TRIPS, FleetFixture.plan(Instant.parse("2019-10-02T01:00:00Z"),
                Instant.parse("2019-10-02T05:00:00Z"), 0)), 201).get("id").asString();
        assertThat(fleet.ok(fleet.clerk(LECONG).get(TRIPS + "/" + trip), 200).get("holidayUse").asBoolean()).isTrue();
        Api.Response byManager = fleet.manager(LECONG).post(TRIPS + "/" + trip + "/approval", "{}");
        assertThat(byManager.status()).isEqualTo(409);
        assertThat(fleet.read(byManager).get("rule").asString()).isEqualTo("holiday-needs-leader");
        fleet.ok(fleet.leader(LECONG).post(TRIPS + "/" + trip + "/approval", "{\"note\":\"国庆值班应急\"}"), 200);

        Api.Response own = fleet.leader(LECONG).post(TRIPS, FleetFixture.plan(WEDNESDAY, NOON, 0));
        String leadersTrip = fleet.ok(own, 201).get("id").asString();
        Api.Response selfApproval = fleet.leader(LECONG).post(TRIPS + "/" + leadersTrip + "/approval", "{}");
        assertThat(selfApproval.status()).isEqualTo(409);
        assertThat(fleet.read(selfApproval).get("rule").asString()).isEqualTo("self-approval");
    }

    @Test
    void a_vehicle_in_repair_a_suspended_driver_an_expired_licence_or_too_few_seats_are_not_dispatched() {
        Api manager = fleet.manager(LECONG);
        String trip = fleet.approved(LECONG, WEDNESDAY, NOON);
        String inRepair = fleet.vehicle(LECONG);
        fleet.ok(manager.post("/api/fleet/vehicles/" + inRepair + "/repair", "{}"), 200);
        assertRule(fleet.dispatch(manager, trip, inRepair, fleet.driver(LECONG)), "vehicle-not-available", "vehicleId");

        String suspended = fleet.driver(LECONG);
        fleet.ok(manager.post("/api/fleet/drivers/" + suspended + "/suspension", "{\"reason\":\"年休假\"}"), 200);
        assertRule(fleet.dispatch(manager, trip, fleet.vehicle(LECONG), suspended), "driver-not-available", "driverId");
        assertRule(fleet.dispatch(manager, trip, fleet.vehicle(LECONG), fleet.driver(LECONG, "C1", "2019-10-08")),
                "licence-expired", "driverId");
        assertRule(fleet.dispatch(manager, trip, fleet.vehicle(LECONG, 19, "80", "12", 1000), fleet.driver(LECONG)),
                "licence-class", "driverId");

        String full = fleet.ok(fleet.clerk(LECONG).post(TRIPS, FleetFixture.plan(WEDNESDAY, NOON, 5)), 201).get("id").asString();
        fleet.ok(manager.post(TRIPS + "/" + full + "/approval", "{}"), 200);
        assertRule(fleet.dispatch(manager, full, fleet.vehicle(LECONG), fleet.driver(LECONG)), "not-enough-seats", "vehicleId");
    }

    @Test
    void another_towns_trip_does_not_exist_for_you_and_roles_are_checked() {
        String trip = fleet.requested(LECONG, WEDNESDAY, NOON);
        assertThat(fleet.clerk(BEIJIAO).get(TRIPS + "/" + trip).status()).isEqualTo(404);
        assertThat(fleet.manager(BEIJIAO).post(TRIPS + "/" + trip + "/approval", "{}").status()).isEqualTo(404);
        Api.Response otherTown = fleet.clerk(BEIJIAO).get(TRIPS + "?town=" + LECONG);
        assertThat(otherTown.status()).isEqualTo(403);
        assertThat(otherTown.isProblem()).isTrue();
        assertThat(fleet.district().get(TRIPS + "/" + trip).status()).isEqualTo(200);
        assertThat(fleet.district().post(TRIPS, FleetFixture.plan(WEDNESDAY, NOON, 0)).status())
                .as("district names the town").isEqualTo(400);

        Api.Response clerkApproves = fleet.as("another-clerk", LECONG, "OFFICE_CLERK").post(TRIPS + "/" + trip + "/approval", "{}");
        assertThat(clerkApproves.status()).isEqualTo(403);
        assertThat(clerkApproves.isProblem()).isTrue();
        assertThat(fleet.leader(LECONG).post(TRIPS + "/" + trip + "/dispatch",
                "{\"vehicleId\":\"" + UUID.randomUUID() + "\",\"driverId\":\"" + UUID.randomUUID() + "\"}").status()).isEqualTo(403);
        assertThat(fleet.as("another-clerk", LECONG, "OFFICE_CLERK").post(TRIPS + "/" + trip + "/cancellation",
                "{\"reason\":\"x\"}").status()).as("only the requester or the office").isEqualTo(403);
        assertThat(fleet.clerk(LECONG).post(TRIPS + "/" + trip + "/cancellation", "{\"reason\":\"不去了\"}").status())
                .isEqualTo(200);

        assertThat(new Api(port).post(TRIPS, FleetFixture.plan(WEDNESDAY, NOON, 0)).status()).isEqualTo(401);
        assertThat(new Api(port).get(TRIPS + "/" + trip).status()).isEqualTo(401);
    }

    @Test
    void the_booking_check_reads_the_booking_indexes() {
        for (String[] q : new String[][] {{TripBookings.VEHICLE_CONFLICTS, "ix_trip_vehicle_booking"},
                {TripBookings.DRIVER_CONFLICTS, "ix_trip_driver_booking"}}) {
            List<String> plan = jdbc.sql("EXPLAIN " + q[0])
                    .params(UUID.randomUUID().toString(), UtcTimes.param(NOON), UtcTimes.param(WEDNESDAY), UUID.randomUUID().toString())
                    .query((rs, i) -> rs.getString("key")).list();
            assertThat(plan).containsExactly(q[1]);
        }
    }

    @Test
    void the_fleet_endpoints_are_documented() {
        assertThat(new Api(port).get("/v3/api-docs").body()).contains("/api/fleet/trips", "/api/fleet/trips/{id}/dispatch",
                "/api/fleet/trips/{id}/departure", "/api/fleet/trips/{id}/return", "/api/fleet/trips/{id}/closing",
                "/api/fleet/trips/imports", "/api/fleet/trip-log", "/api/fleet/drivers", "/api/fleet/fuel-cards",
                "/api/fleet/providers", "/api/fleet/refuels", "/api/fleet/repairs", "/api/fleet/insurance-policies",
                "/api/fleet/alerts", "/api/fleet/accounts", "/api/fleet/vehicles/{id}/accounts", "/api/fleet/stats");
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM trip").query(Long.class).single();
    }

    private void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }

    private void assertConflict(Api.Response r, String currentStatus) {
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.isProblem()).isTrue();
        assertThat(fleet.read(r).get("currentStatus").asString()).isEqualTo(currentStatus);
    }

    private void assertRule(Api.Response r, String rule, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        JsonNode problem = fleet.read(r);
        assertThat(problem.get("rule").asString()).isEqualTo(rule);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private static JsonNode find(JsonNode array, String tripId) {
        for (JsonNode n : array) {
            if (tripId.equals(n.get("tripId").asString())) {
                return n;
            }
        }
        throw new AssertionError("trip " + tripId + " not in " + array);
    }
}
