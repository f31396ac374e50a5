package org.zhenwu.servicehall.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.SharedKafka;
import org.zhenwu.platform.test.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The people of a town's hall, as test clients, and the steps they share. */
public final class Hall {
    public static final String BASE = "/api/service-hall";
    private final int port;
    private final JsonMapper json;

    public Hall(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    public Api clerk(String town) {
        return new Api(port).as(TestTokens.tokenWith("clerk-" + town, town, "行政服务中心", "NONE", "HALL_CLERK"));
    }

    public Api department(String town, String department) {
        return new Api(port).as(TestTokens.tokenWith("handler-" + department, town, department, "NONE", "DEPARTMENT_HANDLER"));
    }

    public Api leader(String town) {
        return new Api(port).as(TestTokens.tokenWith("leader-" + town, town, "党政办", "NONE", "TOWN_LEADER"));
    }

    public Api district() {
        return new Api(port).as(TestTokens.token("district", "DISTRICT", "DISTRICT_ADMIN"));
    }

    public Api anonymous() {
        return new Api(port);
    }

    public JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.body().isEmpty() ? null : json.readTree(r.body());
    }

    public JsonNode read(Api.Response r) {
        return json.readTree(r.body());
    }

    /** A published matter of the town, decided by {@code department}; returns its id. */
    public String publishedMatter(String town, String department, int promisedDays, String... materials) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"code":"%s","name":"城乡居民最低生活保障申请","department":"%s","legalLimitDays":30,
                 "promisedLimitDays":%d,"requiredMaterials":[%s],"fee":0,"channels":["WINDOW","ONLINE","KIOSK"]}"""
                .formatted(code, department, promisedDays, materials.length == 0 ? ""
                        : "\"" + String.join("\",\"", materials) + "\"");
        String id = ok(clerk(town).post(BASE + "/matters", body), 201).get("id").asString();
        ok(clerk(town).post(BASE + "/matters/" + id + "/publication", "{}"), 200);
        return id;
    }

    /** 收件 at a window with the given materials; returns the application. */
    public JsonNode submit(String town, String matterId, String... provided) {
        return ok(clerk(town).post(BASE + "/applications", submission(matterId, provided)), 201);
    }

    public static String submission(String matterId, String... provided) {
        return """
                {"matterId":"%s","applicantName":"王五","applicantIdNumber":"44060619800101123X","applicantPhone":"13900001111",
                 "providedMaterials":[%s]}""".formatted(matterId, provided.length == 0 ? "" : "\"" + String.join("\",\"", provided) + "\"");
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    /** The records of one key on a topic, waiting until {@code expected} arrived (at most 30 s). */
    public static List<ConsumerRecord<String, String>> consume(String topic, String key, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && found.size() < expected) {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        assertThat(found).as("events for " + key + " on " + topic).hasSize(expected);
        return found;
    }
}
