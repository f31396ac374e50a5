package org.zhenwu.document.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.IntegrationEvent;

/**
 * The inbox for a batch: which of its events this consumer has not counted yet, claimed in the calling transaction.
 * The ids already claimed are read in one query, the others claimed with one plain multi-row {@code INSERT} (as
 * {@code Inbox.firstDelivery}, but per batch): if another consumer claims one of them meanwhile (a rebalance hands the
 * partition over while this batch runs), the insert waits for its transaction and then fails on the key, this batch
 * rolls back whole and its retry finds the ids claimed. A rolled-back count rolls its claims back with it.
 */
final class ReportInbox {
    static final int CHUNK = 500;

    private ReportInbox() {
    }

    /** @return the events seen for the first time, in batch order (an id repeated within the batch once) */
    static List<IntegrationEvent> claim(JdbcClient jdbc, String consumer, List<? extends IntegrationEvent> events) {
        Set<String> claimed = new HashSet<>();
        List<String> ids = events.stream().map(e -> e.eventId().toString()).distinct().toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            claimed.addAll(jdbc.sql("SELECT event_id FROM inbox_event WHERE consumer = :consumer AND event_id IN (:ids)")
                    .param("consumer", consumer).param("ids", chunk).query(String.class).list());
        }
        List<IntegrationEvent> fresh = new ArrayList<>();
        List<String> freshIds = new ArrayList<>();
        for (IntegrationEvent e : events) {
            String id = e.eventId().toString();
            if (claimed.add(id)) {
                fresh.add(e);
                freshIds.add(id);
            }
        }
        for (int from = 0; from < freshIds.size(); from += CHUNK) {
            List<String> chunk = freshIds.subList(from, Math.min(freshIds.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(chunk.size() * 2);
            chunk.forEach(id -> {
                params.add(consumer);
                params.add(id);
            });
            jdbc.sql("INSERT INTO inbox_event (consumer, event_id) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)"))).params(params).update();
        }
        return fresh;
    }
}
