package org.zhenwu.document.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.IntegrationEvent;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.contracts.hotline.v1.WorkOrderMerged;
import org.zhenwu.contracts.servicehall.v1.ApplicationAccepted;
import org.zhenwu.contracts.servicehall.v1.ApplicationCompleted;
import org.zhenwu.contracts.servicehall.v1.ApplicationWithdrawn;
import org.zhenwu.contracts.servicehall.v1.ServiceHallTopics;
import org.zhenwu.document.ApiTestSupport;

/**
 * The read model is fed a poll's records at a time (one transaction per batch, one upsert per row): a batch counts
 * each event once however often it is delivered — whole batches sent again, ids repeated inside a batch, a consumer
 * stopped with a backlog and started again — and gives what counting one event at a time gives.
 */
class ReportFeedBatchTest extends ApiTestSupport {
    static final String TOWN = "440606102";
    /** Years no other test counts in. */
    static final int HALL_YEAR = 2005;
    static final int HOTLINE_YEAR = 2004;

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    ReportFeedService feed;

    @Test
    void a_backlog_sent_twice_while_the_consumer_was_stopped_counts_once() {
        MessageListenerContainer hall = listeners.getAllListenerContainers().stream()
                .filter(c -> List.of(c.getContainerProperties().getTopics()).contains(ServiceHallTopics.APPLICATION_EVENTS))
                .findFirst().orElseThrow();
        List<IntegrationEvent> events = new ArrayList<>();
        long accepted = 0;
        long completed = 0;
        long onTime = 0;
        long workingDays = 0;
        for (int i = 0; i < 300; i++) {
            UUID id = UUID.randomUUID();
            LocalDate on = LocalDate.of(HALL_YEAR, 1 + i % 12, 1 + i % 28);
            String department = i % 3 == 0 ? "市场监管所" : "社保所";
            Instant at = on.atStartOfDay(ReportFeedService.local(Instant.EPOCH).getZone()).toInstant().plusSeconds(3600);
            events.add(ApplicationAccepted.of(TOWN, id, "A" + i, UUID.randomUUID(), "M01", "事项", department, "WINDOW",
                    on, on.plusDays(10), 10, at));
            accepted++;
            if (i % 5 == 0) {
                events.add(ApplicationWithdrawn.of(TOWN, id, "A" + i, department, on, "不办了", at.plusSeconds(60)));
                accepted--;
            } else if (i % 2 == 0) {
                int days = i % 7;
                events.add(ApplicationCompleted.of(TOWN, id, "A" + i, UUID.randomUUID(), "M01", department, "APPROVED",
                        on, on.plusDays(10), on.plusDays(days), days, days < 5, at.plusSeconds(120)));
                completed++;
                onTime += days < 5 ? 1 : 0;
                workingDays += days;
            }
        }
        hall.stop();
        try {
            sendAll(events);
            sendAll(events); // the same events again, as after a crash between the count's commit and the offsets'
        } finally {
            hall.start();
        }
        long[] expected = {accepted, completed, onTime, workingDays};
        await().atMost(Duration.ofSeconds(60)).until(() -> java.util.Arrays.equals(hallSums(), expected));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> java.util.Arrays.equals(hallSums(), expected));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_event WHERE consumer = :c AND event_id IN (:ids)")
                .param("c", ReportFeedService.CONSUMER)
                .param("ids", events.stream().map(e -> e.eventId().toString()).toList())
                .query(Long.class).single()).isEqualTo(events.size());
    }

    @Test
    void a_redelivered_batch_and_ids_repeated_inside_it_count_once_with_merges_after_creations() {
        Instant march = Instant.parse(HOTLINE_YEAR + "-03-04T01:30:00Z");
        List<IntegrationEvent> batch = new ArrayList<>();
        List<WorkOrderCreated> created = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            WorkOrderCreated c = WorkOrderCreated.of(TOWN, UUID.randomUUID(), TOWN + "-b" + i,
                    i < 6 ? "COMPLAINT" : "CONSULTATION", "PHONE", "城市管理", "NORMAL", null, march);
            created.add(c);
            batch.add(c);
        }
        batch.add(created.get(0)); // the same event twice in one poll
        batch.add(WorkOrderMerged.of(TOWN, created.get(1).workOrderId(), created.get(2).workOrderId(), "COMPLAINT",
                march, march.plusSeconds(600)));
        feed.count(batch);
        feed.count(batch); // redelivered whole
        feed.count(batch.subList(3, batch.size())); // redelivered from the middle

        assertThat(jdbc.sql("SELECT work_orders FROM hotline_month WHERE town_code = ? AND year = ? AND month = 3")
                .params(TOWN, HOTLINE_YEAR).query(Long.class).single()).isEqualTo(9);
        assertThat(jdbc.sql("""
                        SELECT work_orders FROM hotline_month_type
                        WHERE town_code = ? AND year = ? AND month = 3 AND order_type = 'COMPLAINT'""")
                .params(TOWN, HOTLINE_YEAR).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("""
                        SELECT work_orders FROM hotline_month_type
                        WHERE town_code = ? AND year = ? AND month = 3 AND order_type = 'CONSULTATION'""")
                .params(TOWN, HOTLINE_YEAR).query(Long.class).single()).isEqualTo(4);
    }

    private long[] hallSums() {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(accepted), 0), COALESCE(SUM(completed), 0), COALESCE(SUM(on_time), 0),
                               COALESCE(SUM(working_days), 0)
                        FROM hall_month WHERE town_code = ? AND year = ?""")
                .params(TOWN, HALL_YEAR)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    private void sendAll(List<IntegrationEvent> events) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (IntegrationEvent e : events) {
            String key = e instanceof ApplicationAccepted a ? a.applicationId().toString()
                    : e instanceof ApplicationCompleted c ? c.applicationId().toString()
                    : ((ApplicationWithdrawn) e).applicationId().toString();
            String type = e instanceof ApplicationAccepted ? ApplicationAccepted.TYPE
                    : e instanceof ApplicationCompleted ? ApplicationCompleted.TYPE : ApplicationWithdrawn.TYPE;
            ProducerRecord<String, String> record = new ProducerRecord<>(ServiceHallTopics.APPLICATION_EVENTS, key,
                    json.writeValueAsString(e));
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(UTF_8));
            record.headers().add(EventHeaders.EVENT_ID, e.eventId().toString().getBytes(UTF_8));
            sent.add(kafka.send(record));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }
}
