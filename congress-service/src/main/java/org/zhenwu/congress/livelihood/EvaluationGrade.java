package org.zhenwu.congress.livelihood;

/** The deputies' year-end evaluation of a project (评估). */
public enum EvaluationGrade {
    EXCELLENT /* 优秀 */, GOOD /* 良好 */, PASS /* 合格 */, FAIL /* 不合格 */
}
