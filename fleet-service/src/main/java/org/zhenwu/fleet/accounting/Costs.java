package org.zhenwu.fleet.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One vehicle's (or a period's, or a town's) running costs: fuel bought + approved repairs + insurance premiums +
 * tolls and parking of its trips, against the kilometres of its settled trips. Yuan with two decimals.
 *
 * @param trips        settled trips that left in the period
 * @param km           their kilometres
 * @param tripCostYuan what those trips were costed at (fuel at the trip price, tolls, parking, other)
 */
public record Costs(long trips, long km, BigDecimal fuelLitres, BigDecimal fuelYuan, BigDecimal repairYuan,
                    BigDecimal insuranceYuan, BigDecimal tollsYuan, BigDecimal tripCostYuan) {
    static final Costs NONE = new Costs(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO);

    /** 单车总成本: fuel + repair + insurance + tolls and parking. */
    public BigDecimal totalYuan() {
        return fuelYuan.add(repairYuan).add(insuranceYuan).add(tollsYuan).setScale(2, RoundingMode.HALF_UP);
    }

    /** 每公里成本; null without kilometres. */
    public BigDecimal yuanPerKm() {
        return km == 0 ? null : totalYuan().divide(BigDecimal.valueOf(km), 2, RoundingMode.HALF_UP);
    }

    /** Litres bought per 100 km driven; null without kilometres. */
    public BigDecimal litresPer100Km() {
        return km == 0 ? null : fuelLitres.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(km), 2, RoundingMode.HALF_UP);
    }

    boolean isEmpty() {
        return trips == 0 && totalYuan().signum() == 0 && fuelLitres.signum() == 0;
    }

    Costs plus(Costs o) {
        return new Costs(trips + o.trips, km + o.km, fuelLitres.add(o.fuelLitres), fuelYuan.add(o.fuelYuan),
                repairYuan.add(o.repairYuan), insuranceYuan.add(o.insuranceYuan), tollsYuan.add(o.tollsYuan),
                tripCostYuan.add(o.tripCostYuan));
    }

    Costs withTrips(long trips, long km, BigDecimal tolls, BigDecimal tripCost) {
        return new Costs(trips, km, fuelLitres, fuelYuan, repairYuan, insuranceYuan, tolls, tripCost);
    }

    Costs withFuel(BigDecimal litres, BigDecimal yuan) {
        return new Costs(trips, km, litres, yuan, repairYuan, insuranceYuan, tollsYuan, tripCostYuan);
    }

    Costs withRepairs(BigDecimal yuan) {
        return new Costs(trips, km, fuelLitres, fuelYuan, yuan, insuranceYuan, tollsYuan, tripCostYuan);
    }

    Costs withInsurance(BigDecimal yuan) {
        return new Costs(trips, km, fuelLitres, fuelYuan, repairYuan, yuan, tollsYuan, tripCostYuan);
    }

    /** Percent change from {@code before} to {@code now}, one decimal; null when there was nothing before. */
    static BigDecimal changePercent(BigDecimal now, BigDecimal before) {
        return before.signum() == 0 ? null
                : now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    }
}
