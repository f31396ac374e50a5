package org.zhenwu.servicehall.application;

/** The department's decision (审批结果). */
public enum ApplicationOutcome {
    APPROVED, REJECTED
}
