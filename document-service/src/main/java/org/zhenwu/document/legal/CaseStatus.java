package org.zhenwu.document.legal;

/**
 * Where a case stands: registered (立案/应诉登记), in progress (hearings), judged (判决/裁决/复议决定), appealed (上诉,
 * back in progress at the next instance), closed (结案) with an outcome.
 */
public enum CaseStatus {
    REGISTERED, IN_PROGRESS, JUDGED, APPEALED, CLOSED;

    public boolean canMoveTo(CaseStatus next) {
        return switch (this) {
            case REGISTERED -> next == IN_PROGRESS || next == CLOSED;
            case IN_PROGRESS -> next == JUDGED || next == CLOSED;
            case JUDGED -> next == APPEALED || next == CLOSED;
            case APPEALED -> next == IN_PROGRESS || next == CLOSED;
            case CLOSED -> false;
        };
    }
}
