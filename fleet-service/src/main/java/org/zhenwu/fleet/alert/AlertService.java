package org.zhenwu.fleet.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.fleet.v1.AlertRaised;
import org.zhenwu.contracts.fleet.v1.FleetTopics;
import org.zhenwu.fleet.platform.UtcTimes;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * Alerts on vehicles' use: stored, listed, acknowledged, and announced as {@code fleet.AlertRaised}. Raised in
 * the transaction of the record that caused them, so a refuel and its alerts are kept or lost together.
 */
@Service
public class AlertService {
    private static final String[] READERS = {Roles.FLEET_MANAGER, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Outbox outbox;
    private final Clock clock;

    AlertService(JdbcClient jdbc, Jurisdictions jurisdictions, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stores and announces an alert, unless one with the same {@code dedupeKey} exists (jobs in several instances,
     * a fact seen at departure and again at return).
     *
     * @param dedupeKey null when every occurrence counts
     * @return the new alert's id; empty when it was a duplicate
     */
    @Transactional
    public Optional<UUID> raise(NewAlert alert) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String detail = alert.detail().length() > 500 ? alert.detail().substring(0, 500) : alert.detail();
        int inserted = jdbc.sql("""
                INSERT IGNORE INTO fleet_alert (id, town_code, kind, vehicle_id, trip_id, driver_id, detail, raised_at, dedupe_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.toString(), alert.town(), alert.kind().name(), text(alert.vehicleId()), text(alert.tripId()),
                        text(alert.driverId()), detail, UtcTimes.param(now), alert.dedupeKey())
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        outbox.append(FleetTopics.ALERT_EVENTS, id.toString(), AlertRaised.TYPE, AlertRaised.of(alert.town(), id,
                alert.kind().name(), alert.vehicleId(), alert.tripId(), alert.driverId(), detail, now));
        return Optional.of(id);
    }

    /** Alerts of the towns the caller may see, newest first; {@code open}: only those nobody acknowledged yet. */
    @Transactional(readOnly = true)
    public List<AlertView> list(Caller caller, String town, AlertKind kind, UUID vehicleId, boolean open, int limit) {
        caller.requireAnyRole(READERS);
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        return jdbc.sql("SELECT * FROM fleet_alert WHERE town_code IN (:towns)"
                        + (kind == null ? "" : " AND kind = :kind")
                        + (vehicleId == null ? "" : " AND vehicle_id = :vehicle")
                        + (open ? " AND acknowledged_at IS NULL" : "")
                        + " ORDER BY raised_at DESC, id LIMIT :limit")
                .param("towns", towns).param("kind", kind == null ? null : kind.name())
                .param("vehicle", text(vehicleId)).param("limit", limit)
                .query((rs, i) -> new AlertView(UUID.fromString(rs.getString("id")), rs.getString("town_code"),
                        AlertKind.valueOf(rs.getString("kind")), uuid(rs.getString("vehicle_id")),
                        uuid(rs.getString("trip_id")), uuid(rs.getString("driver_id")), rs.getString("detail"),
                        UtcTimes.read(rs, "raised_at"), rs.getString("acknowledged_by"),
                        UtcTimes.read(rs, "acknowledged_at"), rs.getString("acknowledgement_note")))
                .list();
    }

    /** 已核查: the office looked at it; a second acknowledgement changes nothing. */
    @Transactional
    public void acknowledge(Caller caller, UUID id, String note) {
        caller.requireAnyRole(READERS);
        List<String> towns = jurisdictions.readScope(caller, null).codes();
        int found = jdbc.sql("SELECT COUNT(*) FROM fleet_alert WHERE id = :id AND town_code IN (:towns)")
                .param("id", id.toString()).param("towns", towns).query(Integer.class).single();
        if (found == 0) {
            throw new NotFoundException("Alert", id);
        }
        jdbc.sql("""
                UPDATE fleet_alert SET acknowledged_by = ?, acknowledged_at = ?, acknowledgement_note = ?
                WHERE id = ? AND acknowledged_at IS NULL""")
                .params(caller.subject(), UtcTimes.param(clock.instant()), note, id.toString()).update();
    }

    /** Everything an alert says. {@code dedupeKey}: see {@link #raise}. */
    public record NewAlert(String town, AlertKind kind, UUID vehicleId, UUID tripId, UUID driverId, String detail,
                           String dedupeKey) {
        public NewAlert {
            if (town == null || kind == null || detail == null) {
                throw new InvalidFieldException("alert", "town, kind and detail are required");
            }
        }
    }

    public record AlertView(UUID id, String town, AlertKind kind, UUID vehicleId, UUID tripId, UUID driverId,
                            String detail, Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt,
                            String acknowledgementNote) {
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
