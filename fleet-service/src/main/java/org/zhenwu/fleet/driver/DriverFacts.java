package org.zhenwu.fleet.driver;

import java.time.LocalDate;
import java.util.UUID;

/** What trips need to know about a driver, without the aggregate. */
public record DriverFacts(UUID id, String town, String name, DriverStatus status, LicenceClass licenceClass,
                          LocalDate licenceExpiresOn) {
}
