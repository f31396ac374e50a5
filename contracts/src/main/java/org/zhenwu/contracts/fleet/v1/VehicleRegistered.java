package org.zhenwu.contracts.fleet.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * An official vehicle was entered in a town's register and is available. Topic
 * {@value FleetTopics#VEHICLE_EVENTS}, key vehicleId. Evolve additively only (new nullable fields);
 * anything else is a new v2 type.
 *
 * @param plate            the plate in compact form, without separator (粤X12345, 粤XD12345)
 * @param vehicleClass     CONFIDENTIAL_COMMUNICATION 机要通信, EMERGENCY_SUPPORT 应急保障, LAW_ENFORCEMENT 执法执勤,
 *                         SPECIALIZED_TECHNICAL 特种专业技术, GENERAL_OFFICIAL 一般公务
 * @param category         RESERVED 保留, PLATFORM 平台, LEASED 租赁
 * @param marked           true when the vehicle carries the official livery (标识化), false when exempt
 * @param tankLitres       0 for a pure-electric vehicle
 * @param fuelPer100kmNorm the vehicle's fuel norm in litres per 100 km; 0 for a pure-electric vehicle
 * @param odometerKm       the odometer reading at registration
 */
public record VehicleRegistered(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                UUID vehicleId, String plate, String vehicleClass, String category, boolean marked,
                                BigDecimal tankLitres, BigDecimal fuelPer100kmNorm, long odometerKm)
        implements IntegrationEvent {
    public static final String TYPE = "fleet.VehicleRegistered";

    public VehicleRegistered {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(plate, "plate");
    }

    public static VehicleRegistered of(String jurisdiction, UUID vehicleId, String plate, String vehicleClass,
                                       String category, boolean marked, BigDecimal tankLitres,
                                       BigDecimal fuelPer100kmNorm, long odometerKm, Instant at) {
        return new VehicleRegistered(UUID.randomUUID(), 1, at, jurisdiction, vehicleId, plate, vehicleClass, category,
                marked, tankLitres, fuelPer100kmNorm, odometerKm);
    }
}
