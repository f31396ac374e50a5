package org.zhenwu.document.legal;

/** What a legal opinion is about. */
public enum SubjectArea {
    /** 征地拆迁 */
    LAND_ACQUISITION,
    /** 合同 */
    CONTRACT,
    /** 劳动 */
    LABOUR,
    /** 信访 */
    PETITION,
    /** 行政执法 */
    ADMINISTRATIVE_ENFORCEMENT,
    OTHER
}
