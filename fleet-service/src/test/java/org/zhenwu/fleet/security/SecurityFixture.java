package org.zhenwu.fleet.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.zhenwu.fleet.FleetFixture;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.AuthorizationMatrix;

import tools.jackson.databind.json.JsonMapper;

/** The records, bodies and callers the security tests of this service share (see {@link AuthorizationMatrix}). */
final class SecurityFixture {
    static final String TOWN = "440606101";
    static final String OTHER_TOWN = "440606102";
    static final String F = "/api/fleet";
    /** Trips of the matrix are planned on days of their own, far from other tests' bookings. */
    private static final AtomicInteger DAYS = new AtomicInteger(400);

    private final int port;
    private final JsonMapper json;

    SecurityFixture(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    AuthorizationMatrix matrix() {
        FleetFixture fleet = new FleetFixture(port, json);
        return AuthorizationMatrix.of(port, json)
                .table("/security/authorization-matrix.csv")
                .towns(TOWN, OTHER_TOWN)
                .record("vehicles.id", fleet::vehicle)
                .record("vehicleId", fleet::vehicle)
                .record("driverId", fleet::driver)
                .record("drivers.id", fleet::driver)
                .record("fuel-cards.id", town -> fleet.fuelCard(town, fleet.vehicle(town)))
                .record("providers.id", town -> fleet.provider(town, "GARAGE"))
                .record("garageId", town -> fleet.provider(town, "GARAGE"))
                .record("insurerId", town -> fleet.provider(town, "INSURER"))
                .record("refuel", town -> refuelTarget(fleet, town))
                .record("trips.id", town -> trip(fleet, town))
                .record("repairs.id", town -> fleet.ok(fleet.manager(town).post(F + "/repairs", repair(fleet.vehicle(town),
                        fleet.provider(town, "GARAGE"))), 201).get("id").asString())
                .record("alerts.id", town -> alert(fleet, town))
                .record("plate", town -> fleet.ok(fleet.manager(town).get(F + "/vehicles/" + fleet.vehicle(town)), 200)
                        .get("plate").asString())
                .record("plateNo", town -> String.valueOf(10_000 + (int) (Math.random() * 89_999)))
                .record("uid", town -> UUID.randomUUID().toString().substring(0, 8))
                .record("card", town -> String.valueOf(10_000_000_000L + (long) (Math.random() * 1e9)))
                .body("POST " + F + "/vehicles", """
                        {"town":"${town}","plate":"粤Y${plateNo}","vehicleClass":"GENERAL_OFFICIAL","category":"PLATFORM","marked":true,
                         "seats":5,"tankLitres":55,"fuelPer100kmNorm":8.5,"odometerKm":1000}""")
                .body("POST " + F + "/vehicles/{id}/sealing", "{\"reason\":\"长期闲置\"}")
                .body("POST " + F + "/vehicles/{id}/disposal", "{\"reason\":\"报废\"}")
                .body("POST " + F + "/drivers", """
                        {"town":"${town}","name":"司机","phone":"13900001111","licenceNumber":"L${card}","licenceClass":"C1",
                         "licenceExpiresOn":"2035-12-31"}""")
                .body("POST " + F + "/drivers/{id}/suspension", "{\"reason\":\"违章\"}")
                .body("POST " + F + "/drivers/{id}/retirement", "{\"reason\":\"退休\"}")
                .body("POST " + F + "/drivers/{id}/licence-renewal", "{\"licenceClass\":\"C1\",\"licenceExpiresOn\":\"2040-12-31\"}")
                .body("POST " + F + "/fuel-cards", "{\"town\":\"${town}\",\"cardNumber\":\"${card}\",\"issuer\":\"中石化\",\"vehicleId\":\"${vehicleId}\"}")
                .body("POST " + F + "/fuel-cards/{id}/cancellation", "{\"reason\":\"挂失\"}")
                .body("POST " + F + "/trips", "{\"town\":\"${town}\",\"purpose\":\"开会\",\"destination\":\"区政府\",\"passengerCount\":1,"
                        + "\"plannedStart\":\"2031-01-06T01:00:00Z\",\"plannedEnd\":\"2031-01-06T04:00:00Z\"}")
                .body("POST " + F + "/trips/{id}/rejection", "{\"reason\":\"无必要\"}")
                .body("POST " + F + "/trips/{id}/dispatch", "{\"vehicleId\":\"${vehicleId}\",\"driverId\":\"${driverId}\"}")
                .body("POST " + F + "/trips/{id}/change", "{\"purpose\":\"开会\",\"destination\":\"区政府\",\"passengerCount\":2,"
                        + "\"plannedStart\":\"2031-01-07T01:00:00Z\",\"plannedEnd\":\"2031-01-07T04:00:00Z\",\"reason\":\"改期\"}")
                .body("POST " + F + "/trips/{id}/cancellation", "{\"reason\":\"会议取消\"}")
                .body("POST " + F + "/trips/{id}/departure", "{\"odometerKm\":1000}")
                .body("POST " + F + "/trips/{id}/return", "{\"odometerKm\":1050,\"route\":\"镇政府—区政府\"}")
                .body("POST " + F + "/trips/imports", "application/x-ndjson",
                        "{\"sourceId\":\"${uid}\",\"plate\":\"${plate}\",\"purpose\":\"取消的出车\",\"destination\":\"佛山\","
                                + "\"status\":\"CANCELLED\",\"plannedStart\":\"2019-11-05T09:00:00\",\"plannedEnd\":\"2019-11-05T12:00:00\","
                                + "\"cancelReason\":\"会议改期\"}")
                .body("POST " + F + "/providers", "{\"town\":\"${town}\",\"kind\":\"GARAGE\",\"name\":\"修理厂${uid}\","
                        + "\"contractNumber\":\"C-${uid}\",\"contractFrom\":\"2019-01-01\",\"contractTo\":\"2030-12-31\"}")
                .body("POST " + F + "/providers/{id}/termination", "{\"reason\":\"合同到期\"}")
                .body("POST " + F + "/refuels", "{\"town\":\"${town}\",${refuel},\"litres\":40,\"amountYuan\":300,\"odometerKm\":1100}")
                .body("POST " + F + "/repairs", "{\"town\":\"${town}\",\"vehicleId\":\"${vehicleId}\",\"providerId\":\"${garageId}\","
                        + "\"repairedOn\":\"2019-10-10\",\"description\":\"更换轮胎\",\"amountYuan\":800}")
                .body("POST " + F + "/repairs/{id}/rejection", "{\"reason\":\"价格过高\"}")
                .body("POST " + F + "/insurance-policies", "{\"town\":\"${town}\",\"vehicleId\":\"${vehicleId}\",\"providerId\":\"${insurerId}\","
                        + "\"policyNumber\":\"P-${uid}\",\"kind\":\"COMPULSORY\",\"startsOn\":\"2030-01-01\",\"endsOn\":\"2030-12-31\","
                        + "\"premiumYuan\":950}")
                ;
    }

    /** An approved trip requested by the matrix's own OFFICE_CLERK (so "the requester" is one of the callers). */
    private String trip(FleetFixture fleet, String town) {
        Instant start = Instant.parse("2030-01-01T01:00:00Z").plus(DAYS.incrementAndGet(), ChronoUnit.DAYS);
        Api requester = fleet.as("office_clerk-" + town, town, "OFFICE_CLERK");
        String id = fleet.ok(requester.post(F + "/trips", FleetFixture.plan(start, start.plusSeconds(3 * 3600), 1)), 201)
                .get("id").asString();
        fleet.ok(fleet.manager(town).post(F + "/trips/" + id + "/approval", "{}"), 200);
        return id;
    }

    /** The vehicle, fuel station and fuel card of a refuel, as JSON fields. */
    private String refuelTarget(FleetFixture fleet, String town) {
        String vehicle = fleet.vehicle(town);
        return "\"vehicleId\":\"" + vehicle + "\",\"providerId\":\"" + fleet.provider(town, "FUEL_STATION")
                + "\",\"fuelCardId\":\"" + fleet.fuelCard(town, vehicle) + "\"";
    }

    /** An over-tank refuel raises an alert. */
    private String alert(FleetFixture fleet, String town) {
        String vehicle = fleet.vehicle(town);
        fleet.ok(fleet.refuel(town, vehicle, fleet.provider(town, "FUEL_STATION"), fleet.fuelCard(town, vehicle),
                Instant.parse("2019-10-10T02:00:00Z"), "60", "450", 48_300), 201);
        return fleet.ok(fleet.manager(town).get(F + "/alerts?vehicle=" + vehicle), 200).get(0).get("id").asString();
    }

    private static String repair(String vehicle, String garage) {
        return "{\"vehicleId\":\"" + vehicle + "\",\"providerId\":\"" + garage
                + "\",\"repairedOn\":\"2019-10-10\",\"description\":\"更换刹车片\",\"amountYuan\":600}";
    }
}
