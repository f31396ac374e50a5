package org.zhenwu.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhenwu.platform.importing.NumberBlocks;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

/** Blocks of numbers per counter key, after the numbers live intake took one by one; a rollback gives them back. */
@ZhenwuIntegrationTest
class NumberBlocksTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    String town;

    @BeforeEach
    void table() {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS test_counter (town_code VARCHAR(12) NOT NULL, day DATE NOT NULL,
                    last_seq INT NOT NULL, PRIMARY KEY (town_code, day))""").update();
        town = UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void each_key_gets_the_block_after_its_last_number_and_new_keys_start_at_one() {
        LocalDate used = LocalDate.of(2019, 3, 4);
        LocalDate fresh = LocalDate.of(2019, 3, 5);
        jdbc.sql("INSERT INTO test_counter VALUES (?, ?, 7)").params(town, used).update();
        Map<List<Object>, Integer> counts = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        counts.put(List.of(town, used), 3);
        counts.put(List.of(town, fresh), 2);

        Map<List<Object>, Long> first = new TransactionTemplate(transactions).execute(s ->
                NumberBlocks.reserve(jdbc, "test_counter", List.of("town_code", "day"), "last_seq", counts));

        assertThat(first).containsExactlyInAnyOrderEntriesOf(Map.of(List.of(town, used), 8L, List.of(town, fresh), 1L));
        assertThat(last(used)).isEqualTo(10);
        assertThat(last(fresh)).isEqualTo(2);
    }

    @Test
    void more_keys_than_one_statement_takes_are_all_numbered() {
        Map<List<Object>, Integer> counts = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        LocalDate day = LocalDate.of(2018, 1, 1);
        for (int i = 0; i < NumberBlocks.KEYS_PER_STATEMENT + 20; i++) {
            counts.put(List.of(town, day.plusDays(i)), 1 + i % 3);
        }
        Map<List<Object>, Long> first = new TransactionTemplate(transactions).execute(s ->
                NumberBlocks.reserve(jdbc, "test_counter", List.of("town_code", "day"), "last_seq", counts));
        assertThat(first).hasSize(counts.size()).allSatisfy((k, v) -> assertThat(v).isEqualTo(1L));
        assertThat(last(day.plusDays(NumberBlocks.KEYS_PER_STATEMENT + 19))).isEqualTo(1 + (NumberBlocks.KEYS_PER_STATEMENT + 19) % 3);
    }

    @Test
    void daily_numbers_are_handed_out_day_by_day_in_the_order_asked() {
        LocalDate monday = LocalDate.of(2017, 5, 8);
        LocalDate tuesday = monday.plusDays(1);
        jdbc.sql("INSERT INTO test_counter VALUES (?, ?, 2)").params(town, tuesday).update();
        List<Long> handed = new TransactionTemplate(transactions).execute(s -> {
            NumberBlocks.Daily numbers = NumberBlocks.daily(jdbc, "test_counter", town,
                    List.of(tuesday, monday, tuesday, monday, monday));
            return List.of(numbers.next(tuesday), numbers.next(monday), numbers.next(tuesday), numbers.next(monday),
                    numbers.next(monday));
        });
        assertThat(handed).containsExactly(3L, 1L, 4L, 2L, 3L);
        assertThat(last(monday)).isEqualTo(3);
        assertThat(last(tuesday)).isEqualTo(4);
    }

    @Test
    void a_rolled_back_reservation_gives_its_numbers_back() {
        LocalDate day = LocalDate.of(2019, 6, 1);
        jdbc.sql("INSERT INTO test_counter VALUES (?, ?, 4)").params(town, day).update();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            NumberBlocks.reserve(jdbc, "test_counter", List.of("town_code", "day"), "last_seq",
                    Map.of(List.of(town, day), 50));
            throw new IllegalStateException("row 9 is bad");
        })).hasMessage("row 9 is bad");
        assertThat(last(day)).isEqualTo(4);
    }

    private int last(LocalDate day) {
        return jdbc.sql("SELECT last_seq FROM test_counter WHERE town_code = ? AND day = ?").params(town, day)
                .query(Integer.class).single();
    }
}
