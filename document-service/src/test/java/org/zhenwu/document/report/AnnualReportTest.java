package org.zhenwu.document.report;

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
import org.springframework.kafka.core.KafkaTemplate;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.hotline.v1.HotlineTopics;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;

import tools.jackson.databind.JsonNode;

class AnnualReportTest extends ApiTestSupport {
    static final String TOWN = "440606103";

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Override
    protected Api clerk(String town) {
        return new Api(port).as(TestTokens.token("clerk", town, "OFFICE_CLERK"));
    }

    @Test
    void hotline_work_orders_are_counted_once_per_event_even_when_redelivered() throws Exception {
        long before = total(TOWN, 2019);
        // 2019-03-31T17:00Z is already April in Asia/Shanghai.
        WorkOrderCreated march = event(Instant.parse("2019-03-04T01:30:00Z"));
        WorkOrderCreated april = event(Instant.parse("2019-03-31T17:00:00Z"));
        send(march);
        send(april);
        send(march); // a redelivery after a consumer crash
        send(new ProducerRecord<>(HotlineTopics.WORK_ORDER_EVENTS, march.workOrderId().toString(),
                "{\"someday\":\"a new event type\"}"), "hotline.SomethingNew");
        WorkOrderCreated last = event(Instant.parse("2019-05-01T01:00:00Z"));
        send(last); // same key as nothing above: lands on some partition; wait for all four counts

        await().atMost(Duration.ofSeconds(20)).until(() -> total(TOWN, 2019) >= before + 3);
        JsonNode report = json.readTree(clerk(TOWN).get("/api/documents/reports/annual?year=2019").body());
        assertThat(report.get("town").asString()).isEqualTo(TOWN);
        assertThat(report.get("hotlineWorkOrdersByMonth").get(2).asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("hotlineWorkOrdersByMonth").get(3).asInt()).isGreaterThanOrEqualTo(1);
        // march's redelivery sits behind march on the same partition (same key), so it has been consumed: not counted.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> total(TOWN, 2019) == before + 3);
    }

    @Test
    void a_town_sees_its_own_figures_and_the_district_sees_the_sum() {
        assertThat(clerk(TOWN).get("/api/documents/reports/annual?town=440606104&year=2019").status()).isEqualTo(403);
        Api district = new Api(port).as(TestTokens.token("district", "DISTRICT", "DISTRICT_ADMIN"));
        JsonNode all = json.readTree(district.get("/api/documents/reports/annual?year=2019").body());
        assertThat(all.get("towns")).hasSize(10);
        assertThat(all.get("town").isNull()).isTrue();
        Api.Response badYear = clerk(TOWN).get("/api/documents/reports/annual?year=nineteen");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.body()).contains("\"field\":\"year\"");
    }

    private WorkOrderCreated event(Instant at) {
        return WorkOrderCreated.of(TOWN, UUID.randomUUID(), TOWN + "-x", "COMPLAINT", "PHONE", "城市管理", "NORMAL",
                LocalDate.of(2019, 4, 20), at);
    }

    private void send(WorkOrderCreated event) throws Exception {
        send(new ProducerRecord<>(HotlineTopics.WORK_ORDER_EVENTS, event.workOrderId().toString(),
                json.writeValueAsString(event)), WorkOrderCreated.TYPE, event.eventId().toString());
    }

    private void send(ProducerRecord<String, String> record, String type, String... eventId) throws Exception {
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(UTF_8));
        if (eventId.length > 0) {
            record.headers().add(EventHeaders.EVENT_ID, eventId[0].getBytes(UTF_8));
        }
        kafka.send(record).get();
    }

    private long total(String town, int year) {
        Api.Response r = clerk(town).get("/api/documents/reports/annual?year=" + year);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("hotlineWorkOrders").asLong();
    }
}
