package org.zhenwu.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhenwu.platform.it.PlatformTestApplication.NoteCreated;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

/**
 * An import announces thousands of events in one transaction: past the first few, the outbox inserts them together
 * (500 rows a statement, the rest just before the commit). Same rows, same order, same transaction.
 */
@ZhenwuIntegrationTest
class OutboxBatchTest {
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_thousand_events_of_one_transaction_are_all_written_in_order_and_delivered() {
        String text = "batch-" + UUID.randomUUID();
        List<UUID> notes = new ArrayList<>();
        long[] visibleBeforeCommit = new long[1];
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 1_100; i++) {
                UUID note = UUID.randomUUID();
                notes.add(note);
                outbox.append(PlatformTestApplication.TOPIC, note.toString(), NoteCreated.TYPE,
                        new NoteCreated(UUID.randomUUID(), 1, Instant.now(), "440606104", note, text + " " + i));
            }
            visibleBeforeCommit[0] = rows(text);
        });
        // 16 one by one, then two full batches of 500; the last 84 wait for the commit
        assertThat(visibleBeforeCommit[0]).isEqualTo(1_016);
        List<String> keys = jdbc.sql("SELECT message_key FROM outbox_event WHERE payload LIKE ? ORDER BY id")
                .param("%" + text + "%").query(String.class).list();
        assertThat(keys).containsExactlyElementsOf(notes.stream().map(UUID::toString).toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> rowsPublished(text) == 1_100);
    }

    @Test
    void a_rolled_back_transaction_leaves_none_of_its_events() {
        String text = "rolled-back-" + UUID.randomUUID();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 600; i++) {
                append(text + " " + i);
            }
            throw new IllegalStateException("row 601 is bad");
        })).hasMessage("row 601 is bad");
        assertThat(rows(text)).isZero();
    }

    @Test
    void an_inner_transaction_keeps_its_own_events_apart_from_the_suspended_outer_one() {
        String outer = "outer-" + UUID.randomUUID();
        String inner = "inner-" + UUID.randomUUID();
        TransactionTemplate requiresNew = new TransactionTemplate(transactions);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 20; i++) {   // 4 of them wait for the outer commit
                append(outer + " " + i);
            }
            requiresNew.executeWithoutResult(s -> append(inner));
            throw new IllegalStateException("the outer one fails");
        })).hasMessage("the outer one fails");
        assertThat(rows(inner)).isEqualTo(1);
        assertThat(rows(outer)).isZero();
    }

    private void append(String text) {
        UUID note = UUID.randomUUID();
        outbox.append(PlatformTestApplication.TOPIC, note.toString(), NoteCreated.TYPE,
                new NoteCreated(UUID.randomUUID(), 1, Instant.now(), "440606104", note, text));
    }

    private long rows(String text) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ?").param("%" + text + "%")
                .query(Long.class).single();
    }

    private long rowsPublished(String text) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ? AND published_at IS NOT NULL")
                .param("%" + text + "%").query(Long.class).single();
    }
}
