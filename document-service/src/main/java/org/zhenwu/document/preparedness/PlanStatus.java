package org.zhenwu.document.preparedness;

/** An emergency plan is in force until it is retired (废止); reviews and revisions happen while it is in force. */
public enum PlanStatus {
    /** 现行 */
    ACTIVE,
    /** 废止 */
    RETIRED;

    public boolean canMoveTo(PlanStatus next) {
        return this == ACTIVE && next == RETIRED;
    }
}
