package org.zhenwu.congress.suggestion;

/** The deputies' verdict on a reply, from the 征询意见表. */
public enum Satisfaction {
    SATISFIED /* 满意 */, BASICALLY_SATISFIED /* 基本满意 */, DISSATISFIED /* 不满意 */
}
