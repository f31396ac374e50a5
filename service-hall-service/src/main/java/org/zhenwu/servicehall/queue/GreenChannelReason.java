package org.zhenwu.servicehall.queue;

/** Why an applicant goes through the green channel (绿色通道). */
public enum GreenChannelReason {
    ELDERLY, DISABLED, PREGNANT, MILITARY, OTHER
}
