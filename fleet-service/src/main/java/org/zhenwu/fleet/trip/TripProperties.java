package org.zhenwu.fleet.trip;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Local practice for trips (DOMAIN §4 sets no numbers; these are the defaults).
 *
 * @param fuelPricePerLitre the price a trip's fuel is costed at when settling does not name one, yuan per litre
 * @param sealedDays        which days need a leader's special approval: STATUTORY_HOLIDAYS or REST_DAYS
 * @param maxWindow         the longest planned window of one trip
 * @param odometerJumpKm    more unrecorded kilometres than this between the register's reading and a departure
 *                          raise an ODOMETER_JUMP alert (driving without a trip)
 */
@ConfigurationProperties("zhenwu.fleet.trips")
record TripProperties(@DefaultValue("7.50") BigDecimal fuelPricePerLitre,
                      @DefaultValue("STATUTORY_HOLIDAYS") SealedDays.Mode sealedDays,
                      @DefaultValue("30d") Duration maxWindow,
                      @DefaultValue("50") long odometerJumpKm) {
}
