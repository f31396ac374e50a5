package org.zhenwu.hotline.supervision;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.SupervisionCompleted;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.json.JsonMapper;

@ZhenwuIntegrationTest
class SupervisionEventsTest {
    static final String TOWN = "440606105";

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_completed_supervision_is_noted_once_on_the_work_order_it_came_from() throws Exception {
        Api agent = new Api(port).as(TestTokens.tokenWith("agent-s", TOWN, "12345热线", "NONE", "HOTLINE_AGENT"));
        String id = json.readTree(agent.post("/api/hotline/work-orders", """
                {"type":"COMPLAINT","channel":"PHONE","category":"城市管理","content":"占道"}""").body()).get("id").asString();
        SupervisionCompleted done = SupervisionCompleted.of(TOWN, UUID.randomUUID(),
                SupervisionCompleted.ORIGIN_HOTLINE_WORK_ORDER, id, "督办: 占道", "城市管理办", LocalDate.now(),
                LocalDate.now(), true, "已整治并建立长效机制", Instant.now());
        SupervisionCompleted someoneElses = SupervisionCompleted.of(TOWN, UUID.randomUUID(),
                SupervisionCompleted.ORIGIN_CONGRESS_SUGGESTION, id, "x", "y", LocalDate.now(), LocalDate.now(), true, "z",
                Instant.now());
        send(done);
        send(someoneElses);
        send(done); // redelivered

        await().atMost(Duration.ofSeconds(20)).until(() -> notes(id) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> notes(id) == 1);
        assertThat(agent.get("/api/hotline/work-orders/" + id).body()).contains("已整治并建立长效机制");
    }

    private long notes(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM work_order_transition WHERE work_order_id = ? AND note LIKE '督办完成%'")
                .param(id).query(Long.class).single();
    }

    private void send(SupervisionCompleted event) throws Exception {
        var record = new ProducerRecord<>(DocumentTopics.SUPERVISION_EVENTS, event.taskId().toString(),
                json.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_TYPE, SupervisionCompleted.TYPE.getBytes(UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(UTF_8));
        kafka.send(record).get();
    }
}
