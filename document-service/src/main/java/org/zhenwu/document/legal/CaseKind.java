package org.zhenwu.document.legal;

/** The proceedings a case handled by counsel (代理案件) belongs to. */
public enum CaseKind {
    /** 行政诉讼 */
    ADMINISTRATIVE_LITIGATION,
    /** 民事诉讼 */
    CIVIL_LITIGATION,
    /** 行政复议 */
    ADMINISTRATIVE_RECONSIDERATION,
    /** 仲裁 */
    ARBITRATION
}
