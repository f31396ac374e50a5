package org.zhenwu.platform.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The {@code idempotency_key} table. Claims, answers and releases run in autocommit, outside any business transaction:
 * a claim is visible to a concurrent repeat at once, and never holds a lock while the request runs. Only
 * {@link #markCommitted} runs inside the request's own write transactions.
 */
public class IdempotencyStore {
    static final String STARTED = "STARTED";
    static final String COMPLETED = "COMPLETED";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdempotencyProperties properties;

    public IdempotencyStore(JdbcClient jdbc, Clock clock, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** What a request carrying a key may do. */
    enum Claim {
        /** The key is this request's: carry it out. */
        OWNED,
        /** The same request was carried out before: answer with what it answered ({@link Claimed#stored}). */
        REPLAY,
        /** The first request with this key is still running. */
        IN_PROGRESS,
        /** The key was used for a different request (method, path, query or body). */
        MISMATCH,
        /** The first request changed data but its answer was not stored (its instance stopped, or it was too large). */
        ANSWER_LOST
    }

    /**
     * The claim's time, to the row's millisecond: it is also the owner's fencing token. A request taken over after
     * {@code abandonedAfter} that still ends later finds the row claimed at another time, and changes nothing in it.
     */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** What {@link #claim} decided, with the stored row for a {@link Claim#REPLAY}. */
    record Claimed(Claim claim, Row stored) {
        static Claimed of(Claim claim) {
            return new Claimed(claim, null);
        }
    }

    /** {@code now} from {@link #now()}: on {@link Claim#OWNED} the row carries it, for the calls below. */
    Claimed claim(String caller, String key, String fingerprint, Instant now) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                jdbc.sql("INSERT INTO idempotency_key (caller, idem_key, fingerprint, state, started_at) "
                                + "VALUES (?, ?, ?, ?, ?)")
                        .params(caller, key, fingerprint, STARTED, Timestamp.from(now)).update();
                return Claimed.of(Claim.OWNED);
            } catch (DuplicateKeyException taken) {
                Optional<Row> row = find(caller, key);
                if (row.isPresent()) {
                    return judge(row.get(), caller, key, fingerprint, now);
                }
                // deleted between the two statements (released, or cleaned up): claim again
            }
        }
        return Claimed.of(Claim.IN_PROGRESS);
    }

    private Claimed judge(Row row, String caller, String key, String fingerprint, Instant now) {
        if (!row.fingerprint().equals(fingerprint)) {
            return Claimed.of(Claim.MISMATCH);
        }
        if (COMPLETED.equals(row.state())) {
            return row.status() == null ? Claimed.of(Claim.ANSWER_LOST) : new Claimed(Claim.REPLAY, row);
        }
        if (row.committed()) {
            return Claimed.of(Claim.ANSWER_LOST);
        }
        if (row.startedAt().isBefore(now.minus(properties.abandonedAfter()))) {
            // the first request changed nothing and is long gone: this one takes its place (one taker wins)
            int taken = jdbc.sql("UPDATE idempotency_key SET started_at = ? WHERE caller = ? AND idem_key = ? "
                            + "AND state = ? AND committed = FALSE AND started_at = ?")
                    .params(Timestamp.from(now), caller, key, STARTED, Timestamp.from(row.startedAt())).update();
            if (taken == 1) {
                return Claimed.of(Claim.OWNED);
            }
        }
        return Claimed.of(Claim.IN_PROGRESS);
    }

    /** Stores the answer; {@code body} null when it was too large to keep. */
    void complete(String caller, String key, Instant claimed, int status, String contentType, String location,
                  byte[] body) {
        jdbc.sql("UPDATE idempotency_key SET state = ?, completed_at = ?, response_status = ?, content_type = ?, "
                        + "location = ?, response_body = ? WHERE caller = ? AND idem_key = ? AND started_at = ?")
                .params(COMPLETED, Timestamp.from(clock.instant()), body == null ? null : status, contentType, location,
                        body, caller, key, Timestamp.from(claimed))
                .update();
    }

    /** The request changed nothing and failed: the same key may be sent again. */
    void release(String caller, String key, Instant claimed) {
        jdbc.sql("DELETE FROM idempotency_key WHERE caller = ? AND idem_key = ? AND started_at = ? AND state = ? "
                        + "AND committed = FALSE")
                .params(caller, key, Timestamp.from(claimed), STARTED).update();
    }

    /** Inside a write transaction of the keyed request: commits with it, or not at all. */
    void markCommitted(String caller, String key, Instant claimed) {
        jdbc.sql("UPDATE idempotency_key SET committed = TRUE WHERE caller = ? AND idem_key = ? AND started_at = ? "
                        + "AND committed = FALSE")
                .params(caller, key, Timestamp.from(claimed)).update();
    }

    Optional<Row> find(String caller, String key) {
        return jdbc.sql("SELECT fingerprint, state, committed, started_at, response_status, content_type, location, "
                        + "response_body FROM idempotency_key WHERE caller = ? AND idem_key = ?")
                .params(caller, key)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant(), rs.getObject(5, Integer.class), rs.getString(6),
                        rs.getString(7), rs.getBytes(8)))
                .optional();
    }

    record Row(String fingerprint, String state, boolean committed, Instant startedAt, Integer status,
               String contentType, String location, byte[] body) {
    }

    /** Keys older than the retention are forgotten: a repeat after that is a new request. */
    @Scheduled(cron = "${zhenwu.web.idempotency.cleanup-cron:0 */10 * * * *}")
    public void deleteExpired() {
        Timestamp before = Timestamp.from(clock.instant().minus(properties.retention()));
        int deleted;
        do {
            deleted = jdbc.sql("DELETE FROM idempotency_key WHERE started_at < ? LIMIT 10000").param(before).update();
        } while (deleted == 10_000);
    }
}
