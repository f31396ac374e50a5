package org.zhenwu.document.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.IntegrationEvent;
import org.zhenwu.contracts.congress.v1.CongressTopics;
import org.zhenwu.contracts.congress.v1.SuggestionSubmitted;
import org.zhenwu.contracts.fleet.v1.FleetTopics;
import org.zhenwu.contracts.fleet.v1.TripCompleted;
import org.zhenwu.contracts.hotline.v1.HotlineTopics;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.contracts.servicehall.v1.ApplicationAccepted;
import org.zhenwu.contracts.servicehall.v1.ServiceHallTopics;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.DeadLetters;

/**
 * A record the office's read model cannot read (the payload is not JSON) is retried, then parked in
 * {@code <topic>.DLT} by consumer group {@code document-service}, on each of the four topics it consumes; the next
 * event behind it on the same partition is counted; and the parked record can be replayed once repaired, counted once
 * however often it is replayed.
 */
class PoisonMessageTest extends ApiTestSupport {
    static final String TOWN = "440606104";
    static final String GROUP = "document-service";
    static final String REPORT_CONSUMER = "document-service.report";
    /** A year no other test of this context counts in, so the figure below is this test's alone. */
    static final int YEAR = 2008;
    static final Duration PATIENCE = Duration.ofSeconds(40);

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void hotline_poison_is_dead_lettered_the_partition_flows_and_the_repaired_record_replays_once() throws Exception {
        Instant accepted = Instant.parse(YEAR + "-06-10T02:00:00Z");
        String key = DeadLetters.sendPoison(HotlineTopics.WORK_ORDER_EVENTS, WorkOrderCreated.TYPE);
        WorkOrderCreated next = WorkOrderCreated.of(TOWN, UUID.randomUUID(), TOWN + "-p1", "COMPLAINT", "PHONE",
                "城市管理", "NORMAL", LocalDate.of(YEAR, 6, 27), accepted);
        send(HotlineTopics.WORK_ORDER_EVENTS, key, WorkOrderCreated.TYPE, next);

        var dead = DeadLetters.awaitDeadLetter(HotlineTopics.WORK_ORDER_EVENTS, key, GROUP, PATIENCE);
        assertThat(dead.value()).isEqualTo("{not json at all");
        assertThat(header(dead, "kafka_dlt-exception-message")).isNotBlank();
        awaitCounted(next);
        assertThat(workOrdersIn(YEAR)).isEqualTo(1);

        // the operator repairs the payload and replays it, twice by mistake: counted once
        WorkOrderCreated repaired = WorkOrderCreated.of(TOWN, UUID.randomUUID(), TOWN + "-p0", "COMPLAINT", "PHONE",
                "城市管理", "NORMAL", LocalDate.of(YEAR, 6, 27), accepted);
        DeadLetters.replay(dead, json.writeValueAsString(repaired));
        DeadLetters.replay(dead, json.writeValueAsString(repaired));
        awaitCounted(repaired);
        // a third event behind the two replays: once it is counted, both replays have been handled
        WorkOrderCreated last = WorkOrderCreated.of(TOWN, UUID.randomUUID(), TOWN + "-p2", "COMPLAINT", "PHONE",
                "城市管理", "NORMAL", LocalDate.of(YEAR, 6, 27), accepted);
        send(HotlineTopics.WORK_ORDER_EVENTS, key, WorkOrderCreated.TYPE, last);
        awaitCounted(last);
        assertThat(workOrdersIn(YEAR)).as("the replayed order counts once").isEqualTo(3);
    }

    @Test
    void service_hall_poison_is_dead_lettered_and_the_next_application_is_counted() throws Exception {
        String key = DeadLetters.sendPoison(ServiceHallTopics.APPLICATION_EVENTS, ApplicationAccepted.TYPE);
        UUID id = UUID.randomUUID();
        LocalDate on = LocalDate.of(YEAR, 7, 1);
        var next = send(ServiceHallTopics.APPLICATION_EVENTS, key, ApplicationAccepted.TYPE,
                ApplicationAccepted.of(TOWN, id, TOWN + "-" + id, UUID.randomUUID(), "M01", "个体工商户登记", "市场监管所",
                        "WINDOW", on, on.plusDays(5), 5, Instant.parse(YEAR + "-07-01T02:00:00Z")));
        expectDeadLetterThenFlow(ServiceHallTopics.APPLICATION_EVENTS, key, next);
    }

    @Test
    void fleet_poison_is_dead_lettered_and_the_next_trip_is_counted() throws Exception {
        String key = DeadLetters.sendPoison(FleetTopics.TRIP_EVENTS, TripCompleted.TYPE);
        Instant departed = Instant.parse(YEAR + "-08-01T01:00:00Z");
        var next = send(FleetTopics.TRIP_EVENTS, key, TripCompleted.TYPE, TripCompleted.of(TOWN, UUID.randomUUID(),
                UUID.randomUUID(), "粤X12345", "GENERAL_OFFICIAL", "公务", "区政府", departed, departed.plusSeconds(7200), 35,
                new BigDecimal("5.5"), new BigDecimal("61.25"), false, departed.plusSeconds(9000)));
        expectDeadLetterThenFlow(FleetTopics.TRIP_EVENTS, key, next);
    }

    @Test
    void congress_poison_is_dead_lettered_and_the_next_suggestion_is_counted() throws Exception {
        String key = DeadLetters.sendPoison(CongressTopics.SUGGESTION_EVENTS, SuggestionSubmitted.TYPE);
        Instant submitted = Instant.parse(YEAR + "-03-01T01:00:00Z");
        var next = send(CongressTopics.SUGGESTION_EVENTS, key, SuggestionSubmitted.TYPE, SuggestionSubmitted.of(TOWN,
                UUID.randomUUID(), "SUGGESTION", "第十七届人大第一次会议", "关于加强河涌整治的建议", submitted,
                submitted.plusSeconds(60)));
        expectDeadLetterThenFlow(CongressTopics.SUGGESTION_EVENTS, key, next);
    }

    /** The poison of {@code key} parked by this service's group, and {@code next}, sent behind it, counted. */
    private void expectDeadLetterThenFlow(String topic, String key, IntegrationEvent next) {
        var dead = DeadLetters.awaitDeadLetter(topic, key, GROUP, PATIENCE);
        assertThat(dead.value()).isEqualTo("{not json at all");
        assertThat(dead.partition()).as("same partition number on the DLT").isEqualTo(partitionOf(key));
        awaitCounted(next);
    }

    private final java.util.Map<String, Integer> partitions = new java.util.concurrent.ConcurrentHashMap<>();

    private <E extends IntegrationEvent> E send(String topic, String key, String type, E event) throws Exception {
        var record = new ProducerRecord<>(topic, key, json.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(UTF_8));
        partitions.put(key, kafka.send(record).get().getRecordMetadata().partition());
        return event;
    }

    private int partitionOf(String key) {
        return partitions.get(key);
    }

    /** Counted = its inbox row exists: the row and the count commit in one transaction. */
    private void awaitCounted(IntegrationEvent event) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                        SELECT COUNT(*) FROM inbox_event WHERE consumer = ? AND event_id = ?""")
                .params(REPORT_CONSUMER, event.eventId().toString()).query(Long.class).single() == 1);
    }

    private long workOrdersIn(int year) {
        return jdbc.sql("SELECT COALESCE(SUM(work_orders), 0) FROM hotline_month WHERE town_code = ? AND year = ?")
                .params(TOWN, year).query(Long.class).single();
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), UTF_8);
    }
}
