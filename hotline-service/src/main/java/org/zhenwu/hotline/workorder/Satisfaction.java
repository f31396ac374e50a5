package org.zhenwu.hotline.workorder;

/** The caller's verdict at the return visit (回访). */
public enum Satisfaction {
    SATISFIED /* 满意 */, BASICALLY_SATISFIED /* 基本满意 */, DISSATISFIED /* 不满意 */;

    boolean closesTheOrder() {
        return this != DISSATISFIED;
    }
}
