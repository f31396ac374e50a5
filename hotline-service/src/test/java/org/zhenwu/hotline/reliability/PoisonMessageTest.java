package org.zhenwu.hotline.reliability;

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
import org.zhenwu.platform.test.DeadLetters;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.json.JsonMapper;

/** A record this service cannot read ends in {@code document.supervision.v1.DLT}; the partition keeps flowing. */
@ZhenwuIntegrationTest
class PoisonMessageTest {
    static final String TOWN = "440606100";

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_poison_supervision_event_is_dead_lettered_and_the_next_event_on_its_partition_is_applied() throws Exception {
        String key = DeadLetters.sendPoison(DocumentTopics.SUPERVISION_EVENTS, SupervisionCompleted.TYPE);
        // the next event, on the same key and so on the same partition, behind the poison
        Api agent = new Api(port).as(TestTokens.tokenWith("agent-p", TOWN, "12345热线", "NONE", "HOTLINE_AGENT"));
        String order = json.readTree(agent.post("/api/hotline/work-orders", """
                {"type":"COMPLAINT","channel":"PHONE","category":"城市管理","content":"占道"}""").body()).get("id").asString();
        SupervisionCompleted done = SupervisionCompleted.of(TOWN, UUID.randomUUID(),
                SupervisionCompleted.ORIGIN_HOTLINE_WORK_ORDER, order, "督办: 占道", "城市管理办", LocalDate.now(),
                LocalDate.now(), true, "已整治", Instant.now());
        var record = new ProducerRecord<>(DocumentTopics.SUPERVISION_EVENTS, key, json.writeValueAsString(done));
        record.headers().add(EventHeaders.EVENT_TYPE, SupervisionCompleted.TYPE.getBytes(UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, done.eventId().toString().getBytes(UTF_8));
        kafka.send(record).get();

        var dead = DeadLetters.awaitDeadLetter(DocumentTopics.SUPERVISION_EVENTS, key, "hotline-service", Duration.ofSeconds(30));
        assertThat(dead.value()).isEqualTo("{not json at all");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM work_order_transition WHERE work_order_id = ? AND note LIKE '督办完成%'""")
                .param(order).query(Long.class).single() == 1);
    }
}
