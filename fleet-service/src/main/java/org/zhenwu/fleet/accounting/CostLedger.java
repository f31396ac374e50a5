package org.zhenwu.fleet.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhenwu.fleet.platform.UtcTimes;
import org.zhenwu.platform.calendar.WorkingDayCalendar;

/**
 * Reads the costs of a period straight from the service's own tables (a read model in SQL, as the hotline figures
 * are): trips by departure, refuels by time, approved repairs by repair day, premiums by the policy's first day, all
 * on Beijing dates. Grouped by vehicle, by month or not at all.
 */
@Component
class CostLedger {
    /** How rows are grouped. The expressions are this class's own SQL, never input. */
    enum By {
        VEHICLE("vehicle_id", "vehicle_id", "vehicle_id", "vehicle_id"),
        MONTH("DATE_FORMAT(departed_at + INTERVAL 8 HOUR, '%Y-%m')", "DATE_FORMAT(refuelled_at + INTERVAL 8 HOUR, '%Y-%m')",
                "DATE_FORMAT(repaired_on, '%Y-%m')", "DATE_FORMAT(starts_on, '%Y-%m')"),
        ALL("'all'", "'all'", "'all'", "'all'");

        final String trip;
        final String refuel;
        final String repair;
        final String insurance;

        By(String trip, String refuel, String repair, String insurance) {
            this.trip = trip;
            this.refuel = refuel;
            this.repair = repair;
            this.insurance = insurance;
        }
    }

    private final JdbcClient jdbc;

    CostLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param vehicleId null for every vehicle of the towns
     * @return costs per group key (a vehicle id, a month {@code 2019-03}, or {@code all}), in key order
     */
    Map<String, Costs> costs(List<String> towns, String vehicleId, LocalDate from, LocalDate to, By by) {
        Map<String, Costs> result = new TreeMap<>();
        String vehicle = vehicleId == null ? "" : " AND vehicle_id = :vehicle";
        query("SELECT " + by.trip + " AS k, COUNT(*) AS n, SUM(return_odometer_km - departure_odometer_km) AS km,"
                + " SUM(tolls_yuan + parking_yuan) AS tolls, SUM(cost_yuan) AS cost FROM trip"
                + " WHERE town_code IN (:towns) AND status = 'COMPLETED' AND departed_at >= :fromTime AND departed_at < :toTime"
                + vehicle + " GROUP BY k", towns, vehicleId, from, to)
                .query((rs, i) -> {
                    long n = rs.getLong("n");
                    long km = rs.getLong("km");
                    BigDecimal tolls = rs.getBigDecimal("tolls");
                    BigDecimal cost = rs.getBigDecimal("cost");
                    return merge(result, rs.getString("k"), c -> c.withTrips(n, km, tolls, cost));
                }).list();
        query("SELECT " + by.refuel + " AS k, SUM(litres) AS litres, SUM(amount_yuan) AS yuan FROM refuel"
                + " WHERE town_code IN (:towns) AND refuelled_at >= :fromTime AND refuelled_at < :toTime" + vehicle
                + " GROUP BY k", towns, vehicleId, from, to)
                .query((rs, i) -> {
                    BigDecimal litres = rs.getBigDecimal("litres");
                    BigDecimal yuan = rs.getBigDecimal("yuan");
                    return merge(result, rs.getString("k"), c -> c.withFuel(litres, yuan));
                }).list();
        query("SELECT " + by.repair + " AS k, SUM(amount_yuan) AS yuan FROM repair WHERE town_code IN (:towns)"
                + " AND status = 'APPROVED' AND repaired_on BETWEEN :fromDay AND :toDay" + vehicle + " GROUP BY k",
                towns, vehicleId, from, to)
                .query((rs, i) -> {
                    BigDecimal yuan = rs.getBigDecimal("yuan");
                    return merge(result, rs.getString("k"), c -> c.withRepairs(yuan));
                }).list();
        query("SELECT " + by.insurance + " AS k, SUM(premium_yuan) AS yuan FROM insurance_policy WHERE town_code IN (:towns)"
                + " AND starts_on BETWEEN :fromDay AND :toDay" + vehicle + " GROUP BY k", towns, vehicleId, from, to)
                .query((rs, i) -> {
                    BigDecimal yuan = rs.getBigDecimal("yuan");
                    return merge(result, rs.getString("k"), c -> c.withInsurance(yuan));
                }).list();
        return result;
    }

    /** The whole of the towns' costs in the period. */
    Costs total(List<String> towns, LocalDate from, LocalDate to) {
        return costs(towns, null, from, to, By.ALL).getOrDefault("all", Costs.NONE);
    }

    private JdbcClient.StatementSpec query(String sql, List<String> towns, String vehicleId, LocalDate from, LocalDate to) {
        return jdbc.sql(sql).param("towns", towns).param("vehicle", vehicleId)
                .param("fromTime", UtcTimes.param(from.atStartOfDay(WorkingDayCalendar.ZONE).toInstant()))
                .param("toTime", UtcTimes.param(to.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant()))
                .param("fromDay", from).param("toDay", to);
    }

    private static Costs merge(Map<String, Costs> into, String key, UnaryOperator<Costs> change) {
        Costs updated = change.apply(into.getOrDefault(key, Costs.NONE));
        into.put(key, normalized(updated));
        return updated;
    }

    private static Costs normalized(Costs c) {
        return new Costs(c.trips(), c.km(), zero(c.fuelLitres()), zero(c.fuelYuan()), zero(c.repairYuan()),
                zero(c.insuranceYuan()), zero(c.tollsYuan()), zero(c.tripCostYuan()));
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
