package org.zhenwu.fleet.trip;

/**
 * 用车申请 → 审批 → 派车 → 出车 → 回车 → 结算, with 驳回, 取消 and 变更. The one table of allowed moves;
 * {@link Trip} never changes status any other way.
 */
public enum TripStatus {
    /** 申请: waits for the office's approval. */
    REQUESTED,
    /** 审批通过: waits for a vehicle and a driver. */
    APPROVED,
    /** 驳回 with a reason: final. */
    REJECTED,
    /** 派车: a vehicle and a driver are booked for the planned window. */
    DISPATCHED,
    /** 出车: on the road, with the departure odometer. */
    DEPARTED,
    /** 回车: back, with the return odometer, route, fuel and tolls; waits for the cost to be settled. */
    RETURNED,
    /** 结算: the cost is settled; the trip is in the published log. Final. */
    COMPLETED,
    /** 取消 with a reason: final. */
    CANCELLED;

    public boolean canMoveTo(TripStatus next) {
        return switch (this) {
            // a change (变更) sends the trip back to REQUESTED for a new approval, from any state before departure
            case REQUESTED -> next == REQUESTED || next == APPROVED || next == REJECTED || next == CANCELLED;
            case APPROVED -> next == REQUESTED || next == DISPATCHED || next == CANCELLED;
            // DISPATCHED → DISPATCHED is 改派: another vehicle or driver for the same approved trip
            case DISPATCHED -> next == REQUESTED || next == DISPATCHED || next == DEPARTED || next == CANCELLED;
            case DEPARTED -> next == RETURNED;
            case RETURNED -> next == COMPLETED;
            case REJECTED, COMPLETED, CANCELLED -> false;
        };
    }

    /** The trip holds its vehicle and driver for its planned window. */
    public boolean holdsBooking() {
        return this == DISPATCHED || this == DEPARTED;
    }
}
