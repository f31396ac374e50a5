package org.zhenwu.servicehall.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;
import org.zhenwu.servicehall.support.Hall;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 办事停车优惠: a served applicant gets one code, used once before it expires. */
@ZhenwuIntegrationTest
class ParkingVoucherApiTest {
    static final String TOWN = "440606103";
    static final String VOUCHERS = Hall.BASE + "/parking-vouchers";
    private static final AtomicInteger QUEUES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    String[] servedAndWaiting(Hall hall) {
        Api clerk = hall.clerk(TOWN);
        String q = "P" + (char) ('A' + QUEUES.getAndIncrement());
        hall.ok(clerk.post(Hall.BASE + "/queues", "{\"code\":\"" + q + "\",\"name\":\"停车\"}"), 201);
        String window = hall.ok(clerk.post(Hall.BASE + "/windows", "{\"number\":\"P-" + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"name\":\"p\",\"queues\":[\"" + q + "\"]}"), 201).get("id").asString();
        String served = hall.ok(clerk.post(Hall.BASE + "/tickets", "{\"queue\":\"" + q + "\"}"), 201).get("id").asString();
        String waiting = hall.ok(clerk.post(Hall.BASE + "/tickets", "{\"queue\":\"" + q + "\"}"), 201).get("id").asString();
        hall.ok(clerk.post(Hall.BASE + "/windows/" + window + "/calls", ""), 200);
        hall.ok(clerk.post(Hall.BASE + "/tickets/" + served + "/arrival", ""), 200);
        hall.ok(clerk.post(Hall.BASE + "/tickets/" + served + "/completion", ""), 200);
        return new String[]{served, waiting};
    }

    @Test
    void a_served_applicant_gets_one_voucher_which_works_once() {
        Hall hall = new Hall(port, json);
        String[] tickets = servedAndWaiting(hall);
        JsonNode voucher = hall.ok(hall.clerk(TOWN).post(VOUCHERS, "{\"ticketId\":\"" + tickets[0] + "\"}"), 201);
        String code = voucher.get("code").asString();
        assertThat(code).matches("[2-9A-HJKMNP-Z]{10}");
        assertThat(voucher.get("status").asString()).isEqualTo("VALID");
        Api.Response second = hall.clerk(TOWN).post(VOUCHERS, "{\"ticketId\":\"" + tickets[0] + "\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(hall.read(second).get("rule").asString()).isEqualTo("already-issued");

        assertThat(hall.ok(hall.clerk(TOWN).post(VOUCHERS + "/" + code + "/redemption", ""), 200)
                .get("status").asString()).isEqualTo("REDEEMED");
        Api.Response again = hall.clerk(TOWN).post(VOUCHERS + "/" + code + "/redemption", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(hall.read(again).get("rule").asString()).isEqualTo("already-redeemed");
    }

    @Test
    void no_voucher_before_service_none_after_expiry_and_none_for_other_towns() {
        Hall hall = new Hall(port, json);
        String[] tickets = servedAndWaiting(hall);
        Api.Response waiting = hall.clerk(TOWN).post(VOUCHERS, "{\"ticketId\":\"" + tickets[1] + "\"}");
        assertThat(waiting.status()).isEqualTo(409);
        assertThat(hall.read(waiting).get("rule").asString()).isEqualTo("not-served");
        Api.Response unknown = hall.clerk(TOWN).post(VOUCHERS, "{\"ticketId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"ticketId\"");
        assertThat(hall.clerk(TOWN).post(VOUCHERS, "{}").body()).contains("\"field\":\"ticketId\"");

        String code = hall.ok(hall.clerk(TOWN).post(VOUCHERS, "{\"ticketId\":\"" + tickets[0] + "\"}"), 201).get("code").asString();
        assertThat(hall.clerk("440606104").post(VOUCHERS + "/" + code + "/redemption", "").status()).isEqualTo(404);
        assertThat(hall.department(TOWN, "社会事务办").post(VOUCHERS + "/" + code + "/redemption", "").status()).isEqualTo(403);
        assertThat(hall.anonymous().post(VOUCHERS + "/" + code + "/redemption", "").status()).isEqualTo(401);
        jdbc.sql("UPDATE parking_voucher SET expires_at = TIMESTAMPADD(MINUTE, -1, CURRENT_TIMESTAMP(6)) WHERE code = ?").param(code).update();
        Api.Response expired = hall.clerk(TOWN).post(VOUCHERS + "/" + code + "/redemption", "");
        assertThat(expired.status()).isEqualTo(409);
        assertThat(hall.read(expired).get("rule").asString()).isEqualTo("expired");
        assertThat(hall.ok(hall.clerk(TOWN).get(VOUCHERS + "/" + code), 200).get("status").asString()).isEqualTo("EXPIRED");
    }
}
