package org.zhenwu.fleet.vehicle;

import java.math.BigDecimal;
import java.util.UUID;

/** What trips and upkeep records need to know about a vehicle, without the aggregate. */
public record VehicleFacts(UUID id, String town, String plate, VehicleClass vehicleClass, VehicleStatus status,
                           Integer seats, BigDecimal tankLitres, BigDecimal fuelPer100kmNorm, long odometerKm) {
    public boolean isElectric() {
        return tankLitres.signum() == 0;
    }
}
