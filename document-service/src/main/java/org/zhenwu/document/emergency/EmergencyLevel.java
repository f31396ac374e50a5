package org.zhenwu.document.emergency;

/** 事件等级 under the national emergency plans' four grades. */
public enum EmergencyLevel {
    /** 一般 (IV) */
    GENERAL,
    /** 较大 (III) */
    LARGER,
    /** 重大 (II) */
    MAJOR,
    /** 特别重大 (I) */
    ESPECIALLY_MAJOR
}
