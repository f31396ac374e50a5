package org.zhenwu.fleet.upkeep;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Local practice for refuels, repairs and insurance (DOMAIN §4 sets no numbers; these are the defaults).
 *
 * @param consumptionTolerancePercent litres per 100 km between two refuels further than this from the vehicle's
 *                                    norm raise CONSUMPTION_OFF_NORM
 * @param consumptionMinKm            below this distance between two refuels the consumption is not judged (a top-up)
 * @param repairApprovalYuan          repairs above this amount wait for a leader's approval
 * @param expiryWarningDays           licences and insurance ending within this many days raise an alert
 */
@ConfigurationProperties("zhenwu.fleet.upkeep")
record UpkeepProperties(@DefaultValue("25") int consumptionTolerancePercent,
                        @DefaultValue("50") long consumptionMinKm,
                        @DefaultValue("5000") BigDecimal repairApprovalYuan,
                        @DefaultValue("30") int expiryWarningDays) {
}
