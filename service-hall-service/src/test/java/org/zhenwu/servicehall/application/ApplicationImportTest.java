package org.zhenwu.servicehall.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;
import org.zhenwu.servicehall.support.Hall;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The applications import writes a file's rows together (numbers reserved per day, multi-row inserts): what it
 * writes must read back, move on and be counted as a live application is, and a bad row anywhere leaves nothing.
 */
@ZhenwuIntegrationTest
class ApplicationImportTest {
    static final String TOWN = "440606103";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Hall hall() {
        return new Hall(port, json);
    }

    Api.Response post(String body) {
        Api api = hall().clerk(TOWN);
        return api.send(api.request(Hall.BASE + "/applications/imports")
                .header("Content-Type", "application/x-ndjson; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String row(String sourceId, String day, String status, String extra) {
        return "{\"sourceId\":\"" + sourceId + "\",\"matterCode\":\"IMP-01\",\"matterName\":\"最低生活保障\","
                + "\"department\":\"社会事务办\",\"promisedLimitDays\":\"5\",\"acceptedAt\":\"" + day + "T09:30:00\","
                + "\"status\":\"" + status + "\"" + extra + "}";
    }

    @Test
    void a_files_applications_are_numbered_per_day_in_file_order_read_back_with_their_trail_and_move_on() {
        String p = "num-" + UUID.randomUUID() + "-";
        String first = String.join("\n",
                row(p + 1, "2016-03-01", "ACCEPTED", ""),
                row(p + 2, "2016-03-02", "DELIVERED", ",\"completedAt\":\"2016-03-04T10:00:00\",\"deliveredAt\":\"2016-03-04T11:00:00\""),
                row(p + 3, "2016-03-01", "COMPLETED", ",\"completedAt\":\"2016-03-03T10:00:00\""),
                row(p + 4, "2016-03-01", "WITHDRAWN", ""));
        JsonNode result = hall().ok(post(first), 201);
        assertThat(result.get("imported").asInt()).isEqualTo(4);
        hall().ok(post(row(p + 5, "2016-03-01", "ACCEPTED", "")), 201);

        assertThat(numbers(p)).containsExactly(TOWN + "-20160301-00001", TOWN + "-20160302-00001",
                TOWN + "-20160301-00002", TOWN + "-20160301-00003", TOWN + "-20160301-00004");

        JsonNode delivered = hall().ok(hall().clerk(TOWN).get(Hall.BASE + "/applications/" + id(p + 2)), 200);
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("deliveryMethod").asString()).isEqualTo("PICKUP");
        assertThat(delivered.get("workingDays").asInt()).isEqualTo(2);
        assertThat(delivered.get("onTime").asBoolean()).isTrue();
        assertThat(delivered.get("receivedAt").asString()).isEqualTo("2016-03-02T01:30:00Z");
        List<String> trail = new ArrayList<>();
        delivered.get("transitions").forEach(t -> trail.add(t.get("to").asString()));
        assertThat(trail).containsExactly("ACCEPTED", "APPROVED", "COMPLETED", "DELIVERED");

        // an imported completed application is delivered like a live one (its row loads and takes the change)
        JsonNode moved = hall().ok(hall().clerk(TOWN).post(Hall.BASE + "/applications/" + id(p + 3) + "/delivery",
                "{\"method\":\"MAIL\",\"trackingNumber\":\"SF123\"}"), 200);
        assertThat(moved.get("status").asString()).isEqualTo("DELIVERED");

        assertThat(events(p, "service-hall.ApplicationAccepted")).as("one per application accepted").isEqualTo(5);
        assertThat(events(p, "service-hall.ApplicationCompleted")).isEqualTo(2);
        assertThat(events(p, "service-hall.ApplicationWithdrawn")).isEqualTo(1);

        JsonNode again = hall().ok(post(first), 201);
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("skipped").asInt()).isEqualTo(4);
        assertThat(events(p, "service-hall.ApplicationAccepted")).as("a resend announces nothing").isEqualTo(5);
    }

    @Test
    void a_bad_row_in_the_middle_of_a_long_file_leaves_nothing_written() {
        String p = "bad-" + UUID.randomUUID() + "-";
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 1_200; i++) {
            lines.add(i == 601 ? row(p + i, "2016-05-02", "COMPLETED", "")   // no completedAt
                    : row(p + i, "2016-05-0" + (2 + i % 4), "COMPLETED", ",\"completedAt\":\"2016-05-10T10:00:00\""));
        }
        Api.Response r = post(String.join("\n", lines));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("line 601: completedAt");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE source_id LIKE ?").param(p + "%").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application_counter WHERE town_code = ? AND day BETWEEN '2016-05-01' AND '2016-05-31'")
                .param(TOWN).query(Long.class).single()).as("no number taken").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM figure_application_day WHERE town_code = ? AND accepted_on BETWEEN '2016-05-01' AND '2016-05-31'")
                .param(TOWN).query(Long.class).single()).isZero();

        lines.set(600, row(p + 601, "2016-05-03", "COMPLETED", ",\"completedAt\":\"2016-05-10T10:00:00\""));
        assertThat(hall().ok(post(String.join("\n", lines)), 201).get("imported").asInt()).isEqualTo(1_200);
        assertThat(events(p, "service-hall.ApplicationCompleted")).isEqualTo(1_200);
        assertThat(jdbc.sql("SELECT SUM(accepted) FROM figure_application_day WHERE town_code = ? AND accepted_on BETWEEN '2016-05-01' AND '2016-05-31'")
                .param(TOWN).query(Long.class).single()).as("the figures count the file").isEqualTo(1_200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application_transition t JOIN application a ON a.id = t.application_id WHERE a.source_id LIKE ?")
                .param(p + "%").query(Long.class).single()).as("accepted, approved, completed each").isEqualTo(3_600);
    }

    private List<String> numbers(String prefix) {
        return jdbc.sql("SELECT application_number FROM application WHERE source_id LIKE ? ORDER BY CAST(SUBSTRING(source_id, ?) AS UNSIGNED)")
                .params(prefix + "%", prefix.length() + 1).query(String.class).list();
    }

    private String id(String sourceId) {
        return jdbc.sql("SELECT id FROM application WHERE source_id = ?").param(sourceId).query(String.class).single();
    }

    private long events(String prefix, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event e JOIN application a ON e.message_key = a.id WHERE a.source_id LIKE ? AND e.event_type = ?")
                .params(prefix + "%", type).query(Long.class).single();
    }
}
