package org.zhenwu.hotline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.AuthorizationMatrix;
import org.zhenwu.platform.test.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The records, bodies and callers the security tests of this service share (see {@link AuthorizationMatrix}). */
final class SecurityFixture {
    static final String TOWN = "440606003";
    static final String OTHER_TOWN = "440606004";
    static final String DEPARTMENT = "城市管理办";
    static final String OPEN311_KEY = "zhenwu-dev-open311-key";
    static final String COMPLAINT = """
            {"town":"${town}","type":"COMPLAINT","channel":"PHONE","category":"城市管理/占道经营","callerName":"张三",
             "callerPhone":"13800001234","location":"河滨路","content":"门口长期占道经营"}""";

    private final int port;
    private final JsonMapper json;

    SecurityFixture(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    AuthorizationMatrix matrix() {
        String base = "/api/hotline/work-orders";
        return AuthorizationMatrix.of(port, json)
                .table("/security/authorization-matrix.csv")
                .towns(TOWN, OTHER_TOWN)
                .department("DEPARTMENT_HANDLER", DEPARTMENT)
                .fixture(this::records)
                .body("POST " + base, COMPLAINT)
                .body("POST " + base + "/{id}/dispatch", "{\"department\":\"" + DEPARTMENT + "\"}")
                .body("POST " + base + "/{id}/return", "{\"reason\":\"不属本单位职责\"}")
                .body("POST " + base + "/{id}/reply", "{\"answer\":\"已处理\"}")
                .body("POST " + base + "/{id}/answer", "{\"answer\":\"已答复\"}")
                .body("POST " + base + "/{id}/revisit", "{\"satisfaction\":\"SATISFIED\"}")
                .body("POST " + base + "/{id}/merge", "{\"into\":\"${into}\"}")
                .body("POST " + base + "/{id}/extension-request", "{\"days\":3,\"reason\":\"需协调\"}")
                .body("POST " + base + "/{id}/extension-decision", "{\"approve\":true}")
                .body("POST " + base + "/{id}/urge", "{\"note\":\"请尽快\"}")
                .body("PUT /api/hotline/dispatch-rules",
                        "{\"town\":\"${town}\",\"category\":\"城市管理\",\"department\":\"" + DEPARTMENT + "\"}")
                .body("POST " + base + "/imports", "application/x-ndjson",
                        "{\"sourceId\":\"${uid}\",\"acceptedAt\":\"2019-03-04T09:30:00\",\"type\":\"COMPLAINT\","
                                + "\"channel\":\"PHONE\",\"category\":\"城市管理\",\"content\":\"占道\",\"status\":\"ACCEPTED\"}")
                .publicPaths("/open311/")
                .body("POST /open311/v2/requests.{format}", "application/x-www-form-urlencoded", "${form}");
    }

    /**
     * A complaint dispatched to {@link #DEPARTMENT} ({@code id}), a fresh one to merge it into, and an Open311
     * request (public reads; POST needs the client's api_key, a bearer token is not looked at there).
     */
    private Map<String, String> records(String town) {
        Api agent = new Api(port).as(TestTokens.tokenWith("fixture-agent", town, null, "NONE", "HOTLINE_AGENT"));
        String id = created(agent.post("/api/hotline/work-orders", COMPLAINT.replace("${town}", town)));
        Api.Response dispatched = agent.post("/api/hotline/work-orders/" + id + "/dispatch",
                "{\"department\":\"" + DEPARTMENT + "\"}");
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
        String into = created(agent.post("/api/hotline/work-orders", COMPLAINT.replace("${town}", town)));

        Api anonymous = new Api(port);
        Api.Response filed = anonymous.send(anonymous.request("/open311/v2/requests.json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(open311Form(town))));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        JsonNode request = json.readTree(filed.body()).get(0);
        return Map.ofEntries(Map.entry("id", id), Map.entry("into", into), Map.entry("queue", "DISPATCH"),
                Map.entry("uid", UUID.randomUUID().toString()), Map.entry("format", "json"),
                Map.entry("jurisdiction_id", town), Map.entry("serviceCode", "003"),
                Map.entry("serviceRequestId", request.get("service_request_id").asString()),
                Map.entry("token", request.get("token").asString()), Map.entry("form", open311Form(town)));
    }

    private static String open311Form(String town) {
        return "api_key=" + OPEN311_KEY + "&jurisdiction_id=" + town + "&service_code=003&lat=22.8081&long=113.0891"
                + "&description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE";
    }

    private String created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asString();
    }
}
