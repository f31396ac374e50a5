package org.zhenwu.contracts.hotline.v1;

/** Topics published by hotline-service. Key: the work order id. */
public final class HotlineTopics {
    /** Every lifecycle event of a 12345 work order (工单). */
    public static final String WORK_ORDER_EVENTS = "hotline.work-order.v1";

    private HotlineTopics() {
    }
}
