package org.zhenwu.platform.inbox;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotent consumption: a consumer claims {@code (consumer, eventId)} in the same transaction as the
 * change the event causes. A redelivered event finds its row and is skipped; a rolled-back change
 * rolls the claim back too, so the retry is processed again.
 */
public class Inbox {
    private final JdbcClient jdbc;

    public Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true the first time this consumer sees the event, false for every redelivery */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return jdbc.sql("INSERT IGNORE INTO inbox_event (consumer, event_id) VALUES (?, ?)")
                .params(consumer, eventId.toString())
                .update() == 1;
    }
}
