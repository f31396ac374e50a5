package org.zhenwu.platform.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RowReaderTest {
    enum Colour { RED, GREEN }

    private final List<RowError> errors = new ArrayList<>();

    private RowReader reader(String... pairs) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return new RowReader(new ImportRecord(7, fields), errors);
    }

    @Test
    void text() {
        RowReader r = reader("a", "  hi  ", "b", "   ", "long", "abcdef");
        assertThat(r.text("a", 10, true)).isEqualTo("hi");
        assertThat(r.text("b", 10, false)).isNull();
        assertThat(r.ok()).isTrue();
        assertThat(r.text("b", 10, true)).isNull();
        assertThat(r.text("missing", 10, true)).isNull();
        assertThat(r.text("long", 5, false)).isNull();
        assertThat(r.raw("a")).isEqualTo("  hi  ");
        assertThat(errors).containsExactly(new RowError(7, "b", "is required"), new RowError(7, "missing", "is required"),
                new RowError(7, "long", "is longer than 5 characters"));
        assertThat(r.ok()).isFalse();
        assertThat(r.hasError("long")).isTrue();
        assertThat(r.hasError("a")).isFalse();
    }

    @Test
    void enumByName() {
        RowReader r = reader("c", "green", "d", "BLUE");
        assertThat(r.enumValue("c", Colour.class, true)).isEqualTo(Colour.GREEN);
        assertThat(r.enumValue("d", Colour.class, false)).isNull();
        assertThat(r.enumValue("e", Colour.class, false)).isNull();
        assertThat(r.enumValue("e", Colour.class, true)).isNull();
        assertThat(errors).containsExactly(new RowError(7, "d", "must be one of [RED, GREEN]"),
                new RowError(7, "e", "is required"));
    }

    @Test
    void timeAsInstantOffsetOrBeijingLocal() {
        RowReader r = reader("z", "2019-03-04T01:30:00Z", "o", "2019-03-04T09:30:00+08:00", "l", "2019-03-04T09:30:00",
                "bad", "04.03.2019");
        Instant expected = Instant.parse("2019-03-04T01:30:00Z");
        assertThat(r.time("z", true)).isEqualTo(expected);
        assertThat(r.time("o", true)).isEqualTo(expected);
        assertThat(r.time("l", true)).isEqualTo(expected);
        assertThat(r.time("bad", true)).isNull();
        assertThat(r.time("none", false)).isNull();
        assertThat(r.time("none", true)).isNull();
        assertThat(errors).containsExactly(new RowError(7, "bad", "must be an ISO date-time such as 2019-03-04T09:30:00"),
                new RowError(7, "none", "is required"));
    }

    @Test
    void date() {
        RowReader r = reader("d", "2019-03-21", "bad", "2019-02-30");
        assertThat(r.date("d", true)).isEqualTo(LocalDate.of(2019, 3, 21));
        assertThat(r.date("bad", false)).isNull();
        assertThat(r.date("none", false)).isNull();
        assertThat(r.date("none", true)).isNull();
        assertThat(errors).containsExactly(new RowError(7, "bad", "must be an ISO date such as 2019-03-21"),
                new RowError(7, "none", "is required"));
    }

    @Test
    void flag() {
        RowReader r = reader("t", "TRUE", "f", "yes");
        assertThat(r.flag("t")).isTrue();
        assertThat(r.flag("f")).isFalse();
        assertThat(r.flag("none")).isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void notBeforeAndOwnErrors() {
        RowReader r = reader();
        Instant t = Instant.parse("2019-03-04T01:30:00Z");
        r.notBefore("later", t, t);
        r.notBefore("later", null, t);
        r.notBefore("later", t, null);
        assertThat(r.ok()).isTrue();
        r.notBefore("later", t, t.minusSeconds(1));
        r.error("x", "is odd");
        assertThat(errors).containsExactly(new RowError(7, "later", "is before the step it follows"),
                new RowError(7, "x", "is odd"));
    }

    @Test
    void okCountsOnlyThisRecordsProblems() {
        errors.add(new RowError(1, "earlier", "problem"));
        RowReader r = reader("a", "x");
        assertThat(r.ok()).isTrue();
        assertThat(r.hasError("earlier")).isFalse();
    }
}
