package org.zhenwu.document.incoming;

/**
 * 收文: 签收 → 登记 → 初审 → (阅知: 传阅 | 批办: 拟办 → 批示 → 承办) → 办结/答复 → 归档. The one table of allowed moves.
 * 传阅 of a 批办 document runs beside 批示 and 承办 and must be closed before 归档.
 */
public enum IncomingStatus {
    /** 签收: taken in (time and number of copies known). */
    RECEIVED,
    /** 登记: entered in the 收文 register with its register number; waits for 初审. */
    REGISTERED,
    /** 初审 refused it: returned to the sender with a reason. */
    RETURNED,
    /** 初审 passed as a 批办 document; waits for the office's 拟办意见. */
    SCREENED,
    /** 拟办 done; waits for the named leader's 批示. */
    PROPOSED,
    /** 批示 done: handed to a 主办 department (with 协办 ones); waits for it to take it on. */
    INSTRUCTED,
    /** 承办: the 主办 department is handling it. */
    HANDLING,
    /** 阅知 document in 传阅. */
    CIRCULATING,
    /** 办结/答复 (阅知: everyone read it). */
    COMPLETED,
    /** 归档. */
    ARCHIVED,
    /** 销毁 (classified, approved, entered in the destruction register): the text and files are gone. */
    DESTROYED;

    public boolean canMoveTo(IncomingStatus next) {
        return switch (this) {
            case RECEIVED -> next == REGISTERED;
            case REGISTERED -> next == SCREENED || next == CIRCULATING || next == RETURNED;
            case SCREENED -> next == PROPOSED;
            case PROPOSED -> next == INSTRUCTED || next == SCREENED;
            case INSTRUCTED -> next == HANDLING || next == SCREENED;
            case HANDLING, CIRCULATING -> next == COMPLETED;
            case COMPLETED -> next == ARCHIVED;
            case ARCHIVED -> next == DESTROYED;
            case RETURNED, DESTROYED -> false;
        };
    }

    /** Copies may be circulated from 初审 until 归档. */
    public boolean circulates() {
        return this == SCREENED || this == PROPOSED || this == INSTRUCTED || this == HANDLING || this == CIRCULATING
                || this == COMPLETED;
    }

    /** 催办 presses the 主办 department while it has the document. */
    public boolean atDepartment() {
        return this == INSTRUCTED || this == HANDLING;
    }
}
