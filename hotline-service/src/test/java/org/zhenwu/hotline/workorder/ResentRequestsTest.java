package org.zhenwu.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.contracts.hotline.v1.WorkOrderDispatched;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * An agent's console that got no answer (the gateway's 503 after its time limit, a dropped connection) sends the same
 * request again with the same {@code Idempotency-Key}: the call is filed once, the claim takes one order, the dispatch
 * is one 派单, and the console gets the first answer back instead of a 409 about its own earlier success.
 */
@ZhenwuIntegrationTest
class ResentRequestsTest {
    static final String TOWN = "440606102";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api agent() {
        return new Api(port).as(TestTokens.tokenWith("agent-resend", TOWN, "12345热线", "NONE", "HOTLINE_AGENT"));
    }

    Api.Response send(String path, String key, String body) {
        Api api = agent();
        return api.send(api.request(path).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void a_resent_intake_claim_and_dispatch_each_happen_once() {
        String content = "重发的来电 " + UUID.randomUUID();
        String call = """
                {"type":"COMPLAINT","channel":"PHONE","category":"城市管理/占道经营","content":"%s"}""".formatted(content);
        String intakeKey = UUID.randomUUID().toString();
        Api.Response filed = send("/api/hotline/work-orders", intakeKey, call);
        Api.Response filedAgain = send("/api/hotline/work-orders", intakeKey, call);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filedAgain.status()).isEqualTo(201);
        assertThat(filedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        String id = json.readTree(filed.body()).get("id").asString();
        assertThat(json.readTree(filedAgain.body()).get("id").asString()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_order WHERE content = ?").param(content).query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(events(id, WorkOrderCreated.TYPE)).isEqualTo(1);

        String claimKey = UUID.randomUUID().toString();
        Api.Response claimed = send("/api/hotline/queues/DISPATCH/claims", claimKey, "");
        Api.Response claimedAgain = send("/api/hotline/queues/DISPATCH/claims", claimKey, "");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(claimedAgain.body()).as("the same order, not a second one").isEqualTo(claimed.body());

        String dispatchKey = UUID.randomUUID().toString();
        String dispatch = "{\"department\":\"城市管理办\"}";
        Api.Response dispatched = send("/api/hotline/work-orders/" + id + "/dispatch", dispatchKey, dispatch);
        Api.Response dispatchedAgain = send("/api/hotline/work-orders/" + id + "/dispatch", dispatchKey, dispatch);
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
        assertThat(dispatchedAgain.status()).as("not 409 DISPATCHED → DISPATCHED").isEqualTo(200);
        assertThat(dispatchedAgain.body()).isEqualTo(dispatched.body());
        assertThat(events(id, WorkOrderDispatched.TYPE)).isEqualTo(1);

        // without the key, sending it again is a new request, judged by the state machine
        Api.Response unkeyed = agent().post("/api/hotline/work-orders/" + id + "/dispatch", dispatch);
        assertThat(unkeyed.status()).isEqualTo(409);
    }

    private int events(String id, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE message_key = ? AND event_type = ?").params(id, type)
                .query(Integer.class).single();
    }
}
