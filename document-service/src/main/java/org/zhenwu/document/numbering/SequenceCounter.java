package org.zhenwu.document.numbering;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhenwu.platform.web.InvalidFieldException;

/**
 * Gap-free numbers: one counter row per scope (an issuer's 机关代字, a town's 收文 register) and year. A number is
 * taken with {@code UPDATE … LAST_INSERT_ID(last_seq + 1)} inside the transaction that uses it, so the row stays locked
 * until that transaction ends: a rollback gives the number back, concurrent takers queue, nobody gets a duplicate.
 * <p>
 * The row is created beforehand by {@link #prepare} in a transaction of its own, before the using transaction starts:
 * concurrent first inserts of one key can deadlock in InnoDB, and a nested transaction would hold two pool connections.
 */
@Component
public class SequenceCounter {
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    SequenceCounter(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Makes sure the counter exists and belongs to {@code town}. Call it outside the transaction that takes the number.
     * A scope is claimed by the first town that numbers in it: two towns can never share one 机关代字.
     */
    public void prepare(String scope, int year, String town, String field) {
        String owner = ownTransaction.execute(s -> {
            jdbc.sql("INSERT IGNORE INTO sequence_counter (scope, year, town_code, last_seq) VALUES (?, ?, ?, 0)")
                    .params(scope, year, town).update();
            return jdbc.sql("SELECT town_code FROM sequence_counter WHERE scope = ? AND year = ?")
                    .params(scope, year).query(String.class).single();
        });
        if (!town.equals(owner)) {
            throw new InvalidFieldException(field, "'" + scope + "' is numbered by another town");
        }
    }

    /** The next number, locked until the calling transaction ends. {@link #prepare} must have run. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int next(String scope, int year) {
        int updated = jdbc.sql("UPDATE sequence_counter SET last_seq = LAST_INSERT_ID(last_seq + 1) WHERE scope = ? AND year = ?")
                .params(scope, year).update();
        if (updated != 1) {
            throw new IllegalStateException("counter " + scope + "/" + year + " was not prepared");
        }
        return jdbc.sql("SELECT LAST_INSERT_ID()").query(Integer.class).single();
    }

    /**
     * A block of {@code count} numbers in one statement, locked until the calling transaction ends like {@link #next}:
     * the first of them (the block is {@code first … first + count - 1}); for an import that numbers many records of
     * one scope and year in file order, the same numbers as {@code count} calls of {@link #next}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reserve(String scope, int year, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        int updated = jdbc.sql("UPDATE sequence_counter SET last_seq = LAST_INSERT_ID(last_seq + ?) WHERE scope = ? AND year = ?")
                .params(count, scope, year).update();
        if (updated != 1) {
            throw new IllegalStateException("counter " + scope + "/" + year + " was not prepared");
        }
        return jdbc.sql("SELECT LAST_INSERT_ID()").query(Integer.class).single() - count + 1;
    }

    /** Historical import: numbers already used elsewhere are never handed out again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void atLeast(String scope, int year, int used) {
        jdbc.sql("UPDATE sequence_counter SET last_seq = GREATEST(last_seq, ?) WHERE scope = ? AND year = ?")
                .params(used, scope, year).update();
    }
}
