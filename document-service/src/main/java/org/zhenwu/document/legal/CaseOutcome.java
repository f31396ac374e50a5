package org.zhenwu.document.legal;

/** How a case ended: 胜诉, 败诉, 部分胜诉, 调解/和解, 撤诉/撤回. */
public enum CaseOutcome {
    WON, LOST, PARTLY_WON, SETTLED, WITHDRAWN;

    /** Outcomes that need no judgment: the case may close on them before one. */
    public boolean withoutJudgment() {
        return this == SETTLED || this == WITHDRAWN;
    }
}
