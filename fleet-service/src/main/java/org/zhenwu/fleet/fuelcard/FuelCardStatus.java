package org.zhenwu.fleet.fuelcard;

/** A fuel card (加油卡) is usable until it is cancelled (lost, vehicle disposed of, contract ended). */
public enum FuelCardStatus {
    ACTIVE,
    CANCELLED;

    public boolean canMoveTo(FuelCardStatus next) {
        return this == ACTIVE && next == CANCELLED;
    }
}
