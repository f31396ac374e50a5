package org.zhenwu.fleet.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.fleet.platform.UtcTimes;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * 单车核算 and the vehicle lines of the annual summary ("strict control of vehicle costs"): each vehicle's fuel,
 * repairs, insurance and tolls, per km, per month and year, against the same period a year earlier; the town's
 * trips, kilometres and total cost with its monthly trend. Everyone of the town reads them; district roles all towns.
 */
@Service
public class AccountingService {
    private final CostLedger ledger;
    private final Jurisdictions jurisdictions;
    private final JdbcClient jdbc;

    AccountingService(CostLedger ledger, Jurisdictions jurisdictions, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jurisdictions = jurisdictions;
        this.jdbc = jdbc;
    }

    /** Every vehicle of the towns in service, or with costs in the period, with its costs and last year's total. */
    @Transactional(readOnly = true)
    public Accounts accounts(Caller caller, String town, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        Map<String, Costs> now = ledger.costs(towns, null, from, to, CostLedger.By.VEHICLE);
        Map<String, Costs> before = ledger.costs(towns, null, from.minusYears(1), to.minusYears(1), CostLedger.By.VEHICLE);
        List<VehicleAccount> lines = new ArrayList<>();
        Costs total = Costs.NONE;
        BigDecimal previousTotal = BigDecimal.ZERO;
        for (VehicleRow v : vehicles(towns, null)) {
            Costs c = now.getOrDefault(v.id(), Costs.NONE);
            Costs p = before.getOrDefault(v.id(), Costs.NONE);
            if (v.disposed() && c.isEmpty()) {
                continue;
            }
            lines.add(new VehicleAccount(UUID.fromString(v.id()), v.town(), v.plate(), v.vehicleClass(), v.category(),
                    c, c.totalYuan(), c.yuanPerKm(), c.litresPer100Km(), p.totalYuan(),
                    Costs.changePercent(c.totalYuan(), p.totalYuan())));
            total = total.plus(c);
            previousTotal = previousTotal.add(p.totalYuan());
        }
        return new Accounts(towns, from, to, lines, total, total.totalYuan(), total.yuanPerKm(), previousTotal,
                Costs.changePercent(total.totalYuan(), previousTotal));
    }

    /** One vehicle's year month by month, with the year's total against the year before. */
    @Transactional(readOnly = true)
    public VehicleYear vehicleYear(Caller caller, UUID vehicleId, int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidFieldException("year", "must be between 2000 and 2100");
        }
        List<String> towns = jurisdictions.readScope(caller, null).codes();
        VehicleRow v = vehicles(towns, vehicleId.toString()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Vehicle", vehicleId));
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Map<String, Costs> byMonth = ledger.costs(List.of(v.town()), v.id(), first, last, CostLedger.By.MONTH);
        List<MonthLine> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            Costs c = byMonth.getOrDefault(YearMonth.of(year, m).toString(), Costs.NONE);
            months.add(new MonthLine(YearMonth.of(year, m).toString(), c, c.totalYuan(), c.yuanPerKm()));
        }
        Costs yearCosts = ledger.costs(List.of(v.town()), v.id(), first, last, CostLedger.By.ALL).getOrDefault("all", Costs.NONE);
        Costs previous = ledger.costs(List.of(v.town()), v.id(), first.minusYears(1), last.minusYears(1), CostLedger.By.ALL)
                .getOrDefault("all", Costs.NONE);
        return new VehicleYear(vehicleId, v.plate(), v.vehicleClass(), year, months, yearCosts, yearCosts.totalYuan(),
                yearCosts.yuanPerKm(), previous.totalYuan(), Costs.changePercent(yearCosts.totalYuan(), previous.totalYuan()));
    }

    /** The towns' vehicle figures for a period, against the same period a year earlier, with the monthly trend. */
    @Transactional(readOnly = true)
    public FleetStats stats(Caller caller, String town, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        Costs now = ledger.total(towns, from, to);
        Costs before = ledger.total(towns, from.minusYears(1), to.minusYears(1));
        Map<String, Costs> months = ledger.costs(towns, null, from, to, CostLedger.By.MONTH);
        List<MonthLine> trend = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            Costs c = months.getOrDefault(m.toString(), Costs.NONE);
            trend.add(new MonthLine(m.toString(), c, c.totalYuan(), c.yuanPerKm()));
        }
        Map<String, Long> tripsByClass = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT v.vehicle_class AS k, COUNT(*) AS n FROM trip t JOIN vehicle v ON v.id = t.vehicle_id
                WHERE t.town_code IN (:towns) AND t.status = 'COMPLETED' AND t.departed_at >= :from AND t.departed_at < :to
                GROUP BY k ORDER BY n DESC, k""")
                .param("towns", towns).param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, i) -> tripsByClass.put(rs.getString("k"), rs.getLong("n"))).list();
        long holidayTrips = jdbc.sql("""
                SELECT COUNT(*) FROM trip WHERE town_code IN (:towns) AND status = 'COMPLETED' AND holiday_use = TRUE
                AND departed_at >= :from AND departed_at < :to""")
                .param("towns", towns).param("from", start(from)).param("to", start(to.plusDays(1))).query(Long.class).single();
        Map<String, Long> alertsByKind = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT kind AS k, COUNT(*) AS n FROM fleet_alert WHERE town_code IN (:towns) AND raised_at >= :from
                AND raised_at < :to GROUP BY k ORDER BY n DESC, k""")
                .param("towns", towns).param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, i) -> alertsByKind.put(rs.getString("k"), rs.getLong("n"))).list();
        long vehiclesInService = jdbc.sql("SELECT COUNT(*) FROM vehicle WHERE town_code IN (:towns) AND status <> 'DISPOSED'")
                .param("towns", towns).query(Long.class).single();
        return new FleetStats(towns, from, to, vehiclesInService, now.trips(), before.trips(),
                Costs.changePercent(BigDecimal.valueOf(now.trips()), BigDecimal.valueOf(before.trips())), now.km(),
                before.km(), Costs.changePercent(BigDecimal.valueOf(now.km()), BigDecimal.valueOf(before.km())),
                now.tripCostYuan(), now, now.totalYuan(), before.totalYuan(),
                Costs.changePercent(now.totalYuan(), before.totalYuan()), now.yuanPerKm(), holidayTrips, tripsByClass,
                alertsByKind, trend);
    }

    private List<VehicleRow> vehicles(List<String> towns, String vehicleId) {
        return jdbc.sql("SELECT id, town_code, plate, vehicle_class, category, status FROM vehicle WHERE town_code IN (:towns)"
                        + (vehicleId == null ? "" : " AND id = :id") + " ORDER BY town_code, plate")
                .param("towns", towns).param("id", vehicleId)
                .query((rs, i) -> new VehicleRow(rs.getString("id"), rs.getString("town_code"), rs.getString("plate"),
                        rs.getString("vehicle_class"), rs.getString("category"), "DISPOSED".equals(rs.getString("status"))))
                .list();
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new InvalidFieldException("to", "a period is at most five years");
        }
    }

    private static LocalDateTime start(LocalDate day) {
        return UtcTimes.param(day.atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
    }

    private record VehicleRow(String id, String town, String plate, String vehicleClass, String category, boolean disposed) {
    }

    /** 单车核算 of one vehicle for the period, and its total a year earlier. */
    public record VehicleAccount(UUID vehicleId, String town, String plate, String vehicleClass, String category,
                                 Costs costs, BigDecimal totalYuan, BigDecimal yuanPerKm, BigDecimal litresPer100Km,
                                 BigDecimal previousYearTotalYuan, BigDecimal changePercent) {
    }

    public record Accounts(List<String> towns, LocalDate from, LocalDate to, List<VehicleAccount> vehicles, Costs total,
                           BigDecimal totalYuan, BigDecimal yuanPerKm, BigDecimal previousYearTotalYuan,
                           BigDecimal changePercent) {
    }

    public record MonthLine(String month, Costs costs, BigDecimal totalYuan, BigDecimal yuanPerKm) {
    }

    public record VehicleYear(UUID vehicleId, String plate, String vehicleClass, int year, List<MonthLine> months,
                              Costs total, BigDecimal totalYuan, BigDecimal yuanPerKm, BigDecimal previousYearTotalYuan,
                              BigDecimal changePercent) {
    }

    /**
     * Percent changes have one decimal and are null when the year before had nothing.
     *
     * @param tripCostYuan    what the period's settled trips were costed at
     * @param costs           the running costs of all the towns' vehicles in the period
     * @param totalCostYuan   fuel + repairs + insurance + tolls and parking
     * @param holidayTrips    settled trips that touched a sealed holiday
     * @param monthlyTrend    the total cost month by month (the office's cost trend)
     */
    public record FleetStats(List<String> towns, LocalDate from, LocalDate to, long vehiclesInService, long trips,
                             long previousYearTrips, BigDecimal tripsChangePercent, long km, long previousYearKm,
                             BigDecimal kmChangePercent, BigDecimal tripCostYuan, Costs costs, BigDecimal totalCostYuan,
                             BigDecimal previousYearTotalCostYuan, BigDecimal costChangePercent, BigDecimal yuanPerKm,
                             long holidayTrips, Map<String, Long> tripsByVehicleClass, Map<String, Long> alertsByKind,
                             List<MonthLine> monthlyTrend) {
    }
}
