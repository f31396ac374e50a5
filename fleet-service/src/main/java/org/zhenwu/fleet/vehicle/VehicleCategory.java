package org.zhenwu.fleet.vehicle;

/** How the office holds the vehicle. */
public enum VehicleCategory {
    RESERVED /* 保留: kept by the unit */,
    PLATFORM /* 平台: in the shared official-vehicle platform */,
    LEASED /* 租赁: rented from a designated company */
}
