package org.zhenwu.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;
import org.zhenwu.platform.test.TestInfrastructure;

/**
 * The claim's time fences its owner: a first request taken for dead and taken over, that still ends later, changes
 * nothing in the row its successor now owns. On the platform's own migration in a fresh MariaDB schema.
 */
class IdempotencyStoreTest {
    static JdbcClient jdbc;
    static final IdempotencyProperties PROPERTIES = new IdempotencyProperties(Duration.ofHours(24),
            Duration.ofMinutes(2), DataSize.ofMegabytes(1));

    @BeforeAll
    static void schema() {
        String schema = TestInfrastructure.freshSchema();
        var dataSource = new DriverManagerDataSource(TestInfrastructure.jdbcUrl(schema), TestInfrastructure.DB_USER,
                TestInfrastructure.DB_PASSWORD);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    static IdempotencyStore at(Instant now) {
        return new IdempotencyStore(jdbc, Clock.fixed(now, ZoneOffset.UTC), PROPERTIES);
    }

    @Test
    void a_taken_over_first_request_that_ends_late_leaves_its_successors_row_alone() {
        Instant first = Instant.parse("2026-11-27T08:00:00.123456Z");
        IdempotencyStore then = at(first);
        Instant firstToken = then.now();
        assertThat(firstToken).isEqualTo(Instant.parse("2026-11-27T08:00:00.123Z"));
        assertThat(then.claim("clerk", "k1", "fp", firstToken).claim()).isEqualTo(IdempotencyStore.Claim.OWNED);

        IdempotencyStore later = at(first.plus(Duration.ofMinutes(3)));
        Instant secondToken = later.now();
        assertThat(later.claim("clerk", "k1", "fp", secondToken).claim()).as("taken over")
                .isEqualTo(IdempotencyStore.Claim.OWNED);

        // the first ends after all: its mark, its failure and its answer all miss
        then.markCommitted("clerk", "k1", firstToken);
        then.release("clerk", "k1", firstToken);
        then.complete("clerk", "k1", firstToken, 201, "application/json", null, "{\"id\":\"first\"}".getBytes());
        IdempotencyStore.Row row = later.find("clerk", "k1").orElseThrow();
        assertThat(row.state()).isEqualTo(IdempotencyStore.STARTED);
        assertThat(row.committed()).isFalse();

        // the successor's own calls land
        later.markCommitted("clerk", "k1", secondToken);
        later.complete("clerk", "k1", secondToken, 201, "application/json", null, "{\"id\":\"second\"}".getBytes());
        row = later.find("clerk", "k1").orElseThrow();
        assertThat(row.committed()).isTrue();
        assertThat(new String(row.body())).isEqualTo("{\"id\":\"second\"}");
        IdempotencyStore.Claimed resent = later.claim("clerk", "k1", "fp", later.now());
        assertThat(resent.claim()).isEqualTo(IdempotencyStore.Claim.REPLAY);
        assertThat(new String(resent.stored().body())).as("the answer comes with the claim")
                .isEqualTo("{\"id\":\"second\"}");
    }

    @Test
    void only_one_of_two_late_resends_takes_an_abandoned_request_over() {
        Instant first = Instant.parse("2026-11-27T09:00:00Z");
        assertThat(at(first).claim("clerk", "k2", "fp", first).claim()).isEqualTo(IdempotencyStore.Claim.OWNED);
        Instant late = first.plus(Duration.ofMinutes(5));
        IdempotencyStore store = at(late);
        assertThat(store.claim("clerk", "k2", "fp", late).claim()).isEqualTo(IdempotencyStore.Claim.OWNED);
        assertThat(store.claim("clerk", "k2", "fp", late.plusMillis(1)).claim())
                .as("the row now carries the first taker's time: not abandoned")
                .isEqualTo(IdempotencyStore.Claim.IN_PROGRESS);
    }
}
