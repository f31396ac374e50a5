package org.zhenwu.document.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhenwu.document.ApiTestSupport;

/** A block reserved for an import continues the counter as that many {@code next} calls would, and is given back on rollback. */
class SequenceCounterTest extends ApiTestSupport {
    @Autowired
    SequenceCounter counter;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_reserved_block_takes_the_next_numbers_and_a_rollback_gives_them_back() {
        String scope = "块测" + unique();
        counter.prepare(scope, 2030, "440606104", "town");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThat(number(tx, () -> counter.next(scope, 2030))).isEqualTo(1);
        assertThat(number(tx, () -> counter.reserve(scope, 2030, 3))).as("the block 2…4").isEqualTo(2);
        assertThat(number(tx, () -> counter.next(scope, 2030))).isEqualTo(5);

        tx.executeWithoutResult(s -> {
            assertThat(counter.reserve(scope, 2030, 10)).isEqualTo(6);
            s.setRollbackOnly();
        });
        assertThat(number(tx, () -> counter.reserve(scope, 2030, 2))).as("the rolled-back block is free again").isEqualTo(6);
        assertThatThrownBy(() -> number(tx, () -> counter.reserve(scope, 2030, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int number(TransactionTemplate tx, IntSupplier take) {
        Integer n = tx.execute(s -> take.getAsInt());
        return n;
    }
}
