package org.zhenwu.platform.it;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.contracts.IntegrationEvent;
import org.zhenwu.platform.inbox.Inbox;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.kafka.IntegrationEventReader;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.NotFoundException;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A one-feature service that exercises everything the platform offers, for the platform's own tests. */
@SpringBootApplication
public class PlatformTestApplication {
    static final String TOPIC = "platform-test.note.v1";

    public static void main(String[] args) {
        SpringApplication.run(PlatformTestApplication.class, args);
    }

    /**
     * Every span this service finishes, kept in memory for the tests and exported at once, not in batches. The
     * exporter is held in a record, not published as a {@code SpanExporter} bean: Boot hands every such bean to its
     * own batch processor too, which would export each span a second time a few seconds later.
     */
    @Bean
    FinishedSpans finishedSpans() {
        return new FinishedSpans(InMemorySpanExporter.create());
    }

    @Bean
    SpanProcessor finishedSpansProcessor(FinishedSpans finishedSpans) {
        return SimpleSpanProcessor.create(finishedSpans.exporter());
    }

    public record FinishedSpans(InMemorySpanExporter exporter) {
        public List<SpanData> all() {
            return exporter.getFinishedSpanItems();
        }
    }

    public record NoteCreated(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID noteId,
                              String text) implements IntegrationEvent {
        static final String TYPE = "platform-test.NoteCreated";
    }

    enum NoteStatus { ACTIVE, ARCHIVED }

    @Service
    static class Notes {
        private final JdbcClient jdbc;
        private final Outbox outbox;
        private final Inbox inbox;
        private final Jurisdictions jurisdictions;
        private final Clock clock;

        Notes(JdbcClient jdbc, Outbox outbox, Inbox inbox, Jurisdictions jurisdictions, Clock clock) {
            this.jdbc = jdbc;
            this.outbox = outbox;
            this.inbox = inbox;
            this.jurisdictions = jurisdictions;
            this.clock = clock;
        }

        @Transactional
        UUID create(Caller caller, String town, String text) {
            String townCode = jurisdictions.townForWrite(caller, town);
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO note (id, town_code, text) VALUES (?, ?, ?)").params(id.toString(), townCode, text).update();
            outbox.append(TOPIC, id.toString(), NoteCreated.TYPE,
                    new NoteCreated(UUID.randomUUID(), 1, clock.instant(), townCode, id, text));
            if (text.startsWith("slow")) {
                // a request that outlasts its caller's patience (the gateway's time limit), holding its transaction
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (text.startsWith("fail-after-append")) {
                throw new IllegalTransitionException("Note", id, NoteStatus.ACTIVE, NoteStatus.ARCHIVED);
            }
            return id;
        }

        @Transactional
        void archive(Caller caller, UUID id) {
            var scope = jurisdictions.readScope(caller, null);
            Boolean archived = jdbc.sql("SELECT archived FROM note WHERE id = :id AND town_code IN (:towns)")
                    .param("id", id.toString()).param("towns", scope.codes()).query(Boolean.class).optional()
                    .orElseThrow(() -> new NotFoundException("Note", id));
            if (archived) {
                throw new IllegalTransitionException("Note", id, NoteStatus.ARCHIVED, NoteStatus.ARCHIVED);
            }
            jdbc.sql("UPDATE note SET archived = TRUE WHERE id = ?").param(id.toString()).update();
        }

        @Transactional
        void onNoteCreated(NoteCreated event) {
            if (!inbox.firstDelivery("platform-test", event.eventId())) {
                return;
            }
            jdbc.sql("INSERT INTO received_note (note_id, times) VALUES (?, 1) ON DUPLICATE KEY UPDATE times = times + 1")
                    .param(event.noteId().toString()).update();
        }

        int received(UUID noteId) {
            return jdbc.sql("SELECT times FROM received_note WHERE note_id = ?").param(noteId.toString())
                    .query(Integer.class).optional().orElse(0);
        }
    }

    @RestController
    @RequestMapping("/api/notes")
    static class NoteController {
        private final Notes notes;

        NoteController(Notes notes) {
            this.notes = notes;
        }

        record CreateNoteRequest(String town, @NotBlank @Size(max = 200) String text) {
        }

        record NoteResponse(UUID id) {
        }

        @PostMapping
        @ResponseStatus(HttpStatus.CREATED)
        NoteResponse create(@Valid @RequestBody CreateNoteRequest request) {
            return new NoteResponse(notes.create(Caller.current(), request.town(), request.text()));
        }

        /** The same, from an HTML form (fields the container reads from the body). */
        @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        @ResponseStatus(HttpStatus.CREATED)
        NoteResponse createFromForm(@RequestParam String text) {
            return new NoteResponse(notes.create(Caller.current(), null, text));
        }

        @PostMapping("/{id}/archive")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void archive(@PathVariable UUID id) {
            notes.archive(Caller.current(), id);
        }

        /** A bug's stand-in: an exception no advice knows, carrying something the caller must never see. */
        @GetMapping("/failing")
        int failing() {
            throw new IllegalStateException("jdbc:mysql://internal-host:3306/zhenwu_secret password=hunter2");
        }

        @GetMapping("/{id}/received")
        int received(@PathVariable UUID id) {
            return notes.received(id);
        }
    }

    /** What an office publishes: readable with no token at all. */
    @RestController
    static class PublishedController {
        @GetMapping("/public/notes/motto")
        String motto() {
            return "为人民服务";
        }
    }

    @Component
    static class NoteEventsListener {
        private final Notes notes;
        private final IntegrationEventReader events;

        NoteEventsListener(Notes notes, IntegrationEventReader events) {
            this.notes = notes;
            this.events = events;
        }

        /** The trace id the logs carried while each note's event was handled. */
        static final Map<UUID, String> LOGGED_TRACE_IDS = new ConcurrentHashMap<>();

        @KafkaListener(topics = TOPIC, groupId = "platform-test")
        void on(ConsumerRecord<String, String> record) {
            if (events.typeOf(record).filter(NoteCreated.TYPE::equals).isPresent()) {
                NoteCreated event = events.read(record, NoteCreated.class);
                String traceId = MDC.get("traceId");
                if (traceId != null) {
                    LOGGED_TRACE_IDS.put(event.noteId(), traceId);
                }
                notes.onNoteCreated(event);
            }
        }
    }
}
