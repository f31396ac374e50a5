package org.zhenwu.congress.livelihood;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.congress.v1.LivelihoodVoteTallied;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 票决制 over real HTTP: a whole vote, refused ballots, concurrent ballots counted once, and the projects after it. */
@ZhenwuIntegrationTest
class LivelihoodApiTest {
    static final String TOWN = "440606001";
    static final String OTHER = "440606003";
    static final AtomicInteger TERMS = new AtomicInteger(30);

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api staff(String town) {
        return new Api(port).as(TestTokens.tokenWith("staff-" + town, town, "人大办", "NONE", "CONGRESS_STAFF"));
    }

    Api deputy(String id) {
        return new Api(port).as(TestTokens.tokenWith(id, TOWN, null, "NONE", LivelihoodService.DEPUTY));
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    /** A session with {@code seated} deputies of whom {@code present} checked in; the ids of all, present first. */
    record Sitting(String sessionId, List<String> deputies) {
    }

    Sitting sitting(int seated, int present) {
        String term = ok(staff(TOWN).post("/api/congress/terms", "{\"number\":" + TERMS.getAndIncrement()
                + ",\"startsOn\":\"2016-12-01\"}"), 201).get("id").asString();
        List<String> deputies = new ArrayList<>();
        for (int i = 0; i < seated; i++) {
            deputies.add(ok(staff(TOWN).post("/api/congress/deputies", """
                    {"termId":"%s","name":"代表%d","constituency":"第%d选区"}""".formatted(term, i, i % 5 + 1)), 201).get("id").asString());
        }
        String session = ok(staff(TOWN).post("/api/congress/sessions",
                "{\"termId\":\"" + term + "\",\"number\":7,\"opensOn\":\"2019-01-10\"}"), 201).get("id").asString();
        if (present > 0) {
            ok(staff(TOWN).post("/api/congress/sessions/" + session + "/attendance",
                    "{\"deputyIds\":" + json.writeValueAsString(deputies.subList(0, present)) + "}"), 200);
        }
        return new Sitting(session, deputies);
    }

    String shortlisted(String title) {
        String id = ok(staff(TOWN).post("/api/congress/livelihood-projects", """
                {"year":2019,"title":"%s","source":"群众","sponsorUnit":"规划建设办","estimatedBudget":120.5}""".formatted(title)), 201)
                .get("id").asString();
        ok(staff(TOWN).post("/api/congress/livelihood-projects/" + id + "/shortlisting", "{\"shortlisted\":true}"), 200);
        return id;
    }

    String openVote(Sitting s, int seats, List<String> candidates) {
        return ok(staff(TOWN).post("/api/congress/livelihood-votes", "{\"sessionId\":\"" + s.sessionId() + "\",\"title\":\"2019年民生实事项目票决\",\"seats\":"
                + seats + ",\"candidateIds\":" + json.writeValueAsString(candidates) + "}"), 201).get("id").asString();
    }

    String ballot(String deputy, String... choices) {
        return "{\"deputyId\":\"" + deputy + "\",\"choices\":" + json.writeValueAsString(List.of(choices)) + "}";
    }

    long ballotRows(String vote) {
        return jdbc.sql("SELECT COUNT(*) FROM livelihood_ballot WHERE vote_id = ?").param(vote).query(Long.class).single();
    }

    @Test
    void a_vote_at_a_session_elects_projects_refuses_a_second_ballot_and_can_be_recounted() {
        Sitting s = sitting(6, 5);
        String lamps = shortlisted("河滨路路灯改造");
        String crossing = shortlisted("学校门口人行过街设施");
        String canteen = shortlisted("长者饭堂");
        String rejected = ok(staff(TOWN).post("/api/congress/livelihood-projects",
                "{\"year\":2019,\"title\":\"未入围项目\",\"sponsorUnit\":\"x\"}"), 201).get("id").asString();
        ok(staff(TOWN).post("/api/congress/livelihood-projects/" + rejected + "/shortlisting", "{\"shortlisted\":false}"), 200);
        Api.Response notShortlisted = staff(TOWN).post("/api/congress/livelihood-votes", "{\"sessionId\":\"" + s.sessionId()
                + "\",\"title\":\"x\",\"seats\":1,\"candidateIds\":[\"" + lamps + "\",\"" + rejected + "\"]}");
        assertThat(notShortlisted.status()).isEqualTo(400);
        assertThat(notShortlisted.body()).contains("\"field\":\"candidateIds\"");

        String vote = openVote(s, 2, List.of(lamps, crossing, canteen));
        List<String> d = s.deputies();
        String receipt = ok(deputy(d.get(0)).post("/api/congress/livelihood-votes/" + vote + "/ballots",
                "{\"choices\":[\"" + lamps + "\",\"" + crossing + "\"]}"), 201).get("ballotId").asString();
        ok(staff(TOWN).post("/api/congress/livelihood-votes/" + vote + "/ballots", ballot(d.get(1), lamps, crossing)), 201);
        ok(staff(TOWN).post("/api/congress/livelihood-votes/" + vote + "/ballots", ballot(d.get(2), lamps, canteen)), 201);
        ok(staff(TOWN).post("/api/congress/livelihood-votes/" + vote + "/ballots", ballot(d.get(3), crossing, lamps)), 201);
        ok(deputy(d.get(4)).post("/api/congress/livelihood-votes/" + vote + "/ballots", "{\"choices\":[\"" + canteen + "\"]}"), 201);

        Api.Response again = deputy(d.get(0)).post("/api/congress/livelihood-votes/" + vote + "/ballots",
                "{\"choices\":[\"" + canteen + "\"]}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(json.readTree(again.body()).get("rule").asString()).isEqualTo("already-voted");
        assertThat(json.readTree(again.body()).get("currentStatus").asString()).isEqualTo("OPEN");
        Api.Response absent = staff(TOWN).post("/api/congress/livelihood-votes/" + vote + "/ballots", ballot(d.get(5), lamps));
        assertThat(absent.status()).isEqualTo(400);
        assertThat(absent.body()).contains("\"field\":\"deputyId\"");
        assertThat(ballotRows(vote)).isEqualTo(5);
        Api.Response early = staff(TOWN).get("/api/congress/livelihood-votes/" + vote + "/ballots");
        assertThat(early.status()).as("ballots are not shown while the vote is open").isEqualTo(409);

        JsonNode tallied = ok(staff(TOWN).post("/api/congress/livelihood-votes/" + vote + "/tally", ""), 200);
        assertThat(tallied.get("status").asString()).isEqualTo("TALLIED");
        assertThat(tallied.get("ballotsCast").asLong()).isEqualTo(5);
        assertThat(tallied.get("majorityThreshold").asLong()).as("more than half of 6 seated").isEqualTo(4);
        assertThat(tallied.get("results")).extracting(r -> r.get("title").asString() + ":" + r.get("votes").asLong() + ":"
                + r.get("outcome").asString()).containsExactly("河滨路路灯改造:4:ELECTED", "学校门口人行过街设施:3:NOT_ELECTED",
                "长者饭堂:2:NOT_ELECTED");

        Api.Response late = staff(TOWN).post("/api/congress/livelihood-votes/" + vote + "/ballots", ballot(d.get(5), lamps));
        assertThat(late.status()).isEqualTo(409);
        assertThat(json.readTree(late.body()).get("currentStatus").asString()).isEqualTo("TALLIED");
        Api.Response twice = staff(TOWN).post("/api/congress/livelihood-votes/" + vote + "/tally", "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(json.readTree(twice.body()).get("currentStatus").asString()).isEqualTo("TALLIED");

        JsonNode recount = ok(staff(TOWN).get("/api/congress/livelihood-votes/" + vote + "/recount"), 200);
        assertThat(recount.get("matches").asBoolean()).isTrue();
        assertThat(recount.get("ballotDigest").asString()).isEqualTo(tallied.get("ballotDigest").asString());
        JsonNode published = ok(staff(TOWN).get("/api/congress/livelihood-votes/" + vote + "/ballots"), 200);
        assertThat(published).hasSize(5).extracting(b -> b.get("ballotId").asString()).contains(receipt);
        assertThat(published.toString()).as("secret ballot").doesNotContain(d.get(0));

        assertThat(ok(staff(TOWN).get("/api/congress/livelihood-projects/" + lamps), 200).get("status").asString()).isEqualTo("ELECTED");
        assertThat(ok(staff(TOWN).get("/api/congress/livelihood-projects/" + canteen), 200).get("status").asString()).isEqualTo("NOT_ELECTED");
        LivelihoodVoteTallied event = json.readValue(jdbc.sql(
                "SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?").params(vote, LivelihoodVoteTallied.TYPE)
                .query(String.class).single(), LivelihoodVoteTallied.class);
        assertThat(event.ballotsCast()).isEqualTo(5);
        assertThat(event.results()).extracting(LivelihoodVoteTallied.Result::outcome).containsExactly("ELECTED", "NOT_ELECTED", "NOT_ELECTED");
        assertThat(event.ballotDigest()).isEqualTo(tallied.get("ballotDigest").asString());

        // 实施 → 监督 → 评估
        String base = "/api/congress/livelihood-projects/" + lamps;
        ok(staff(TOWN).post(base + "/start", "{\"on\":\"2019-03-01\"}"), 200);
        Api unit = new Api(port).as(TestTokens.tokenWith("unit", TOWN, "规划建设办", "NONE", "DEPARTMENT_HANDLER"));
        ok(unit.post(base + "/progress", "{\"progressPercent\":40,\"note\":\"灯杆已安装\"}"), 200);
        Api otherUnit = new Api(port).as(TestTokens.tokenWith("unit2", TOWN, "财政办", "NONE", "DEPARTMENT_HANDLER"));
        assertThat(otherUnit.post(base + "/progress", "{\"progressPercent\":90}").status()).isEqualTo(403);
        ok(staff(TOWN).post(base + "/supervision-visits",
                "{\"visitedOn\":\"2019-06-01\",\"progressPercent\":70,\"findings\":\"进度正常\",\"participants\":[\"代表0\",\"代表1\"]}"), 200);
        Api.Response unfinished = staff(TOWN).post(base + "/completion", "{\"on\":\"2019-09-01\"}");
        assertThat(unfinished.status()).isEqualTo(409);
        assertThat(json.readTree(unfinished.body()).get("rule").asString()).isEqualTo("not-finished");
        ok(unit.post(base + "/progress", "{\"progressPercent\":100}"), 200);
        ok(staff(TOWN).post(base + "/completion", "{\"on\":\"2019-10-01\"}"), 200);
        JsonNode evaluated = ok(staff(TOWN).post(base + "/evaluation", "{\"grade\":\"EXCELLENT\",\"satisfactionPercent\":96}"), 200);
        assertThat(evaluated.get("status").asString()).isEqualTo("EVALUATED");
        JsonNode project = ok(staff(TOWN).get(base), 200);
        assertThat(project.get("visits")).hasSize(1);
        assertThat(project.get("progressPercent").asInt()).isEqualTo(100);
    }

    @Test
    void two_ballots_of_each_deputy_at_the_same_moment_count_once_and_a_tally_amid_ballots_counts_each_once() throws Exception {
        int deputies = 24;
        Sitting s = sitting(deputies, deputies);
        List<String> candidates = List.of(shortlisted("项目甲"), shortlisted("项目乙"), shortlisted("项目丙"));
        String vote = openVote(s, 2, candidates);
        String path = "/api/congress/livelihood-votes/" + vote + "/ballots";

        List<Callable<Integer>> calls = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (String d : s.deputies().subList(0, 16)) {
            for (int copy = 0; copy < 2; copy++) {
                String choice = candidates.get(copy);
                calls.add(() -> {
                    start.await();
                    return deputy(d).post(path, "{\"choices\":[\"" + choice + "\"]}").status();
                });
            }
        }
        List<Integer> statuses = run(calls, start);
        assertThat(statuses).filteredOn(st -> st == 201).hasSize(16);
        assertThat(statuses).filteredOn(st -> st == 409).hasSize(16);
        assertThat(ballotRows(vote)).isEqualTo(16);

        // the last eight deputies vote while the office counts: each ballot is either counted or refused
        List<Callable<Integer>> race = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (String d : s.deputies().subList(16, deputies)) {
            race.add(() -> {
                go.await();
                return deputy(d).post(path, "{\"choices\":[\"" + candidates.get(2) + "\"]}").status();
            });
        }
        race.add(() -> {
            go.await();
            return staff(TOWN).post("/api/congress/livelihood-votes/" + vote + "/tally", "").status() == 200 ? 0 : -1;
        });
        List<Integer> raced = run(race, go);
        assertThat(raced).contains(0).allMatch(st -> st == 0 || st == 201 || st == 409);
        long accepted = raced.stream().filter(st -> st == 201).count();
        JsonNode counted = ok(staff(TOWN).get("/api/congress/livelihood-votes/" + vote), 200);
        assertThat(counted.get("ballotsCast").asLong()).isEqualTo(16 + accepted).isEqualTo(ballotRows(vote));
        long votesCounted = 0;
        for (JsonNode r : counted.get("results")) {
            votesCounted += r.get("votes").asLong();
        }
        assertThat(votesCounted).isEqualTo(16 + accepted);
        assertThat(ok(staff(TOWN).get("/api/congress/livelihood-votes/" + vote + "/recount"), 200).get("matches").asBoolean()).isTrue();
    }

    @Test
    void no_quorum_no_vote_and_bad_ballots_name_the_field_and_write_nothing() {
        Sitting thin = sitting(6, 3);
        List<String> candidates = List.of(shortlisted("甲"), shortlisted("乙"));
        Api.Response noQuorum = staff(TOWN).post("/api/congress/livelihood-votes", "{\"sessionId\":\"" + thin.sessionId()
                + "\",\"title\":\"x\",\"seats\":1,\"candidateIds\":" + json.writeValueAsString(candidates) + "}");
        assertThat(noQuorum.status()).isEqualTo(409);
        assertThat(json.readTree(noQuorum.body()).get("rule").asString()).isEqualTo("no-quorum");

        Sitting s = sitting(3, 3);
        String vote = openVote(s, 1, candidates);
        String path = "/api/congress/livelihood-votes/" + vote + "/ballots";
        Api.Response tooMany = staff(TOWN).post(path, ballot(s.deputies().get(0), candidates.get(0), candidates.get(1)));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"field\":\"choices\"");
        Api.Response notOnIt = staff(TOWN).post(path, ballot(s.deputies().get(0), thin.sessionId()));
        assertThat(notOnIt.body()).contains("\"field\":\"choices\"");
        Api.Response noDeputy = staff(TOWN).post(path, "{\"choices\":[]}");
        assertThat(noDeputy.body()).contains("\"field\":\"deputyId\"");
        Api.Response noChoices = staff(TOWN).post(path, "{\"deputyId\":\"" + s.deputies().get(0) + "\"}");
        assertThat(noChoices.body()).contains("\"field\":\"choices\"");
        Api.Response badSeats = staff(TOWN).post("/api/congress/livelihood-votes", "{\"sessionId\":\"" + s.sessionId()
                + "\",\"title\":\"x\",\"seats\":0,\"candidateIds\":" + json.writeValueAsString(candidates) + "}");
        assertThat(badSeats.body()).contains("\"field\":\"seats\"");
        assertThat(ballotRows(vote)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM livelihood_vote_participation WHERE vote_id = ?").param(vote)
                .query(Long.class).single()).isZero();
    }

    @Test
    void deputies_vote_only_for_themselves_other_towns_see_nothing_and_clerks_do_not_open_votes() {
        Sitting s = sitting(3, 3);
        List<String> candidates = List.of(shortlisted("丙"), shortlisted("丁"));
        String vote = openVote(s, 1, candidates);
        String path = "/api/congress/livelihood-votes/" + vote + "/ballots";
        Api.Response forAnother = deputy(s.deputies().get(0)).post(path, ballot(s.deputies().get(1), candidates.get(0)));
        assertThat(forAnother.status()).isEqualTo(403);
        assertThat(forAnother.isProblem()).isTrue();
        assertThat(staff(OTHER).get("/api/congress/livelihood-votes/" + vote).status()).isEqualTo(404);
        assertThat(staff(OTHER).post(path, ballot(s.deputies().get(0), candidates.get(0))).status()).isEqualTo(404);
        assertThat(staff(OTHER).post("/api/congress/livelihood-votes/" + vote + "/tally", "").status()).isEqualTo(404);
        Api clerk = new Api(port).as(TestTokens.token("clerk", TOWN, "OFFICE_CLERK"));
        assertThat(clerk.post("/api/congress/livelihood-votes/" + vote + "/tally", "").status()).isEqualTo(403);
        assertThat(clerk.post(path, ballot(s.deputies().get(0), candidates.get(0))).status()).isEqualTo(403);
        assertThat(clerk.get("/api/congress/livelihood-votes/" + vote).status()).isEqualTo(200);
        assertThat(new Api(port).post(path, ballot(s.deputies().get(0), candidates.get(0))).status()).isEqualTo(401);
        assertThat(ballotRows(vote)).isZero();
    }

    private static List<Integer> run(List<Callable<Integer>> calls, CountDownLatch start) throws Exception {
        var pool = Executors.newFixedThreadPool(Math.min(calls.size(), 16));
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> c : calls) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
