package org.zhenwu.congress.suggestion;

/** How the lead unit classifies its reply (办理结果分类). */
public enum ReplyCategory {
    /** 已解决或基本解决. */
    A,
    /** 正在解决或列入计划逐步解决. */
    B,
    /** 因条件限制待以后解决. */
    C,
    /** 留作参考. */
    D;

    /** B and C are kept open and answered again once solved. */
    boolean keepsOpen() {
        return this == B || this == C;
    }
}
