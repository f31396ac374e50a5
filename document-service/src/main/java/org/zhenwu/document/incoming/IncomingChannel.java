package org.zhenwu.document.incoming;

/** How a document reached the office. */
public enum IncomingChannel {
    /** the district's OA platform (区OA), pushed through the intake endpoint; never classified */
    DISTRICT_OA,
    /** paper delivered or collected */
    PAPER,
    /** 机要交换 / 机要通信: the only way classified documents travel */
    CONFIDENTIAL_EXCHANGE,
    /** 明传电报 line */
    TELEGRAPH,
    FAX,
    EMAIL,
    /** forwarded by an upper body (信访件 转送/交办) */
    FORWARDED
}
