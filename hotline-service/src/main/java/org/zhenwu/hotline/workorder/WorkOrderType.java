package org.zhenwu.hotline.workorder;

/** 工单类型. */
public enum WorkOrderType {
    CONSULTATION /* 咨询 */, HELP /* 求助 */, COMPLAINT /* 投诉 */, REPORT /* 举报 */, SUGGESTION /* 建议 */, PRAISE /* 表扬 */
}
