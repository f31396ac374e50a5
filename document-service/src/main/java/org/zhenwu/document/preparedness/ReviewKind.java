package org.zhenwu.document.preparedness;

/** One line of a plan's history. */
public enum ReviewKind {
    /** the first approval (印发) of the plan as registered */
    APPROVED,
    /** 评估: reviewed, kept as it is, next review set */
    REVIEWED,
    /** 修订: reviewed and a new version approved */
    REVISED
}
