package org.zhenwu.fleet.vehicle;

/**
 * Whether a vehicle can be booked. The one table of allowed moves; {@link Vehicle} never changes status
 * any other way. AVAILABLE is reached from two places, so {@link Vehicle} also checks which act leads back.
 */
public enum VehicleStatus {
    /** Can be booked for trips. */
    AVAILABLE,
    /** 送修: at a designated repair shop. */
    IN_REPAIR,
    /** 封存: laid up and sealed (excess vehicles pending reform, long holidays); not to be driven. */
    SEALED,
    /** 处置: auctioned, scrapped or transferred; gone from the fleet for good. */
    DISPOSED;

    public boolean canMoveTo(VehicleStatus next) {
        return switch (this) {
            case AVAILABLE -> next == IN_REPAIR || next == SEALED || next == DISPOSED;
            case IN_REPAIR, SEALED -> next == AVAILABLE || next == DISPOSED;
            case DISPOSED -> false;
        };
    }
}
