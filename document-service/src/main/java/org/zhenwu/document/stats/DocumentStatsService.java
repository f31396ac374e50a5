package org.zhenwu.document.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;

/**
 * The document lines of the annual summary, for the towns a caller may see: documents received (from the district
 * OA platform among them), issued (per 机关代字), telegrams, petition letters handled, classified documents handled,
 * and the on-time rate of supervision. Counts only: no title appears, whatever its level. Received documents count
 * in the period they were signed in, issued ones when they were distributed, petitions and supervision tasks when
 * they were completed.
 */
@Service
public class DocumentStatsService {
    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    DocumentStatsService(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DocumentStats stats(Caller caller, String town, LocalDate from, LocalDate to) {
        caller.requireAnyRole(Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN);
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new InvalidFieldException("to", "a period is at most five years");
        }
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        Map<String, Object> p = Map.of("towns", towns, "from", start(from), "to", start(to.plusDays(1)),
                "fromDay", from, "toDay", to, "today", LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)));

        Received received = jdbc.sql("""
                SELECT COUNT(*) AS total,
                       COALESCE(SUM(channel = 'DISTRICT_OA'), 0) AS oa,
                       COALESCE(SUM(kind = 'TELEGRAM'), 0) AS telegrams,
                       COALESCE(SUM(kind = 'PETITION'), 0) AS petitions,
                       COALESCE(SUM(secrecy_level <> 'NONE'), 0) AS classified,
                       COALESCE(SUM(status = 'RETURNED'), 0) AS returned
                FROM incoming_document
                WHERE town_code IN (:towns) AND received_at >= :from AND received_at < :to""")
                .params(p).query((rs, i) -> new Received(rs.getLong("total"), rs.getLong("oa"), rs.getLong("telegrams"),
                        rs.getLong("petitions"), rs.getLong("classified"), rs.getLong("returned"))).single();
        long[] petitions = jdbc.sql("""
                SELECT COUNT(*) AS handled,
                       COALESCE(SUM(result_reported_at IS NOT NULL AND DATE(result_reported_at + INTERVAL 8 HOUR) <= deadline), 0) AS on_time
                FROM incoming_document
                WHERE town_code IN (:towns) AND kind = 'PETITION' AND completed_at >= :from AND completed_at < :to""")
                .params(p).query((rs, i) -> new long[] {rs.getLong("handled"), rs.getLong("on_time")}).single();
        Issued issued = jdbc.sql("""
                SELECT COUNT(*) AS total,
                       COALESCE(SUM(kind = 'TELEGRAM'), 0) AS telegrams,
                       COALESCE(SUM(secrecy_level <> 'NONE'), 0) AS classified
                FROM outgoing_document
                WHERE town_code IN (:towns) AND distributed_at >= :from AND distributed_at < :to""")
                .params(p).query((rs, i) -> new Issued(rs.getLong("total"), rs.getLong("telegrams"), rs.getLong("classified")))
                .single();
        Map<String, Long> byIssuer = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT number_code AS k, COUNT(*) AS n FROM outgoing_document
                WHERE town_code IN (:towns) AND distributed_at >= :from AND distributed_at < :to
                GROUP BY number_code ORDER BY n DESC, number_code""")
                .params(p).query((rs, i) -> byIssuer.put(rs.getString("k"), rs.getLong("n"))).list();
        Map<String, Long> byChannel = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT channel AS k, COUNT(*) AS n FROM incoming_document
                WHERE town_code IN (:towns) AND received_at >= :from AND received_at < :to
                GROUP BY channel ORDER BY n DESC, channel""")
                .params(p).query((rs, i) -> byChannel.put(rs.getString("k"), rs.getLong("n"))).list();
        Supervision supervision = jdbc.sql("""
                SELECT COALESCE(SUM(created_at >= :from AND created_at < :to), 0) AS opened,
                       COALESCE(SUM(status = 'COMPLETED' AND completed_on BETWEEN :fromDay AND :toDay), 0) AS completed,
                       COALESCE(SUM(status = 'COMPLETED' AND completed_on BETWEEN :fromDay AND :toDay AND on_time), 0) AS on_time,
                       COALESCE(SUM(status IN ('ASSIGNED', 'IN_PROGRESS', 'SUBMITTED') AND deadline < :today), 0) AS overdue
                FROM supervision_task WHERE town_code IN (:towns)""")
                .params(p).query((rs, i) -> new Supervision(rs.getLong("opened"), rs.getLong("completed"),
                        rs.getLong("on_time"), rs.getLong("overdue"))).single();
        Map<String, Long> supervisionByOrigin = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT origin AS k, COUNT(*) AS n FROM supervision_task
                WHERE town_code IN (:towns) AND created_at >= :from AND created_at < :to GROUP BY origin ORDER BY n DESC, origin""")
                .params(p).query((rs, i) -> supervisionByOrigin.put(rs.getString("k"), rs.getLong("n"))).list();

        return new DocumentStats(towns, from, to, received.total, received.oa, byChannel, received.returned,
                received.telegrams, issued.total, byIssuer, issued.telegrams, received.petitions, petitions[0],
                petitions[1], received.classified + issued.classified, received.classified, issued.classified,
                supervision.opened, supervisionByOrigin, supervision.completed, supervision.onTime,
                rate(supervision.onTime, supervision.completed), supervision.overdue);
    }

    /**
     * The lines of {@link #stats} for one calendar year, month by month (index 0 = January), with the same
     * definitions: received by sign-in time, issued by distribution time, petitions handled by completion time.
     * For the annual summary, which has already scoped {@code towns} to the caller.
     */
    @Transactional(readOnly = true)
    public DocumentMonths monthly(List<String> towns, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        Map<String, Object> p = Map.of("towns", towns, "from", start(from), "to", start(from.plusYears(1)));
        DocumentMonths m = new DocumentMonths(year);
        jdbc.sql("""
                SELECT MONTH(received_at + INTERVAL 8 HOUR) AS m, COUNT(*) AS total,
                       COALESCE(SUM(channel = 'DISTRICT_OA'), 0) AS oa,
                       COALESCE(SUM(kind = 'TELEGRAM'), 0) AS telegrams,
                       COALESCE(SUM(kind = 'PETITION'), 0) AS petitions,
                       COALESCE(SUM(secrecy_level <> 'NONE'), 0) AS classified
                FROM incoming_document
                WHERE town_code IN (:towns) AND received_at >= :from AND received_at < :to GROUP BY m""")
                .params(p).query((rs, i) -> {
                    int k = rs.getInt("m") - 1;
                    m.received[k] = rs.getLong("total");
                    m.receivedFromDistrictOa[k] = rs.getLong("oa");
                    m.telegramsReceived[k] = rs.getLong("telegrams");
                    m.petitionsReceived[k] = rs.getLong("petitions");
                    m.classifiedHandled[k] += rs.getLong("classified");
                    return k;
                }).list();
        jdbc.sql("""
                SELECT MONTH(completed_at + INTERVAL 8 HOUR) AS m, COUNT(*) AS handled FROM incoming_document
                WHERE town_code IN (:towns) AND kind = 'PETITION' AND completed_at >= :from AND completed_at < :to GROUP BY m""")
                .params(p).query((rs, i) -> m.petitionsHandled[rs.getInt("m") - 1] = rs.getLong("handled")).list();
        jdbc.sql("""
                SELECT MONTH(distributed_at + INTERVAL 8 HOUR) AS m, COUNT(*) AS total,
                       COALESCE(SUM(kind = 'TELEGRAM'), 0) AS telegrams,
                       COALESCE(SUM(secrecy_level <> 'NONE'), 0) AS classified
                FROM outgoing_document
                WHERE town_code IN (:towns) AND distributed_at >= :from AND distributed_at < :to GROUP BY m""")
                .params(p).query((rs, i) -> {
                    int k = rs.getInt("m") - 1;
                    m.issued[k] = rs.getLong("total");
                    m.telegramsSent[k] = rs.getLong("telegrams");
                    m.classifiedHandled[k] += rs.getLong("classified");
                    return k;
                }).list();
        jdbc.sql("""
                SELECT number_code AS k, COUNT(*) AS n FROM outgoing_document
                WHERE town_code IN (:towns) AND kind = 'DOCUMENT' AND distributed_at >= :from AND distributed_at < :to
                GROUP BY number_code ORDER BY n DESC, number_code""")
                .params(p).query((rs, i) -> m.documentsByIssuer.put(rs.getString("k"), rs.getLong("n"))).list();
        return m;
    }

    /**
     * One year of document lines, month by month (index 0 = January). {@code issued} counts documents and telegrams,
     * as {@link DocumentStats#issued()} does; {@code documentsByIssuer} the documents (not telegrams) per 机关代字.
     */
    public static final class DocumentMonths {
        public final int year;
        public final long[] received = new long[12];
        public final long[] receivedFromDistrictOa = new long[12];
        public final long[] telegramsReceived = new long[12];
        public final long[] petitionsReceived = new long[12];
        public final long[] petitionsHandled = new long[12];
        public final long[] issued = new long[12];
        public final long[] telegramsSent = new long[12];
        public final long[] classifiedHandled = new long[12];
        public final Map<String, Long> documentsByIssuer = new LinkedHashMap<>();

        DocumentMonths(int year) {
            this.year = year;
        }
    }

    /** Midnight in the offices' time zone, as the UTC instant the columns hold. */
    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private record Received(long total, long oa, long telegrams, long petitions, long classified, long returned) {
    }

    private record Issued(long total, long telegrams, long classified) {
    }

    private record Supervision(long opened, long completed, long onTime, long overdue) {
    }

    /**
     * Percentages have one decimal; null when there is nothing to divide by.
     *
     * @param receivedFromDistrictOa     收文 pushed by the district OA platform
     * @param issuedByIssuer             发文 distributed, per 机关代字
     * @param petitionsHandled           信访件 completed in the period
     * @param petitionsReportedOnTime    … whose result went back by their deadline
     * @param classifiedHandled          classified documents received plus issued
     * @param supervisionOnTimeRate      督办 completed by the deadline / completed, in the period
     * @param supervisionOverdueNow      open tasks past their deadline today
     */
    public record DocumentStats(List<String> towns, LocalDate from, LocalDate to, long received,
                                long receivedFromDistrictOa, Map<String, Long> receivedByChannel, long returnedToSender,
                                long telegramsReceived, long issued, Map<String, Long> issuedByIssuer, long telegramsSent,
                                long petitionsReceived, long petitionsHandled, long petitionsReportedOnTime,
                                long classifiedHandled, long classifiedReceived, long classifiedIssued,
                                long supervisionOpened, Map<String, Long> supervisionByOrigin, long supervisionCompleted,
                                long supervisionCompletedOnTime, BigDecimal supervisionOnTimeRate,
                                long supervisionOverdueNow) {
    }
}
