package org.zhenwu.congress.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhenwu.congress.CongressServiceApplication;
import org.zhenwu.congress.livelihood.LivelihoodService;
import org.zhenwu.platform.test.HttpLoad;
import org.zhenwu.platform.test.LoadRun;
import org.zhenwu.platform.test.SharedKafka;
import org.zhenwu.platform.test.TestInfrastructure;
import org.zhenwu.platform.test.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A county congress voting on livelihood projects: {@code deputies} (2,000) check in and cast their ballots at once
 * through the running service over HTTP, each with their own token; {@code duplicates} of them (10%) send a second
 * ballot at the same moment. Then the office counts. Checks that every deputy's ballot was counted exactly once and
 * every duplicate refused, that the recount matches, and reports casts/s, p50/p99 of a cast and the tally time.
 * Not a test: run as described in the README ("Benchmarks"); prints a Markdown row and appends it to the results file.
 */
public final class VotingBenchmark {
    private static final String TOWN = "440606104";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int deputies = Integer.getInteger("deputies", 2000);
        int clients = Integer.getInteger("clients", 64);
        int candidates = Integer.getInteger("candidates", 12);
        int seats = Integer.getInteger("seats", 10);
        double duplicateShare = Double.parseDouble(System.getProperty("duplicates", "0.1"));
        Path results = Path.of(System.getProperty("results", "docs/benchmarks/voting.md"));

        String schema = TestInfrastructure.freshSchema();
        String url = TestInfrastructure.jdbcUrl(schema);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CongressServiceApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + TestInfrastructure.DB_USER,
                        "--spring.datasource.password=" + TestInfrastructure.DB_PASSWORD,
                        "--spring.datasource.hikari.maximum-pool-size=" + Math.min(clients + 4, 64),
                        "--server.tomcat.threads.max=" + Math.max(200, clients),
                        "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                        "--zhenwu.security.jwt.secret=" + TestTokens.SECRET,
                        "--zhenwu.congress.deadline-check-delay=1h", "--logging.level.root=WARN");
        int exit = 1;
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String base = "http://localhost:" + port;
            Http staff = new Http(base, TestTokens.tokenWith("bench-staff", TOWN, "人大办", "NONE", "CONGRESS_STAFF"));
            String term = staff.post("/api/congress/terms", "{\"number\":18,\"startsOn\":\"2021-12-01\"}", 201).get("id").asString();
            List<String> ids = seedDeputies(url, term, deputies);
            String session = staff.post("/api/congress/sessions", "{\"termId\":\"" + term + "\",\"number\":1,\"opensOn\":\"2022-01-10\"}", 201)
                    .get("id").asString();
            long checkIn = System.nanoTime();
            staff.post("/api/congress/sessions/" + session + "/attendance", "{\"deputyIds\":" + JSON.writeValueAsString(ids) + "}", 200);
            double checkInMs = (System.nanoTime() - checkIn) / 1e6;
            List<String> projects = new ArrayList<>();
            for (int i = 0; i < candidates; i++) {
                String p = staff.post("/api/congress/livelihood-projects", "{\"year\":2022,\"title\":\"民生实事项目" + (i + 1)
                        + "\",\"sponsorUnit\":\"规划建设办\"}", 201).get("id").asString();
                staff.post("/api/congress/livelihood-projects/" + p + "/shortlisting", "{\"shortlisted\":true}", 200);
                projects.add(p);
            }
            String voteJson = "{\"sessionId\":\"" + session + "\",\"title\":\"票决\",\"seats\":" + seats
                    + ",\"candidateIds\":" + JSON.writeValueAsString(projects) + "}";
            String vote = staff.post("/api/congress/livelihood-votes", voteJson, 201).get("id").asString();
            String bareVote = staff.post("/api/congress/livelihood-votes", voteJson, 201).get("id").asString();

            // every request prepared before the start: a token per deputy, random choices, 10% sent twice
            Random random = new Random(42);
            List<Cast> casts = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                List<String> choices = new ArrayList<>(projects);
                Collections.shuffle(choices, random);
                List<String> chosen = choices.subList(0, 1 + random.nextInt(seats));
                String token = TestTokens.tokenWith(ids.get(i), TOWN, null, "NONE", LivelihoodService.DEPUTY);
                Cast cast = new Cast(ids.get(i), token, "{\"choices\":" + JSON.writeValueAsString(chosen) + "}",
                        String.join(",", chosen));
                casts.add(cast);
                if (i < deputies * duplicateShare) {
                    casts.add(cast);
                }
            }
            Collections.shuffle(casts, random);
            String load = LoadRun.quietMachine(2.0, Duration.ofMinutes(2));
            Duration atMost = Duration.ofMinutes(5);   // a burst: each cast once, the rate over the time it took

            // the baseline: the service's statements for a ballot, in plain JDBC, on a vote of its own
            AtomicInteger nextBare = new AtomicInteger();
            AtomicLong bareAccepted = new AtomicLong();
            AtomicLong bareRefused = new AtomicLong();
            LoadRun.Result bare = LoadRun.run("bare JDBC", clients, Duration.ZERO, atMost,
                    i -> bareCaster(schema, bareVote, session, casts, nextBare, bareAccepted, bareRefused));

            // the service, from a second JVM: one keep-alive connection per client
            List<HttpLoad.Request> ballots = casts.stream().map(c -> HttpLoad.Request.post(
                    "/api/congress/livelihood-votes/" + vote + "/ballots", c.token(), c.body())).toList();
            LoadRun.Remote remote = HttpLoad.fromSecondProcess("service over HTTP", port, clients, Duration.ZERO, atMost,
                    HttpLoad.Mode.EACH_ONCE, ballots, Set.of("201", "409~already-voted"));
            LoadRun.Result http = remote.result();
            long accepted = remote.counter("status_201");
            long refused = remote.counter("status_409");

            long tally0 = System.nanoTime();
            JsonNode tallied = staff.post("/api/congress/livelihood-votes/" + vote + "/tally", "", 200);
            double tallyMs = (System.nanoTime() - tally0) / 1e6;
            JsonNode recount = staff.get("/api/congress/livelihood-votes/" + vote + "/recount");
            long counted = tallied.get("ballotsCast").asLong();
            long expectedDuplicates = casts.size() - deputies;
            long bareBallots = count(url, "SELECT COUNT(*) FROM livelihood_ballot WHERE vote_id = '" + bareVote + "'");
            boolean ok = accepted == deputies && refused == expectedDuplicates && counted == deputies
                    && recount.get("matches").asBoolean() && bareAccepted.get() == deputies
                    && bareRefused.get() == expectedDuplicates && bareBallots == deputies;

            LoadRun.appendRow(results, HEADER, TABLE, String.format(
                    "| %s → %s | %,d | %d | %d | %,d | %,.0f | %.1f / %.1f | %,.0f | %.1f / %.1f | %.2f | %,d | %.0f | %.0f | %s |",
                    LoadRun.when(load), LoadRun.loadAverage(), deputies, clients, candidates, casts.size(),
                    bare.perSecond(), bare.p50(), bare.p99(), http.perSecond(), http.p50(), http.p99(),
                    http.perSecond() / bare.perSecond(), counted, tallyMs, checkInMs,
                    ok ? "yes" : "NO (HTTP accepted " + accepted + ", refused " + refused + "; bare accepted "
                            + bareAccepted.get() + ", refused " + bareRefused.get() + ", ballots " + bareBallots + ")"));
            exit = ok ? 0 : 2;
        } finally {
            app.close();
            System.exit(exit);
        }
    }

    static final String HEADER = """
            # Livelihood-project voting (票决制)

            `VotingBenchmark` (`deploy/bench/voting.sh`): deputies check in, then all cast their ballots at once (each with
            their own token; 10% send a second ballot at the same moment), then the office counts. Since 2026-11-27 10:40
            the same burst runs twice: against the service's ballot statements in plain JDBC on a vote of its own (the
            baseline: the vote row's shared lock, its candidates, the attendance check, the participation row whose key
            refuses a second ballot, the ballot row, one READ COMMITTED transaction), then over HTTP from a second JVM,
            one keep-alive connection per client (`HttpLoad`; before, the JDK client in the service's JVM). Requests/s
            count both outcomes (201 counted, 409 `already-voted`) over the time the burst took; no warm-up, as a
            session's vote meets the service. MariaDB at 127.0.0.1, 2 shared cores. Latencies in ms.
            """;

    static final String TABLE = """
            | when (UTC) | load at start → end | deputies | clients | candidates | requests | bare requests/s | bare p50 / p99 | HTTP requests/s (2nd process) | HTTP p50 / p99 | ratio | ballots counted | tally ms | check-in of all ms | each counted once, duplicates refused, recount matches |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
            """;

    /** One client of the baseline: the next cast of the burst, as {@code Ballots.cast} and its checks write it. */
    private static LoadRun.Client bareCaster(String schema, String vote, String session, List<Cast> casts,
                                             AtomicInteger next, AtomicLong accepted, AtomicLong refused) {
        return LoadRun.onConnection(schema, c -> {
            PreparedStatement lock = c.prepareStatement(
                    "SELECT status FROM livelihood_vote WHERE id = ? AND town_code IN (?) LOCK IN SHARE MODE");
            PreparedStatement candidates = c.prepareStatement(
                    "SELECT project_id FROM livelihood_vote_candidate WHERE vote_id = ? ORDER BY list_index");
            PreparedStatement present = c.prepareStatement(
                    "SELECT COUNT(*) FROM session_attendance WHERE session_id = ? AND deputy_id = ?");
            PreparedStatement participation = c.prepareStatement(
                    "INSERT INTO livelihood_vote_participation (vote_id, deputy_id, cast_at) VALUES (?, ?, ?)");
            PreparedStatement ballot = c.prepareStatement(
                    "INSERT INTO livelihood_ballot (vote_id, ballot_id, choices) VALUES (?, ?, ?)");
            return () -> {
                int k = next.getAndIncrement();
                if (k >= casts.size()) {
                    return false;
                }
                Cast cast = casts.get(k);
                lock.setString(1, vote);
                lock.setString(2, TOWN);
                require(lock, "OPEN");
                candidates.setString(1, vote);
                try (ResultSet rs = candidates.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                present.setString(1, session);
                present.setString(2, cast.deputyId());
                require(present, "1");
                try {
                    participation.setString(1, vote);
                    participation.setString(2, cast.deputyId());
                    participation.setTimestamp(3, Timestamp.from(Instant.now()));
                    participation.executeUpdate();
                } catch (SQLIntegrityConstraintViolationException e) {
                    c.rollback();
                    refused.incrementAndGet();
                    return true;
                }
                ballot.setString(1, vote);
                ballot.setString(2, UUID.randomUUID().toString());
                ballot.setString(3, cast.choices());
                ballot.executeUpdate();
                c.commit();
                accepted.incrementAndGet();
                return true;
            };
        });
    }

    private static void require(PreparedStatement query, String expected) throws Exception {
        try (ResultSet rs = query.executeQuery()) {
            if (!rs.next() || !expected.equals(rs.getString(1))) {
                throw new IllegalStateException("expected " + expected);
            }
        }
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, TestInfrastructure.DB_USER, TestInfrastructure.DB_PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> seedDeputies(String url, String term, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, TestInfrastructure.DB_USER, TestInfrastructure.DB_PASSWORD);
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO deputy (id, town_code, term_id, name, constituency, delegation, occupation, presidium_member,
                                         active, created_at, version) VALUES (?, ?, ?, ?, ?, NULL, NULL, FALSE, TRUE, ?, 0)""")) {
            for (int i = 0; i < n; i++) {
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, TOWN);
                insert.setString(3, term);
                insert.setString(4, "代表" + i);
                insert.setString(5, "第" + (i % 50 + 1) + "选区");
                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                insert.addBatch();
                ids.add(id);
            }
            insert.executeBatch();
        }
        return ids;
    }

    private record Cast(String deputyId, String token, String body, String choices) {
    }

    private record Http(String base, String token) {
        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        JsonNode post(String path, String json, int expected) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)), expected);
        }

        JsonNode get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), 200);
        }

        private JsonNode send(HttpRequest.Builder request, int expected) throws Exception {
            HttpResponse<String> r = CLIENT.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(request.build().uri() + " → " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        }
    }
}
