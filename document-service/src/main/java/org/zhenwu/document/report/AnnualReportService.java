package org.zhenwu.document.report;

import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.inbox.Inbox;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;

/** The office's annual work summary (年度工作总结): figures computed from the services' events. */
@Service
public class AnnualReportService {
    static final String CONSUMER = "document-service.report";

    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final Jurisdictions jurisdictions;

    AnnualReportService(JdbcClient jdbc, Inbox inbox, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.jurisdictions = jurisdictions;
    }

    /** Each work order is counted once, in the month it was accepted (offices' local time). */
    @Transactional
    public void onWorkOrderCreated(WorkOrderCreated event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        ZonedDateTime at = event.occurredAt().atZone(WorkingDayCalendar.ZONE);
        jdbc.sql("""
                INSERT INTO hotline_month (town_code, year, month, work_orders) VALUES (?, ?, ?, 1)
                ON DUPLICATE KEY UPDATE work_orders = work_orders + 1""")
                .params(event.jurisdiction(), at.getYear(), at.getMonthValue()).update();
    }

    @Transactional(readOnly = true)
    AnnualReport annual(Caller caller, String town, int year) {
        var scope = jurisdictions.readScope(caller, town);
        int[] byMonth = new int[12];
        jdbc.sql("""
                SELECT month, SUM(work_orders) AS n FROM hotline_month
                WHERE town_code IN (:towns) AND year = :year GROUP BY month""")
                .param("towns", scope.codes()).param("year", year)
                .query((rs, i) -> byMonth[rs.getInt("month") - 1] = rs.getInt("n")).list();
        long total = 0;
        for (int n : byMonth) {
            total += n;
        }
        return new AnnualReport(scope.codes().size() == 1 ? scope.codes().get(0) : null, scope.codes(), year, total,
                java.util.Arrays.stream(byMonth).boxed().toList());
    }

    /**
     * @param town  the town, or null when the report covers several (the district)
     * @param towns the towns the figures add up
     */
    record AnnualReport(String town, List<String> towns, int year, long hotlineWorkOrders,
                        List<Integer> hotlineWorkOrdersByMonth) {
    }
}
