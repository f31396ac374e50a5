package org.zhenwu.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people of a town's office, over real HTTP against the whole service. Every integration test class extends
 * this, so they all share one Spring context (one schema, one broker): tests make their own, unique data.
 */
@ZhenwuIntegrationTest
public abstract class ApiTestSupport {
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected JdbcClient jdbc;

    /** A unique suffix for issuer codes, titles and the like. */
    protected static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + UNIQUE.incrementAndGet();
    }

    protected Api as(String subject, String town, String department, String clearance, String... roles) {
        return new Api(port).as(TestTokens.tokenWith(subject, town, department, clearance, roles));
    }

    /** 党政办 clerk with 机密 clearance. */
    protected Api clerk(String town) {
        return as("clerk-" + town, town, "党政办", "CONFIDENTIAL", "OFFICE_CLERK");
    }

    protected Api leader(String town, String name) {
        return as(name, town, "镇领导", "TOP_SECRET", "TOWN_LEADER");
    }

    protected Api handler(String town, String department) {
        return as("handler-" + department + "-" + town, town, department, "NONE", "DEPARTMENT_HANDLER");
    }

    protected Api district() {
        return as("district", "DISTRICT", "区府办", "TOP_SECRET", "DISTRICT_ADMIN");
    }

    protected Api anonymous() {
        return new Api(port);
    }

    protected JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.body() == null || r.body().isEmpty() ? null : json.readTree(r.body());
    }

    protected JsonNode ok(Api.Response r) {
        return ok(r, 200);
    }

    protected static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.contentType()).isTrue();
        if (field != null) {
            assertThat(r.body()).contains("\"field\":\"" + field + "\"");
        }
    }

    protected long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
