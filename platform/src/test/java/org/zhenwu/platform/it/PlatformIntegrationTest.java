package org.zhenwu.platform.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.platform.it.PlatformTestApplication.NoteCreated;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.SharedKafka;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.json.JsonMapper;

@ZhenwuIntegrationTest
class PlatformIntegrationTest {
    static final String TOWN = "440606104";
    static final String OTHER_TOWN = "440606105";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JsonMapper json;

    Api api() {
        return new Api(port).as(TestTokens.token("clerk-" + UUID.randomUUID(), TOWN, "OFFICE_CLERK"));
    }

    UUID create(String text) {
        Api.Response r = api().post("/api/notes", "{\"text\":\"" + text + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(json.readTree(r.body()).get("id").asString());
    }

    @Test
    void a_committed_change_reaches_the_consumer_once_even_when_the_event_is_delivered_twice() throws Exception {
        UUID note = create("first note");
        await().atMost(Duration.ofSeconds(20)).until(() -> received(note) == 1);

        // Redeliver the very same event (same event-id), as a broker would after a consumer crash.
        String eventId = jdbc.sql("SELECT event_id FROM outbox_event WHERE message_key = ?").param(note.toString())
                .query(String.class).single();
        String payload = jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ?").param(note.toString())
                .query(String.class).single();
        var duplicate = new ProducerRecord<>(PlatformTestApplication.TOPIC, note.toString(), payload);
        duplicate.headers().add(EventHeaders.EVENT_TYPE, NoteCreated.TYPE.getBytes(UTF_8));
        duplicate.headers().add(EventHeaders.EVENT_ID, eventId.getBytes(UTF_8));
        kafka.send(duplicate).get();
        UUID marker = create("sent after the duplicate");
        await().atMost(Duration.ofSeconds(20)).until(() -> received(marker) == 1);

        assertThat(received(note)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT published_at IS NOT NULL FROM outbox_event WHERE message_key = ?")
                .param(note.toString()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void a_rolled_back_change_publishes_nothing() {
        Api.Response r = api().post("/api/notes", "{\"text\":\"fail-after-append\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE payload LIKE '%fail-after-append%'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note WHERE text = 'fail-after-append'").query(Long.class).single()).isZero();
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_the_partition_keeps_flowing() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        var poison = new ProducerRecord<>(PlatformTestApplication.TOPIC, key, "{not json");
        poison.headers().add(EventHeaders.EVENT_TYPE, NoteCreated.TYPE.getBytes(UTF_8));
        kafka.send(poison).get();

        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(PlatformTestApplication.TOPIC + ".DLT"));
            Instant deadline = Instant.now().plusSeconds(30);
            boolean found = false;
            while (!found && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    found |= key.equals(record.key()) && "{not json".equals(record.value());
                }
            }
            assertThat(found).as("poison record on the DLT").isTrue();
        }
        UUID after = create("after the poison");
        await().atMost(Duration.ofSeconds(20)).until(() -> received(after) == 1);
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_and_writes_nothing() {
        long before = notes();
        Api.Response blank = api().post("/api/notes", "{\"text\":\"\"}");
        assertThat(blank.status()).as(blank.body()).isEqualTo(400);
        assertThat(blank.isProblem()).isTrue();
        assertThat(json.readTree(blank.body()).get("errors").get(0).get("field").asString()).isEqualTo("text");

        Api.Response wrongType = api().post("/api/notes", "{\"text\":{\"nested\":1}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"field\":\"text\"");

        Api.Response notJson = api().post("/api/notes", "{\"text\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.isProblem()).isTrue();

        Api.Response tooLarge = api().post("/api/notes", "{\"text\":\"" + "x".repeat(20_000) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.isProblem()).isTrue();

        Api.Response badId = api().post("/api/notes/not-a-uuid/archive", "");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body()).contains("\"field\":\"id\"");
        assertThat(notes()).isEqualTo(before);
    }

    @Test
    void tokens_are_required_and_checked() {
        Api anonymous = new Api(port);
        Api.Response none = anonymous.post("/api/notes", "{\"text\":\"x\"}");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();

        String forged = TestTokens.sign("another-secret-that-is-long-enough-to-be-hmac-key",
                new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("mallory").issuer("zhenwu").audience("zhenwu")
                        .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000)).build());
        assertThat(anonymous.as(forged).post("/api/notes", "{\"text\":\"x\"}").status()).isEqualTo(401);

        String otherAudience = TestTokens.sign(TestTokens.SECRET,
                new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("eve").issuer("zhenwu").audience("elsewhere")
                        .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000)).build());
        assertThat(anonymous.as(otherAudience).post("/api/notes", "{\"text\":\"x\"}").status()).isEqualTo(401);

        String expired = TestTokens.sign(TestTokens.SECRET,
                new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("late").issuer("zhenwu").audience("zhenwu")
                        .expirationTime(new java.util.Date(System.currentTimeMillis() - 600_000)).build());
        assertThat(anonymous.as(expired).post("/api/notes", "{\"text\":\"x\"}").status()).isEqualTo(401);

        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void a_town_never_reaches_another_towns_records() {
        UUID note = create("mine");
        Api other = new Api(port).as(TestTokens.token("clerk-b", OTHER_TOWN, "OFFICE_CLERK"));
        Api.Response archive = other.post("/api/notes/" + note + "/archive", "");
        assertThat(archive.status()).isEqualTo(404);

        Api.Response foreignWrite = api().post("/api/notes", "{\"town\":\"" + OTHER_TOWN + "\",\"text\":\"x\"}");
        assertThat(foreignWrite.status()).isEqualTo(403);
        assertThat(foreignWrite.isProblem()).isTrue();

        Api district = new Api(port).as(TestTokens.token("district", "DISTRICT", "DISTRICT_ADMIN"));
        assertThat(district.post("/api/notes/" + note + "/archive", "").status()).isEqualTo(204);
        Api.Response again = district.post("/api/notes/" + note + "/archive", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("currentStatus").asString()).isEqualTo("ARCHIVED");
    }

    private int received(UUID note) {
        return jdbc.sql("SELECT COALESCE(MAX(times), 0) FROM received_note WHERE note_id = ?").param(note.toString())
                .query(Integer.class).single();
    }

    private long notes() {
        return jdbc.sql("SELECT COUNT(*) FROM note").query(Long.class).single();
    }
}
