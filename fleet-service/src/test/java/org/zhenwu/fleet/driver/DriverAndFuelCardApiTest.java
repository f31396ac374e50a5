package org.zhenwu.fleet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhenwu.fleet.FleetFixture.BEIJIAO;
import static org.zhenwu.fleet.FleetFixture.LECONG;

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

/** The drivers' and the fuel cards' registers over HTTP. */
@ZhenwuIntegrationTest
class DriverAndFuelCardApiTest {
    static final String DRIVERS = "/api/fleet/drivers";
    static final String CARDS = "/api/fleet/fuel-cards";

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
    void a_driver_is_registered_once_per_licence_and_suspended_reinstated_renewed_and_retired() {
        String body = """
                {"name":"陈建华","phone":"13900002222","licenceNumber":"440606197805061111","licenceClass":"B1",
                 "licenceExpiresOn":"2030-05-06"}""";
        JsonNode driver = fleet.ok(fleet.manager(LECONG).post(DRIVERS, body), 201);
        String id = driver.get("id").asString();
        assertThat(driver.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(driver.get("town").asString()).isEqualTo(LECONG);

        Api.Response twin = fleet.manager(LECONG).post(DRIVERS, body);
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.isProblem()).isTrue();
        assertThat(twin.body()).contains("\"field\":\"licenceNumber\"");
        fleet.ok(fleet.manager(BEIJIAO).post(DRIVERS, body), 201);

        String path = DRIVERS + "/" + id;
        assertThat(fleet.ok(fleet.manager(LECONG).post(path + "/suspension", "{\"reason\":\"年休假\"}"), 200)
                .get("status").asString()).isEqualTo("SUSPENDED");
        fleet.ok(fleet.manager(LECONG).post(path + "/reinstatement", "{}"), 200);
        JsonNode renewed = fleet.ok(fleet.manager(LECONG).post(path + "/licence-renewal",
                "{\"licenceClass\":\"A1\",\"licenceExpiresOn\":\"2036-05-06\"}"), 200);
        assertThat(renewed.get("licenceClass").asString()).isEqualTo("A1");
        fleet.ok(fleet.manager(LECONG).post(path + "/retirement", "{\"reason\":\"退休\"}"), 200);
        Api.Response again = fleet.manager(LECONG).post(path + "/reinstatement", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(fleet.read(again).get("currentStatus").asString()).isEqualTo("RETIRED");
        assertThat(fleet.ok(fleet.clerk(LECONG).get(DRIVERS + "?status=RETIRED"), 200).toString()).contains(id);
    }

    @Test
    void bad_drivers_name_the_field_and_write_nothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM driver").query(Long.class).single();
        assertField(fleet.manager(LECONG).post(DRIVERS, """
                {"name":"","licenceNumber":"440606197805062222","licenceClass":"C1","licenceExpiresOn":"2030-01-01"}"""), "name");
        assertField(fleet.manager(LECONG).post(DRIVERS, """
                {"name":"王","licenceNumber":"44-06","licenceClass":"C1","licenceExpiresOn":"2030-01-01"}"""), "licenceNumber");
        assertField(fleet.manager(LECONG).post(DRIVERS, """
                {"name":"王","licenceNumber":"440606197805062222","licenceClass":"Z9","licenceExpiresOn":"2030-01-01"}"""), "licenceClass");
        assertField(fleet.manager(LECONG).post(DRIVERS, """
                {"name":"王","licenceNumber":"440606197805062222","licenceClass":"C1","licenceExpiresOn":"soon"}"""), "licenceExpiresOn");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM driver").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void only_fleet_managers_write_registers_and_other_towns_see_nothing() {
        String driver = fleet.driver(LECONG);
        Api.Response byLeader = fleet.leader(LECONG).post(DRIVERS + "/" + driver + "/suspension", "{\"reason\":\"x\"}");
        assertThat(byLeader.status()).isEqualTo(403);
        assertThat(byLeader.isProblem()).isTrue();
        assertThat(fleet.leader(LECONG).get(DRIVERS + "/" + driver).status()).isEqualTo(200);
        assertThat(fleet.manager(BEIJIAO).get(DRIVERS + "/" + driver).status()).isEqualTo(404);
        assertThat(fleet.manager(BEIJIAO).get(DRIVERS + "?town=" + LECONG).status()).isEqualTo(403);
        assertThat(fleet.district().get(DRIVERS + "/" + driver).status()).isEqualTo(200);
        assertThat(new Api(port).get(DRIVERS).status()).isEqualTo(401);
        assertThat(fleet.clerk(LECONG).post(CARDS, "{\"cardNumber\":\"1000113200001234\",\"issuer\":\"中石化\"}").status())
                .isEqualTo(403);
    }

    @Test
    void a_fuel_card_belongs_to_a_vehicle_of_the_town_or_to_the_pool_and_can_be_cancelled() {
        String vehicle = fleet.vehicle(LECONG);
        JsonNode card = fleet.ok(fleet.manager(LECONG).post(CARDS,
                "{\"cardNumber\":\"1000113200005678\",\"issuer\":\"中石化\",\"vehicleId\":\"" + vehicle + "\"}"), 201);
        assertThat(card.get("status").asString()).isEqualTo("ACTIVE");
        Api.Response twin = fleet.manager(BEIJIAO).post(CARDS, "{\"cardNumber\":\"1000113200005678\",\"issuer\":\"中石化\"}");
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.body()).contains("\"field\":\"cardNumber\"");
        assertField(fleet.manager(BEIJIAO).post(CARDS,
                "{\"cardNumber\":\"1000113200009999\",\"issuer\":\"中石化\",\"vehicleId\":\"" + vehicle + "\"}"), "vehicleId");
        assertField(fleet.manager(LECONG).post(CARDS, "{\"cardNumber\":\"12AB\",\"issuer\":\"中石化\"}"), "cardNumber");

        String id = card.get("id").asString();
        assertThat(fleet.ok(fleet.manager(LECONG).post(CARDS + "/" + id + "/cancellation", "{\"reason\":\"遗失\"}"), 200)
                .get("status").asString()).isEqualTo("CANCELLED");
        Api.Response twice = fleet.manager(LECONG).post(CARDS + "/" + id + "/cancellation", "{\"reason\":\"遗失\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(fleet.read(twice).get("currentStatus").asString()).isEqualTo("CANCELLED");
        assertThat(fleet.ok(fleet.clerk(LECONG).get(CARDS), 200).toString()).contains(id);
        assertThat(fleet.ok(fleet.clerk(BEIJIAO).get(CARDS), 200).toString()).doesNotContain(id);
    }

    private static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }
}
