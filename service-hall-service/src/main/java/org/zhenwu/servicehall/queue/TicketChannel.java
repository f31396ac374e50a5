package org.zhenwu.servicehall.queue;

/** Where a ticket was taken. */
public enum TicketChannel {
    /** 取号机 in the hall. */
    MACHINE,
    /** 导办台: a guide issued it. */
    GUIDE,
    /** 网上/掌上预约取号. */
    ONLINE,
    /** 市民之窗 at a village or site (names the kiosk). */
    KIOSK
}
