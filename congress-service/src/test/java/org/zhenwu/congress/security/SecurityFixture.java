package org.zhenwu.congress.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.AuthorizationMatrix;
import org.zhenwu.platform.test.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The records, bodies and callers the security tests of this service share (see {@link AuthorizationMatrix}). */
final class SecurityFixture {
    static final String TOWN = "440606101";
    static final String OTHER_TOWN = "440606102";
    static final String UNIT = "规划建设办";
    static final String C = "/api/congress";
    static final String SESSION = "第十七届人大第七次会议";
    /** 交办 and "today" are Beijing days (a UTC date lags behind after 16:00 UTC). */
    static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");
    static final String EXTENSION = "{\"replyDue\":\"" + java.time.LocalDate.now(BEIJING).plusMonths(4) + "\",\"reason\":\"需调研\","
            + "\"deputiesToldOn\":\"" + java.time.LocalDate.now(BEIJING) + "\"}";
    private static final AtomicInteger NUMBERS = new AtomicInteger(60);
    private final Map<String, String> terms = new ConcurrentHashMap<>();
    private final Map<String, String> deputies = new ConcurrentHashMap<>();
    private final Map<String, String> candidates = new ConcurrentHashMap<>();

    private final int port;
    private final JsonMapper json;

    SecurityFixture(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    AuthorizationMatrix matrix() {
        return AuthorizationMatrix.of(port, json)
                .table("/security/authorization-matrix.csv")
                .towns(TOWN, OTHER_TOWN)
                .department("DEPARTMENT_HANDLER", UNIT)
                .subject("CONGRESS_DEPUTY", this::deputy)
                .record("terms.id", this::term)
                .record("termId", this::freshTerm)
                .record("votingTerm", this::term)
                .record("termNo", town -> String.valueOf(NUMBERS.incrementAndGet() % 99 + 1))
                .record("sessionNo", town -> String.valueOf(NUMBERS.incrementAndGet() % 99 + 1))
                .record("deputyId", this::deputy)
                .record("deputies.id", town -> newDeputy(town, freshTerm(town), false))
                .record("sessions.id", this::session)
                .record("sessionId", this::session)
                .record("presidium-meetings.id", town -> id(post(town, C + "/presidium-meetings", "{\"termId\":\"" + term(town)
                        + "\",\"heldOn\":\"2019-05-10\",\"topics\":\"审议议程\",\"attendees\":[\"" + deputy(town) + "\"]}")))
                .record("stations.id", this::station)
                .record("opinions.id", town -> id(post(town, C + "/stations/" + station(town) + "/opinions",
                        "{\"collectedOn\":\"2019-05-10\",\"content\":\"路灯不亮\"}")))
                .record("livelihood-projects.id", town -> project(town, false))
                .record("project", town -> project(town, true))
                .record("project2", town -> project(town, true))
                .record("livelihood-votes.id", town -> vote(town, false))
                .record("POST " + C + "/livelihood-votes/{id}/ballots:id", town -> vote(town, false))
                .record("choice", candidates::get)
                .record("GET " + C + "/livelihood-votes/{id}/ballots:id", town -> vote(town, true))
                .record("GET " + C + "/livelihood-votes/{id}/recount:id", town -> vote(town, true))
                .record("suggestions.id", town -> assigned(town, C + "/suggestions", suggestion()))
                .record("proposals.id", town -> assigned(town, C + "/proposals", proposal()))
                .record("registeredSuggestion", town -> registered(town, C + "/suggestions", suggestion()))
                .record("registeredProposal", town -> registered(town, C + "/proposals", proposal()))
                .record("members.id", town -> id(post(town, C + "/members", "{\"termNumber\":14,\"name\":\"委员"
                        + UUID.randomUUID().toString().substring(0, 6) + "\",\"sector\":\"经济界\"}")))
                .record("activities.id", town -> id(post(town, C + "/activities", "{\"kind\":\"INSPECTION\",\"title\":\"视察\","
                        + "\"heldOn\":\"2019-06-12\",\"deputyIds\":[\"" + deputy(town) + "\"]}")))
                .record("budget-lines.id", this::budgetLine)
                .record("budget-inquiries.id", town -> id(post(town, C + "/budget-lines/" + budgetLine(town) + "/inquiries",
                        "{\"deputyId\":\"" + deputy(town) + "\",\"question\":\"为何滞后\"}")))
                .record("year", town -> "2019")
                .record("uid", town -> UUID.randomUUID().toString().substring(0, 8))
                .body("POST " + C + "/terms", "{\"town\":\"${town}\",\"number\":${termNo},\"startsOn\":\"2016-12-01\"}")
                .body("POST " + C + "/deputies", "{\"town\":\"${town}\",\"termId\":\"${termId}\",\"name\":\"代表${uid}\",\"constituency\":\"第一选区\"}")
                .body("POST " + C + "/sessions", "{\"termId\":\"${termId}\",\"number\":${sessionNo},\"opensOn\":\"2019-01-10\"}")
                .body("POST " + C + "/sessions/{id}/attendance", "{\"deputyIds\":[\"${deputyId}\"]}")
                .body("POST " + C + "/presidium-meetings", "{\"termId\":\"${votingTerm}\",\"heldOn\":\"2019-05-10\",\"topics\":\"审议议程\","
                        + "\"attendees\":[\"${deputyId}\"]}")
                .body("POST " + C + "/stations", "{\"town\":\"${town}\",\"kind\":\"POINT\",\"name\":\"联络点${uid}\"}")
                .body("PUT " + C + "/stations/{id}/deputies", "{\"deputyIds\":[\"${deputyId}\"]}")
                .body("POST " + C + "/stations/{id}/opinions", "{\"collectedOn\":\"2019-05-10\",\"content\":\"路灯不亮\"}")
                .body("POST " + C + "/opinions/{id}/referral", "{\"department\":\"" + UNIT + "\"}")
                .body("POST " + C + "/opinions/{id}/conversion", "{\"session\":\"" + SESSION + "\",\"title\":\"关于路灯的建议\",\"deputies\":[\"陈国强\"]}")
                .body("POST " + C + "/opinions/{id}/answer", "{\"reply\":\"已修复\"}")
                .body("POST " + C + "/livelihood-projects", "{\"town\":\"${town}\",\"year\":2019,\"title\":\"路灯改造\",\"sponsorUnit\":\"" + UNIT + "\"}")
                .body("POST " + C + "/livelihood-projects/{id}/shortlisting", "{\"shortlisted\":true}")
                .body("POST " + C + "/livelihood-projects/{id}/start", "{\"on\":\"2019-03-01\"}")
                .body("POST " + C + "/livelihood-projects/{id}/progress", "{\"progressPercent\":50}")
                .body("POST " + C + "/livelihood-projects/{id}/supervision-visits", "{\"visitedOn\":\"2019-06-01\",\"findings\":\"进度正常\"}")
                .body("POST " + C + "/livelihood-projects/{id}/completion", "{\"on\":\"2019-12-01\"}")
                .body("POST " + C + "/livelihood-projects/{id}/evaluation", "{\"grade\":\"EXCELLENT\"}")
                .body("POST " + C + "/livelihood-votes", "{\"sessionId\":\"${sessionId}\",\"title\":\"票决\",\"seats\":1,\"candidateIds\":[\"${project}\",\"${project2}\"]}")
                .body("POST " + C + "/livelihood-votes/{id}/ballots", "{\"deputyId\":\"${deputyId}\",\"choices\":[\"${choice}\"]}")
                .body("POST " + C + "/suggestions", suggestion().replace("{", "{\"town\":\"${town}\","))
                .body("POST " + C + "/proposals", proposal().replace("{", "{\"town\":\"${town}\","))
                .body("POST " + C + "/suggestions/{id}/assignment", "{\"leadUnit\":\"" + UNIT + "\",\"coUnits\":[\"财政办\"]}")
                .body("POST " + C + "/proposals/{id}/assignment", "{\"leadUnit\":\"" + UNIT + "\",\"coUnits\":[\"财政办\"]}")
                .body("POST " + C + "/suggestions/{id}/co-unit-views", "{\"unit\":\"财政办\",\"view\":\"同意\"}")
                .body("POST " + C + "/proposals/{id}/co-unit-views", "{\"unit\":\"财政办\",\"view\":\"同意\"}")
                .body("POST " + C + "/suggestions/{id}/extension", EXTENSION)
                .body("POST " + C + "/proposals/{id}/extension", EXTENSION)
                .body("POST " + C + "/suggestions/{id}/replies", "{\"category\":\"A\",\"content\":\"已解决\"}")
                .body("POST " + C + "/proposals/{id}/replies", "{\"category\":\"A\",\"content\":\"已解决\"}")
                .body("POST " + C + "/suggestions/{id}/feedback", "{\"satisfaction\":\"SATISFIED\"}")
                .body("POST " + C + "/proposals/{id}/feedback", "{\"satisfaction\":\"SATISFIED\"}")
                .body("POST " + C + "/suggestions/{id}/merger", "{\"suggestionIds\":[\"${registeredSuggestion}\"]}")
                .body("POST " + C + "/proposals/{id}/merger", "{\"suggestionIds\":[\"${registeredProposal}\"]}")
                .body("POST " + C + "/members", "{\"town\":\"${town}\",\"termNumber\":14,\"name\":\"委员${uid}\",\"sector\":\"经济界\"}")
                .body("POST " + C + "/activities", "{\"town\":\"${town}\",\"kind\":\"TRAINING\",\"title\":\"履职培训\","
                        + "\"heldOn\":\"2019-03-01\",\"deputyIds\":[\"${deputyId}\"]}")
                .body("POST " + C + "/activities/{id}/attendance", "{\"deputyIds\":[\"${deputyId}\"]}")
                .body("POST " + C + "/budget-lines", "{\"town\":\"${town}\",\"year\":2019,\"code\":\"${uid}\",\"name\":\"道路维修\","
                        + "\"department\":\"" + UNIT + "\",\"plannedAmount\":100000}")
                .body("POST " + C + "/budget-lines/approval", "{\"town\":\"${town}\",\"year\":2019,\"approvedOn\":\"2019-02-15\"}")
                .body("POST " + C + "/budget-executions", "{\"town\":\"${town}\",\"year\":2019,\"month\":6,\"lines\":[]}")
                .body("POST " + C + "/budget-lines/{id}/inquiries", "{\"deputyId\":\"${deputyId}\",\"question\":\"为何滞后\"}")
                .body("POST " + C + "/budget-inquiries/{id}/answer", "{\"answer\":\"已加快\"}")
                .body("POST " + C + "/budget-lines/{id}/evaluation", "{\"grade\":\"GOOD\",\"targetMet\":true}")
                .body("POST " + C + "/suggestions/imports", "application/x-ndjson",
                        "{\"sourceId\":\"${uid}\",\"session\":\"" + SESSION + "\",\"title\":\"关于东延线的建议\",\"content\":\"…\","
                                + "\"deputies\":[\"陈国强\"],\"submittedAt\":\"2019-01-10T09:00:00\",\"status\":\"SUBMITTED\"}")
                ;
    }

    private Api staff(String town) {
        return new Api(port).as(TestTokens.tokenWith("staff-" + town, town, "人大办", "NONE", "CONGRESS_STAFF"));
    }

    private JsonNode post(String town, String path, String body) {
        Api.Response r = staff(town).post(path, body);
        assertThat(r.status()).as(path + " " + r.body()).isIn(200, 201);
        return json.readTree(r.body());
    }

    private static String id(JsonNode node) {
        return node.get("id").asString();
    }

    /** The matrix's term of the town (one per town, so the deputy below sits in every session of it). */
    private String term(String town) {
        return terms.computeIfAbsent(town, t -> id(post(t, C + "/terms",
                "{\"number\":" + (NUMBERS.incrementAndGet() % 99 + 1) + ",\"startsOn\":\"2016-12-01\"}")));
    }

    /** The matrix's deputy of the town, a presidium member of the term: the CONGRESS_DEPUTY callers are them. */
    private String deputy(String town) {
        return deputies.computeIfAbsent(town, t -> newDeputy(t, term(t), true));
    }

    /** A term of its own, so that the deputies made in it leave the voting term's quorum alone. */
    private String freshTerm(String town) {
        return id(post(town, C + "/terms", "{\"number\":" + (NUMBERS.incrementAndGet() % 99 + 1) + ",\"startsOn\":\"2016-12-01\"}"));
    }

    private String newDeputy(String town, String term, boolean presidium) {
        return id(post(town, C + "/deputies", "{\"termId\":\"" + term + "\",\"name\":\"代表" + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"constituency\":\"第一选区\",\"presidiumMember\":" + presidium + "}"));
    }

    private String session(String town) {
        String session = id(post(town, C + "/sessions", "{\"termId\":\"" + term(town) + "\",\"number\":"
                + (NUMBERS.incrementAndGet() % 99 + 1) + ",\"opensOn\":\"2019-01-10\"}"));
        post(town, C + "/sessions/" + session + "/attendance", "{\"deputyIds\":[\"" + deputy(town) + "\"]}");
        return session;
    }

    private String station(String town) {
        return id(post(town, C + "/stations", "{\"kind\":\"POINT\",\"name\":\"联络点" + UUID.randomUUID() + "\"}"));
    }

    private String project(String town, boolean shortlisted) {
        String id = id(post(town, C + "/livelihood-projects", "{\"year\":2019,\"title\":\"路灯改造\",\"sponsorUnit\":\"" + UNIT + "\"}"));
        if (shortlisted) {
            post(town, C + "/livelihood-projects/" + id + "/shortlisting", "{\"shortlisted\":true}");
        }
        return id;
    }

    /** An open vote at a session the deputy attends, one seat for two shortlisted projects; counted when {@code tallied}. */
    private String vote(String town, boolean tallied) {
        String candidate = project(town, true);
        String vote = id(post(town, C + "/livelihood-votes", "{\"sessionId\":\"" + session(town)
                + "\",\"title\":\"票决\",\"seats\":1,\"candidateIds\":[\"" + candidate + "\",\"" + project(town, true) + "\"]}"));
        candidates.put(town, candidate);
        if (tallied) {
            post(town, C + "/livelihood-votes/" + vote + "/ballots", "{\"deputyId\":\"" + deputy(town)
                    + "\",\"choices\":[\"" + candidate + "\"]}");
            post(town, C + "/livelihood-votes/" + vote + "/tally", "");
        }
        return vote;
    }

    private String registered(String town, String path, String body) {
        String id = id(post(town, path, body));
        post(town, path + "/" + id + "/registration", "");
        return id;
    }

    /** A line of the town's 2019 budget spent by the matrix's unit, with a performance target. */
    private String budgetLine(String town) {
        return id(post(town, C + "/budget-lines", "{\"year\":2019,\"code\":\"" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"name\":\"道路维修\",\"department\":\"" + UNIT + "\",\"plannedAmount\":100000,"
                + "\"performanceTarget\":\"完成12公里\"}"));
    }

    private String assigned(String town, String path, String body) {
        String id = id(post(town, path, body));
        post(town, path + "/" + id + "/registration", "");
        post(town, path + "/" + id + "/assignment", "{\"leadUnit\":\"" + UNIT + "\",\"coUnits\":[\"财政办\"]}");
        return id;
    }

    private static String suggestion() {
        return "{\"session\":\"" + SESSION + "\",\"title\":\"关于东延线的建议\",\"content\":\"东延线迟迟未能贯通\","
                + "\"deputies\":[\"陈国强\"],\"submittedAt\":\"2019-01-15T02:00:00Z\"}";
    }

    private static String proposal() {
        return "{\"session\":\"区政协十四届三次会议\",\"title\":\"关于校园周边交通的提案\",\"content\":\"上下学高峰拥堵\","
                + "\"members\":[\"李委员\"],\"proposerType\":\"MEMBER\",\"submittedAt\":\"2019-01-15T02:00:00Z\"}";
    }
}
