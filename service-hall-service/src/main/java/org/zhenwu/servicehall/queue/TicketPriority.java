package org.zhenwu.servicehall.queue;

/** Who is called first within a queue; the rank is the sort key of the call. */
public enum TicketPriority {
    /** 绿色通道: the elderly, the disabled, … (needs a {@link GreenChannelReason}). */
    GREEN_CHANNEL,
    /** 预约: booked in advance (needs an appointment reference). */
    APPOINTMENT,
    NORMAL;

    int rank() {
        return ordinal();
    }
}
