package org.zhenwu.congress.reliability;

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
    static final String S = "/api/congress/suggestions";

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JsonMapper json;

    @Test
    void a_poison_supervision_event_is_dead_lettered_and_the_next_event_on_its_partition_is_applied() throws Exception {
        String key = DeadLetters.sendPoison(DocumentTopics.SUPERVISION_EVENTS, SupervisionCompleted.TYPE);
        Api staff = new Api(port).as(TestTokens.tokenWith("staff-p", TOWN, "人大办", "NONE", "CONGRESS_STAFF"));
        String id = json.readTree(staff.post(S, """
                {"session":"第十七届人大第七次会议","title":"关于路灯的建议","content":"路灯不亮","deputies":["陈国强"],
                 "submittedAt":"2019-01-15T02:00:00Z"}""").body()).get("id").asString();
        assertThat(staff.post(S + "/" + id + "/registration", "").status()).isEqualTo(200);
        assertThat(staff.post(S + "/" + id + "/assignment", "{\"leadUnit\":\"规划建设办\"}").status()).isEqualTo(200);
        var done = SupervisionCompleted.of(TOWN, UUID.randomUUID(), SupervisionCompleted.ORIGIN_CONGRESS_SUGGESTION, id,
                "代表建议督办", "规划建设办", LocalDate.now().plusMonths(3), LocalDate.now(), true, "已完成", Instant.now());
        var record = new ProducerRecord<>(DocumentTopics.SUPERVISION_EVENTS, key, json.writeValueAsString(done));
        record.headers().add(EventHeaders.EVENT_TYPE, SupervisionCompleted.TYPE.getBytes(UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, done.eventId().toString().getBytes(UTF_8));
        kafka.send(record).get();

        var dead = DeadLetters.awaitDeadLetter(DocumentTopics.SUPERVISION_EVENTS, key, "congress-service", Duration.ofSeconds(30));
        assertThat(dead.value()).isEqualTo("{not json at all");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !json.readTree(staff.get(S + "/" + id).body()).get("supervisionCompletedOn").isNull());
    }
}
