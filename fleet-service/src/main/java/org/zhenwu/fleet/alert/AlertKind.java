package org.zhenwu.fleet.alert;

/** What an alert is about (DOMAIN §4 and the list). */
public enum AlertKind {
    /** A refuel of more litres than the vehicle's tank holds. */
    OVER_TANK,
    /** Litres per 100 km between two refuels far from the vehicle's norm. */
    CONSUMPTION_OFF_NORM,
    /** A meter reading below an earlier one. */
    ODOMETER_BACKWARDS,
    /** More kilometres on the meter at departure than the last reading plus any trip explains. */
    ODOMETER_JUMP,
    /** Use on a sealed holiday (节假日) without a leader's special approval. */
    HOLIDAY_USE_WITHOUT_APPROVAL,
    /** A refuel with no trip since the vehicle's last refuel. */
    REFUEL_WITHOUT_TRIP,
    /** A driver's licence expires soon or has expired. */
    LICENCE_EXPIRING,
    /** A vehicle's insurance ends soon with no following policy. */
    INSURANCE_EXPIRING
}
