package org.zhenwu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The problem bodies filters write by hand parse as JSON, with the same fields the MVC advice writes. */
class ProblemsTest {
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_bad_field_named_by_a_filter_has_the_advices_errors_shape_with_its_text_escaped() {
        JsonNode problem = json.readTree(Problems.invalidFieldJson(400, "invalid-request", "Invalid request",
                "Idempotency-Key", "must be \"visible\" ASCII\n(a UUID is best) \\ 中文"));

        assertThat(problem.get("type").asString()).isEqualTo("https://zhenwu.org/problems/invalid-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString())
                .isEqualTo("Idempotency-Key: must be \"visible\" ASCII\n(a UUID is best) \\ 中文");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(problem.get("errors").get(0).get("message").asString())
                .isEqualTo("must be \"visible\" ASCII\n(a UUID is best) \\ 中文");
    }
}
