package org.zhenwu.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.it.PlatformTestApplication.FinishedSpans;
import org.zhenwu.platform.it.PlatformTestApplication.NoteCreated;
import org.zhenwu.platform.outbox.OutboxRelay;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace from a clerk's request to the handling of its event in another service: the request (with the
 * caller's {@code traceparent}, as the gateway sends it), the outbox row written in its transaction, the relay's
 * send through the real embedded broker, and the listener's handling, with the trace id in the handler's logs.
 */
@ZhenwuIntegrationTest
class TracingIntegrationTest {
    static final String TOWN = "440606104";

    @LocalServerPort
    int port;
    @Autowired
    FinishedSpans finishedSpans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MeterRegistry meters;

    @Test
    void a_requests_trace_continues_through_the_outbox_and_the_broker_into_the_consumers_handling() {
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);
        Api api = new Api(port).as(TestTokens.token("clerk-" + UUID.randomUUID(), TOWN, "OFFICE_CLERK"));
        Api.Response r = api.send(api.request("/api/notes")
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"traced note\"}")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        UUID note = UUID.fromString(json.readTree(r.body()).get("id").asString());

        // the transaction stored the trace context of the span handling the request, not the caller's
        String stored = jdbc.sql("SELECT traceparent FROM outbox_event WHERE message_key = ?").param(note.toString())
                .query(String.class).single();
        assertThat(stored).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        String appendingSpanId = stored.split("-")[2];
        assertThat(appendingSpanId).isNotEqualTo(callerSpanId);

        await().atMost(Duration.ofSeconds(20)).until(() -> spansOf(traceId).stream()
                .anyMatch(s -> s.getKind() == SpanKind.CONSUMER));
        List<SpanData> trace = spansOf(traceId);
        SpanData server = only(trace, SpanKind.SERVER);
        SpanData send = only(trace, SpanKind.PRODUCER);
        SpanData handling = only(trace, SpanKind.CONSUMER);

        assertThat(server.getParentSpanId()).as("the request continues the caller's trace").isEqualTo(callerSpanId);
        assertThat(trace).extracting(SpanData::getSpanId).as("the appending span is part of the request")
                .contains(appendingSpanId);
        assertThat(send.getName()).isEqualTo("outbox send");
        assertThat(send.getParentSpanId()).isEqualTo(appendingSpanId);
        assertThat(send.getAttributes().get(AttributeKey.stringKey("zhenwu.event.type"))).isEqualTo(NoteCreated.TYPE);
        assertThat(handling.getParentSpanId()).as("the consumer continues the relay's send")
                .isEqualTo(send.getSpanId());
        assertThat(handling.getAttributes().asMap().values()).as("the consumed topic is on the handling span")
                .contains(PlatformTestApplication.TOPIC);

        await().atMost(Duration.ofSeconds(20)).until(() -> received(note) == 1);
        assertThat(PlatformTestApplication.NoteEventsListener.LOGGED_TRACE_IDS.get(note))
                .as("the handler's logs carry the request's trace id").isEqualTo(traceId);
        // the listener observation also times each handling, by outcome, for the dashboards
        assertThat(meters.find("spring.kafka.listener").tag("error", "none").timer()).isNotNull();
        // and every span of the trace was exported once, however late a batching exporter might have run
        assertThat(spansOf(traceId)).extracting(SpanData::getSpanId).doesNotHaveDuplicates();
    }

    @Test
    void a_request_without_a_caller_trace_starts_one_that_the_row_carries() {
        Api api = new Api(port).as(TestTokens.token("clerk-" + UUID.randomUUID(), TOWN, "OFFICE_CLERK"));
        Api.Response r = api.post("/api/notes", "{\"text\":\"untraced caller\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String note = json.readTree(r.body()).get("id").asString();
        String stored = jdbc.sql("SELECT traceparent FROM outbox_event WHERE message_key = ?").param(note)
                .query(String.class).single();
        assertThat(stored).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = stored.split("-")[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> spansOf(traceId).stream()
                .anyMatch(s -> s.getKind() == SpanKind.CONSUMER));
    }

    @Test
    void the_relays_rounds_and_polls_start_no_span() {
        await().atMost(Duration.ofSeconds(20)).until(() -> relay.pending() == 0);
        // three or more of the relay thread's own polls (every 500 ms) pass with no span finished at all ...
        AtomicInteger seen = new AtomicInteger(-1);
        await().during(Duration.ofMillis(1_600)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> seen.getAndSet(finishedSpans.all().size())
                        == finishedSpans.all().size());
        int before = finishedSpans.all().size();
        // ... and twenty rounds run here, with nothing to send, finish none either
        for (int i = 0; i < 20; i++) {
            assertThat(relay.publishBatch()).isZero();
        }
        assertThat(finishedSpans.all()).hasSize(before);
    }

    private List<SpanData> spansOf(String traceId) {
        return finishedSpans.all().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static SpanData only(List<SpanData> trace, SpanKind kind) {
        List<SpanData> found = trace.stream().filter(s -> s.getKind() == kind).toList();
        assertThat(found).as("%s spans in %s", kind, trace).hasSize(1);
        return found.get(0);
    }

    private int received(UUID note) {
        return jdbc.sql("SELECT COALESCE(MAX(times), 0) FROM received_note WHERE note_id = ?").param(note.toString())
                .query(Integer.class).single();
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros, which W3C calls invalid
        return HexFormat.of().formatHex(b);
    }
}
