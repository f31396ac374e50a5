package org.zhenwu.document.legal;

/** Where a legality review (规范性文件法制审核) stands: submitted, taken on by a reviewer, concluded. */
public enum LegalityStatus {
    SUBMITTED, IN_REVIEW, CONCLUDED;

    public boolean canMoveTo(LegalityStatus next) {
        return switch (this) {
            case SUBMITTED -> next == IN_REVIEW;
            case IN_REVIEW -> next == CONCLUDED;
            case CONCLUDED -> false;
        };
    }
}
