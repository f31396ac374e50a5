package org.zhenwu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class JsonEdgesTest {
    record Body(String text, List<String> tags, LocalDate day, Instant at, LocalDateTime local) {
    }

    private final JsonMapper json = JsonMapper.builder().addModule(new WellFormedStrings()).addModule(new DateRanges()).build();

    @Test
    void ordinary_values_pass() {
        Body b = json.readValue("""
                {"text":"乐从 \\ud83d\\ude00","tags":["a"],"day":"2019-10-08","at":"2026-11-26T08:00:00Z","local":"2019-03-04T09:30:00"}""",
                Body.class);
        assertThat(b.text()).isEqualTo("乐从 \uD83D\uDE00");
        assertThat(b.day()).isEqualTo(LocalDate.of(2019, 10, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":\"\\ud800\"}", "{\"text\":\"a\\udc00b\"}", "{\"tags\":[\"ok\",\"\\udfff\"]}"})
    void unpaired_surrogates_are_refused_naming_the_field(String body) {
        assertThatThrownBy(() -> json.readValue(body, Body.class)).isInstanceOf(JacksonException.class)
                .hasMessageContaining("well-formed Unicode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"day\":\"+10000-01-01\"}", "{\"day\":\"-0001-01-01\"}", "{\"day\":\"1899-12-31\"}",
            "{\"at\":\"2040-01-01T00:00:00Z\"}", "{\"at\":\"1900-01-01T00:00:00Z\"}", "{\"local\":\"+10000-01-01T00:00:00\"}"})
    void dates_the_tables_cannot_hold_are_refused(String body) {
        assertThatThrownBy(() -> json.readValue(body, Body.class)).isInstanceOf(JacksonException.class)
                .hasMessageContaining("must lie between");
    }
}
