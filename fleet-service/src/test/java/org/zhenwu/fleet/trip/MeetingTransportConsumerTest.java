package org.zhenwu.fleet.trip;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.IntegrationEvent;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.MeetingCancelled;
import org.zhenwu.contracts.document.v1.MeetingTransportRequested;
import org.zhenwu.fleet.FleetFixture;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * document-service's meetings ask for transport (会议用车) through the real embedded broker: one trip request per
 * meeting however often the event arrives, moved when the meeting moves, withdrawn with the meeting while unapproved.
 */
@ZhenwuIntegrationTest
class MeetingTransportConsumerTest {
    static final String TOWN = FleetFixture.LECONG;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void a_meeting_delivered_twice_becomes_one_trip_request_that_follows_the_meeting_until_it_is_cancelled()
            throws Exception {
        UUID meeting = UUID.randomUUID();
        Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        MeetingTransportRequested requested = transport(meeting, start);
        send(meeting, MeetingTransportRequested.TYPE, requested);
        send(meeting, MeetingTransportRequested.TYPE, requested); // redelivered
        await().atMost(Duration.ofSeconds(30)).until(() -> trips(meeting) >= 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> trips(meeting) == 1);

        FleetFixture fleet = new FleetFixture(port, json);
        JsonNode trip = fleet.ok(fleet.manager(TOWN).get("/api/fleet/trips/" + tripOf(meeting)), 200);
        assertThat(trip.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(trip.get("purpose").asString()).contains("镇党委会（防汛专题）", "镇政府大院");
        assertThat(trip.get("destination").asString()).isEqualTo("荷村防洪堤");
        assertThat(trip.get("passengerCount").asInt()).isEqualTo(3);
        assertThat(Instant.parse(trip.get("plannedStart").asString())).isEqualTo(start);

        Instant moved = start.plus(1, ChronoUnit.DAYS);
        send(meeting, MeetingTransportRequested.TYPE, transport(meeting, moved));
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.parse(fleet.ok(fleet.manager(TOWN)
                .get("/api/fleet/trips/" + tripOf(meeting)), 200).get("plannedStart").asString()).equals(moved));
        assertThat(trips(meeting)).isEqualTo(1);

        MeetingCancelled cancelled = MeetingCancelled.of(TOWN, meeting, "镇党委会（防汛专题）", "台风停会", true, Instant.now());
        send(meeting, MeetingCancelled.TYPE, cancelled);
        send(meeting, MeetingCancelled.TYPE, cancelled);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(status(meeting)));
        assertThat(fleet.ok(fleet.manager(TOWN).get("/api/fleet/trips/" + tripOf(meeting)), 200).toString())
                .contains("会议取消: 台风停会");
    }

    @Test
    void an_approved_trip_is_left_to_the_fleet_office_when_its_meeting_is_cancelled() throws Exception {
        UUID meeting = UUID.randomUUID();
        send(meeting, MeetingTransportRequested.TYPE, transport(meeting,
                Instant.now().plus(45, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)));
        await().atMost(Duration.ofSeconds(30)).until(() -> trips(meeting) == 1);
        FleetFixture fleet = new FleetFixture(port, json);
        fleet.ok(fleet.leader(TOWN).post("/api/fleet/trips/" + tripOf(meeting) + "/approval", "{}"), 200);

        MeetingCancelled cancelled = MeetingCancelled.of(TOWN, meeting, "会", "停会", true, Instant.now());
        send(meeting, MeetingCancelled.TYPE, cancelled);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM inbox_event WHERE event_id = ?").param(cancelled.eventId().toString())
                .query(Long.class).single() == 1);
        assertThat(status(meeting)).isEqualTo("APPROVED");
    }

    private static MeetingTransportRequested transport(UUID meeting, Instant start) {
        return MeetingTransportRequested.of(TOWN, meeting, "镇党委会（防汛专题）", "PARTY_COMMITTEE", "镇政府大院",
                "荷村防洪堤", start, start.plus(3, ChronoUnit.HOURS), List.of("李明", "陈华"), 3, "王芳",
                "0757-28880000", Instant.now());
    }

    private long trips(UUID meeting) {
        return jdbc.sql("SELECT COUNT(*) FROM trip WHERE source_id = ?").param("meeting:" + meeting)
                .query(Long.class).single();
    }

    private String tripOf(UUID meeting) {
        return jdbc.sql("SELECT id FROM trip WHERE source_id = ?").param("meeting:" + meeting)
                .query(String.class).single();
    }

    private String status(UUID meeting) {
        return jdbc.sql("SELECT status FROM trip WHERE source_id = ?").param("meeting:" + meeting)
                .query(String.class).single();
    }

    private void send(UUID key, String type, IntegrationEvent event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(DocumentTopics.MEETING_EVENTS, key.toString(),
                json.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(UTF_8));
        kafka.send(record).get();
    }
}
