package org.zhenwu.congress.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhenwu.congress.CongressServiceApplication;
import org.zhenwu.congress.livelihood.LivelihoodService;
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
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
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
            String vote = staff.post("/api/congress/livelihood-votes", "{\"sessionId\":\"" + session + "\",\"title\":\"票决\",\"seats\":"
                    + seats + ",\"candidateIds\":" + JSON.writeValueAsString(projects) + "}", 201).get("id").asString();

            // every request prepared before the start: a token per deputy, random choices, 10% sent twice
            Random random = new Random(42);
            List<Cast> casts = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                List<String> choices = new ArrayList<>(projects);
                Collections.shuffle(choices, random);
                String body = "{\"choices\":" + JSON.writeValueAsString(choices.subList(0, 1 + random.nextInt(seats))) + "}";
                String token = TestTokens.tokenWith(ids.get(i), TOWN, null, "NONE", LivelihoodService.DEPUTY);
                casts.add(new Cast(token, body));
                if (i < deputies * duplicateShare) {
                    casts.add(new Cast(token, body));
                }
            }
            Collections.shuffle(casts, random);
            String path = base + "/api/congress/livelihood-votes/" + vote + "/ballots";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<long[]>> futures = new ArrayList<>();
            for (Cast c : casts) {
                futures.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + c.token()).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(c.body())).build(), HttpResponse.BodyHandlers.ofString());
                    return new long[] {r.statusCode(), System.nanoTime() - t0};
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            long accepted = 0;
            long refused = 0;
            long other = 0;
            long[] latencies = new long[futures.size()];
            for (int i = 0; i < futures.size(); i++) {
                long[] r = futures.get(i).get();
                latencies[i] = r[1];
                if (r[0] == 201) {
                    accepted++;
                } else if (r[0] == 409) {
                    refused++;
                } else {
                    other++;
                }
            }
            double castSeconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            Arrays.sort(latencies);

            long tally0 = System.nanoTime();
            JsonNode tallied = staff.post("/api/congress/livelihood-votes/" + vote + "/tally", "", 200);
            double tallyMs = (System.nanoTime() - tally0) / 1e6;
            JsonNode recount = staff.get("/api/congress/livelihood-votes/" + vote + "/recount");
            long counted = tallied.get("ballotsCast").asLong();
            long expectedDuplicates = casts.size() - deputies;
            boolean ok = accepted == deputies && refused == expectedDuplicates && other == 0 && counted == deputies
                    && recount.get("matches").asBoolean();

            String row = String.format("| %s | %,d | %d | %d | %,d | %,d | %.0f | %.1f / %.1f | %.0f | %.0f | %s |",
                    Instant.now().toString().substring(0, 16), deputies, clients, candidates, casts.size(), counted,
                    accepted / castSeconds, pct(latencies, 50), pct(latencies, 99), tallyMs, checkInMs,
                    ok ? "yes" : "NO (accepted " + accepted + ", refused " + refused + ", other " + other + ")");
            if (!Files.exists(results)) {
                Files.createDirectories(results.getParent());
                Files.writeString(results, """
                        # Livelihood-project voting (票决制)

                        `VotingBenchmark`: deputies check in, then all cast their ballots at once over HTTP (each with their own
                        token; 10% send a second ballot at the same moment), then the office counts. One service JVM and the
                        client in the same process, MariaDB at 127.0.0.1, 2 shared cores. Latencies in ms.

                        | when (UTC) | deputies | clients | candidates | requests | ballots counted | casts/s | cast p50 / p99 | tally ms | check-in of all ms | each counted once, duplicates refused, recount matches |
                        |---|---|---|---|---|---|---|---|---|---|---|
                        """);
            }
            Files.writeString(results, row + "\n", StandardOpenOption.APPEND);
            System.out.println(row);
            exit = ok ? 0 : 2;
        } finally {
            app.close();
            System.exit(exit);
        }
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
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

    private record Cast(String token, String body) {
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
