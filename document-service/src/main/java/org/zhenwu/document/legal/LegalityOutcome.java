package org.zhenwu.document.legal;

/** The conclusion of a legality review. */
public enum LegalityOutcome {
    /** 合法 */
    LEGAL,
    /** 修改后合法 */
    LEGAL_WITH_CHANGES,
    /** 不合法 */
    ILLEGAL
}
