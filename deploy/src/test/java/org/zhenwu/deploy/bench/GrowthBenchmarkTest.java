package org.zhenwu.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The growth benchmark runs the services' statements as written, with Spring's named parameters made positional. */
class GrowthBenchmarkTest {

    @Test
    void named_parameters_become_positional_ones_in_order_a_list_one_per_element_and_quoted_text_stays() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("towns", List.of("440606001", "440606002"));
        params.put("from", 1);
        params.put("to", 2);
        var p = GrowthBenchmark.Positional.of(
                "SELECT '(未派单):x', TIME('10:00') FROM t WHERE town_code IN (:towns) AND d BETWEEN :from AND :to AND e >= :from",
                params);
        assertThat(p.sql()).isEqualTo(
                "SELECT '(未派单):x', TIME('10:00') FROM t WHERE town_code IN (?, ?) AND d BETWEEN ? AND ? AND e >= ?");
        assertThat(p.values()).containsExactly("440606001", "440606002", 1, 2, 1);
    }

    @Test
    void a_parameter_without_a_value_is_refused_by_name() {
        assertThatThrownBy(() -> GrowthBenchmark.Positional.of("SELECT 1 FROM t WHERE a = :missing", Map.of()))
                .hasMessageContaining(":missing");
    }
}
