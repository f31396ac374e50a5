package org.zhenwu.document.legal;

/** The town's role in a case: 原告, 被告, 第三人, 申请人, 被申请人. */
public enum PartyRole {
    PLAINTIFF, DEFENDANT, THIRD_PARTY, APPLICANT, RESPONDENT
}
