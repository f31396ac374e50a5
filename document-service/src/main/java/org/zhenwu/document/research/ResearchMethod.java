package org.zhenwu.document.research;

/** How a research visit (调研) gathers its facts. */
public enum ResearchMethod {
    /** 座谈会 */
    SYMPOSIUM,
    /** 个别访谈 */
    INTERVIEW,
    /** 现场办公会 */
    ON_SITE,
    /** 问卷 */
    QUESTIONNAIRE,
    OTHER
}
