package org.zhenwu.servicehall.matter;

/**
 * A catalogue entry's life: drafted, published to applicants, suspended and resumed, withdrawn for good.
 * The one table of allowed moves; {@link Matter} never changes status any other way.
 */
public enum MatterStatus {
    /** Being prepared; applicants don't see it. */
    DRAFT,
    /** Offered to applicants on its channels. */
    PUBLISHED,
    /** 暂停: temporarily not offered (a system outage, a pending policy change); may be resumed. */
    SUSPENDED,
    /** 取消: no longer offered, for good. */
    WITHDRAWN;

    public boolean canMoveTo(MatterStatus next) {
        return switch (this) {
            case DRAFT -> next == PUBLISHED;
            case PUBLISHED -> next == SUSPENDED || next == WITHDRAWN;
            // a suspended matter that is abolished must not be offered again on its way out
            case SUSPENDED -> next == PUBLISHED || next == WITHDRAWN;
            case WITHDRAWN -> false;
        };
    }
}
