package org.zhenwu.document.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of the office's annual work summary (年度工作总结) for a town or the district and a year.
 *
 * @param town                     the town, or null when the report adds up several (the district)
 * @param towns                    the towns the figures add up
 * @param hotlineWorkOrders        kept from the first version of this report: {@code figures["hotline.workOrders"]}
 * @param hotlineWorkOrdersByMonth kept likewise, January first
 * @param figures                  every figure in the order of the summary, recorded or not
 * @param hallRanking              the district's towns by 受理量 (the whole ranking; {@code hallRank} is the town's place)
 * @param notYetRecorded           keys of the figures no service records yet (issue #6): value null, never 0
 */
public record AnnualReport(String town, String townName, List<String> towns, int year, long hotlineWorkOrders,
                           List<Integer> hotlineWorkOrdersByMonth, List<Figure> figures, Rank hallRank,
                           List<RankedTown> hallRanking, List<String> notYetRecorded) {

    public Optional<Figure> figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Whether a figure comes from data or is still to be recorded by the office (issue #6). */
    public enum Status {
        RECORDED, NOT_YET_RECORDED
    }

    /**
     * One figure of the summary. Counts are whole numbers, rates percentages with one decimal, money yuan with two.
     *
     * @param value               null when {@code status} is NOT_YET_RECORDED, or a rate with nothing to divide by
     * @param changePercent       (value − previousYear) / previousYear, one decimal; null for rates and when last year had none
     * @param byMonth             January … December of the year (empty when not recorded)
     * @param previousYearByMonth the same months a year earlier
     * @param breakdown           by issuer code, department, type or class, largest first (may be empty)
     * @param source              where the figure comes from (service and event, or this service's table)
     * @param definition          what is counted and when, matching the owning service's own figure
     */
    public record Figure(String key, String section, String label, String unit, Status status, BigDecimal value,
                         BigDecimal previousYear, BigDecimal changePercent, List<BigDecimal> byMonth,
                         List<BigDecimal> previousYearByMonth, Map<String, BigDecimal> breakdown, String source,
                         String definition) {
        public boolean recorded() {
            return status == Status.RECORDED;
        }
    }

    /** The town's place by 受理量 among the district's towns. */
    public record Rank(int rank, int of) {
    }

    public record RankedTown(int rank, String town, String name, long accepted, long completed, BigDecimal completionRate) {
    }
}
