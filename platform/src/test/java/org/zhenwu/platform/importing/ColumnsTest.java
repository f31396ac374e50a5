package org.zhenwu.platform.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ColumnsTest {
    @Test
    void values_are_stored_as_the_jpa_mappings_store_them_and_null_stays_null() {
        UUID id = UUID.fromString("7c6d8f4e-1b2a-4c3d-9e8f-0a1b2c3d4e5f");
        assertThat(Columns.name(ChronoUnit.DAYS)).isEqualTo("DAYS");
        assertThat(Columns.text(id)).isEqualTo("7c6d8f4e-1b2a-4c3d-9e8f-0a1b2c3d4e5f");
        assertThat(Columns.time(Instant.parse("2019-03-04T01:30:00Z"))).isEqualTo(LocalDateTime.parse("2019-03-04T01:30:00"));
        assertThat(Columns.name(null)).isNull();
        assertThat(Columns.text(null)).isNull();
        assertThat(Columns.time(null)).isNull();
    }
}
