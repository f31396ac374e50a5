package org.zhenwu.servicehall.queue;

/**
 * A ticket's day: issued and waiting, called to a window, served there (or transferred to another queue),
 * done. The one table of allowed moves; {@link Ticket} never changes status any other way.
 */
public enum TicketStatus {
    /** 等候: in its queue, not yet called. */
    WAITING,
    /** 叫号: called to a window; may be called again until the no-show limit. */
    CALLED,
    /** 办理中: the applicant came to the window. */
    SERVING,
    /** 办毕. */
    DONE,
    /** 过号: did not come after the configured number of calls. */
    NO_SHOW,
    /** 取消: the applicant left, or the ticket was issued by mistake. */
    CANCELLED;

    public boolean canMoveTo(TicketStatus next) {
        return switch (this) {
            case WAITING -> next == CALLED || next == CANCELLED;
            case CALLED -> next == SERVING || next == NO_SHOW || next == CANCELLED;
            // a transfer (转窗) puts the ticket back in line, in another queue
            case SERVING -> next == DONE || next == WAITING;
            case DONE, NO_SHOW, CANCELLED -> false;
        };
    }

    /** Held by a window: the window must settle it before it calls the next one. */
    public boolean isAtWindow() {
        return this == CALLED || this == SERVING;
    }
}
