package org.zhenwu.fleet.driver;

/** Whether a driver can be booked. The one table of allowed moves. */
public enum DriverStatus {
    /** 在岗. */
    ACTIVE,
    /** 暂停派车 (leave, licence points, investigation). */
    SUSPENDED,
    /** 离岗: left the pool for good. */
    RETIRED;

    public boolean canMoveTo(DriverStatus next) {
        return switch (this) {
            case ACTIVE -> next == SUSPENDED || next == RETIRED;
            case SUSPENDED -> next == ACTIVE || next == RETIRED;
            case RETIRED -> false;
        };
    }
}
