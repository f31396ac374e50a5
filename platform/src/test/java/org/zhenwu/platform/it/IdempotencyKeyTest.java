package org.zhenwu.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.idempotency.IdempotencyStore;
import org.zhenwu.platform.idempotency.IdempotentRequests;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * A POST sent again with the same {@code Idempotency-Key} is carried out once: against the real service, its MariaDB
 * schema and its outbox.
 */
@ZhenwuIntegrationTest
class IdempotencyKeyTest {
    static final String TOWN = "440606104";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdempotencyStore store;
    @Autowired
    MeterRegistry meters;

    final String clerk = "clerk-" + UUID.randomUUID();

    Api api() {
        return new Api(port).as(TestTokens.token(clerk, TOWN, "OFFICE_CLERK"));
    }

    Api.Response post(Api as, String key, String body) {
        return as.send(as.request("/api/notes").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void the_same_request_sent_again_is_answered_from_the_first_and_carried_out_once() {
        String key = UUID.randomUUID().toString();
        String text = "idempotent " + key;
        Api.Response first = post(api(), key, "{\"text\":\"" + text + "\"}");
        Api.Response again = post(api(), key, "{\"text\":\"" + text + "\"}");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(notesWithText(text)).isEqualTo(1);
        assertThat(eventsOf(idOf(first))).isEqualTo(1);
        assertThat(meters.counter("zhenwu.idempotency.requests", "claim", "replay").count()).isPositive();
        // the mark written inside the request's transaction committed with it
        assertThat(jdbc.sql("SELECT committed FROM idempotency_key WHERE caller = ? AND idem_key = ?")
                .params(clerk, key).query(Boolean.class).single()).isTrue();
    }

    @Test
    void the_same_key_on_a_different_request_is_refused_naming_the_header() {
        String key = UUID.randomUUID().toString();
        assertThat(post(api(), key, "{\"text\":\"one " + key + "\"}").status()).isEqualTo(201);
        Api.Response other = post(api(), key, "{\"text\":\"another " + key + "\"}");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.isProblem()).isTrue();
        assertThat(other.body()).contains("idempotency-key-reused");
        assertThat(json.readTree(other.body()).get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(notesWithText("another " + key)).isZero();
    }

    @Test
    void a_malformed_key_is_refused_before_anything_runs() {
        String text = "malformed key " + UUID.randomUUID();
        Api.Response r = post(api(), "x".repeat(129), "{\"text\":\"" + text + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(json.readTree(r.body()).get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(json.readTree(r.body()).get("detail").asString()).startsWith("Idempotency-Key: ");
        assertThat(notesWithText(text)).isZero();
    }

    @Test
    void a_request_that_failed_without_changing_anything_leaves_its_key_free() {
        String key = UUID.randomUUID().toString();
        // refused by validation
        assertThat(post(api(), key, "{\"text\":\"\"}").status()).isEqualTo(400);
        // rolled back after writing (the outbox row too)
        assertThat(post(api(), key, "{\"text\":\"fail-after-append " + key + "\"}").status()).isEqualTo(409);
        assertThat(post(api(), key, "{\"text\":\"fail-after-append " + key + "\"}").status())
                .as("not a stored answer: carried out again").isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE caller = ? AND idem_key = ?")
                .params(clerk, key).query(Integer.class).single()).isZero();
        // the corrected request may use the same key
        Api.Response fixed = post(api(), key, "{\"text\":\"fixed " + key + "\"}");
        assertThat(fixed.status()).isEqualTo(201);
        assertThat(fixed.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void keys_belong_to_their_caller() {
        String key = UUID.randomUUID().toString();
        String text = "two clerks " + key;
        Api other = new Api(port).as(TestTokens.token("clerk-" + UUID.randomUUID(), TOWN, "OFFICE_CLERK"));
        Api.Response mine = post(api(), key, "{\"text\":\"" + text + "\"}");
        Api.Response theirs = post(other, key, "{\"text\":\"" + text + "\"}");

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(idOf(theirs)).isNotEqualTo(idOf(mine));
        assertThat(notesWithText(text)).isEqualTo(2);
    }

    @Test
    void a_caller_who_gave_up_waiting_gets_the_answer_the_service_finished_with() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"slow " + key + "\"}";
        HttpRequest request = api().request("/api/notes").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        // as the gateway's time limiter does: the caller stops waiting, the service goes on and commits
        HttpClient impatient = HttpClient.newHttpClient();
        assertThatThrownBy(() -> impatient.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        // sent again while the first still runs: not carried out a second time
        Api.Response meanwhile = post(api(), key, body);
        assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(409);
        assertThat(meanwhile.body()).contains("idempotency-key-in-progress");
        assertThat(meanwhile.header("Retry-After")).isEqualTo("1");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> post(api(), key, body).status() == 201);
        Api.Response answer = post(api(), key, body);
        assertThat(answer.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(notesWithText("slow " + key)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT id FROM note WHERE text = ?").param("slow " + key).query(String.class).single())
                .isEqualTo(idOf(answer).toString());
    }

    @Test
    void concurrent_repeats_run_the_request_once() {
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"slow concurrent " + key + "\"}";
        List<Api.Response> answers;
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            answers = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() -> post(api(), key, body),
                    clients)).toList().stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }
        assertThat(answers).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(answers).filteredOn(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null)
                .as("carried out").hasSize(1);
        assertThat(notesWithText("slow concurrent " + key)).isEqualTo(1);
    }

    @Test
    void a_request_whose_instance_stopped_after_changing_data_is_never_carried_out_again() {
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"lost answer " + key + "\"}";
        // what a stopped instance leaves: the key claimed and marked committed, no answer stored
        leaveRow(key, body, true, Instant.now().minus(Duration.ofHours(1)));

        Api.Response r = post(api(), key, body);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("idempotency-key-answer-lost");
        assertThat(notesWithText("lost answer " + key)).isZero();
    }

    @Test
    void a_request_whose_instance_stopped_before_changing_anything_is_carried_out_once_it_is_abandoned() {
        String recentKey = UUID.randomUUID().toString();
        String recentBody = "{\"text\":\"recently claimed " + recentKey + "\"}";
        leaveRow(recentKey, recentBody, false, Instant.now().minus(Duration.ofMinutes(1)));
        assertThat(post(api(), recentKey, recentBody).status()).as("may still be running").isEqualTo(409);

        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"abandoned " + key + "\"}";
        leaveRow(key, body, false, Instant.now().minus(Duration.ofMinutes(3)));
        Api.Response r = post(api(), key, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(notesWithText("abandoned " + key)).isEqualTo(1);
        assertThat(post(api(), key, body).header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void a_form_post_is_fingerprinted_by_its_fields_and_still_read_by_the_handler() {
        String key = UUID.randomUUID().toString();
        String text = "form note " + key;
        var form = api().request("/api/notes").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("text=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8)));
        Api.Response first = api().send(form);
        Api.Response again = api().send(form);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(notesWithText(text)).isEqualTo(1);
    }

    @Test
    void keys_older_than_the_retention_are_forgotten() {
        String old = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        leaveRow(old, "{}", true, Instant.now().minus(Duration.ofHours(25)));
        leaveRow(fresh, "{}", true, Instant.now().minus(Duration.ofHours(23)));
        store.deleteExpired();
        assertThat(jdbc.sql("SELECT idem_key FROM idempotency_key WHERE caller = ?").param(clerk)
                .query(String.class).list()).containsExactly(fresh);
    }

    /** The row a request with this body left behind when its instance stopped. */
    @Test
    void the_api_document_offers_the_header_on_each_post() {
        var doc = json.readTree(new Api(port).get("/v3/api-docs").body());
        var post = doc.get("paths").get("/api/notes").get("post");
        assertThat(post.get("parameters").valueStream().map(p -> p.get("name").asString() + "@" + p.get("in").asString()))
                .contains("Idempotency-Key@header");
        var get = doc.get("paths").get("/api/notes/{id}/received").get("get");
        assertThat(get.get("parameters").valueStream().map(p -> p.get("name").asString())).doesNotContain("Idempotency-Key");
    }

    private void leaveRow(String key, String body, boolean committed, Instant startedAt) {
        String fingerprint = IdempotentRequests.fingerprint("POST", "/api/notes", body.getBytes(StandardCharsets.UTF_8));
        jdbc.sql("INSERT INTO idempotency_key (caller, idem_key, fingerprint, state, committed, started_at) "
                        + "VALUES (?, ?, ?, 'STARTED', ?, ?)")
                .params(clerk, key, fingerprint, committed, Timestamp.from(startedAt)).update();
    }

    private UUID idOf(Api.Response r) {
        return UUID.fromString(json.readTree(r.body()).get("id").asString());
    }

    private int notesWithText(String text) {
        return jdbc.sql("SELECT COUNT(*) FROM note WHERE text = ?").param(text).query(Integer.class).single();
    }

    private int eventsOf(UUID note) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE message_key = ?").param(note.toString())
                .query(Integer.class).single();
    }
}
