package org.zhenwu.congress.suggestion;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Picks the suggestions the deadline job must act on and locks them for the caller's transaction with
 * {@code FOR UPDATE SKIP LOCKED}: a second instance running the job at the same moment skips them.
 */
@Component
class SuggestionDeadlines {
    private final JdbcClient jdbc;

    SuggestionDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> lockOverdueReplies(LocalDate today, int limit) {
        return ids("""
                SELECT id FROM suggestion WHERE status IN ('ASSIGNED', 'REHANDLING') AND reply_escalated = FALSE
                AND reply_due < ? ORDER BY reply_due, id LIMIT ? FOR UPDATE SKIP LOCKED""", today, limit);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> lockRepliesDueSoon(LocalDate today, LocalDate remindUntil, int limit) {
        return ids("""
                SELECT id FROM suggestion WHERE status IN ('ASSIGNED', 'REHANDLING') AND reply_escalated = FALSE
                AND reply_reminded = FALSE AND reply_due BETWEEN ? AND ? ORDER BY reply_due, id LIMIT ?
                FOR UPDATE SKIP LOCKED""", today, remindUntil, limit);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> lockOverdueCoViews(LocalDate today, int limit) {
        return ids("""
                SELECT s.id FROM suggestion s WHERE s.status IN ('ASSIGNED', 'REHANDLING') AND s.co_views_escalated = FALSE
                AND s.co_views_due < ?
                AND EXISTS (SELECT 1 FROM suggestion_co_unit c WHERE c.suggestion_id = s.id AND c.viewed_at IS NULL)
                ORDER BY s.co_views_due, s.id LIMIT ? FOR UPDATE SKIP LOCKED""", today, limit);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> lockCoViewsDueSoon(LocalDate today, LocalDate remindUntil, int limit) {
        return ids("""
                SELECT s.id FROM suggestion s WHERE s.status IN ('ASSIGNED', 'REHANDLING') AND s.co_views_escalated = FALSE
                AND s.co_views_reminded = FALSE AND s.co_views_due BETWEEN ? AND ?
                AND EXISTS (SELECT 1 FROM suggestion_co_unit c WHERE c.suggestion_id = s.id AND c.viewed_at IS NULL)
                ORDER BY s.co_views_due, s.id LIMIT ? FOR UPDATE SKIP LOCKED""", today, remindUntil, limit);
    }

    private List<UUID> ids(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(String.class).list().stream().map(UUID::fromString).toList();
    }
}
