package org.zhenwu.congress.livelihood;

/**
 * A livelihood project (民生实事项目) under 票决制: 征集 → 初选 → 票决 at a session → 实施 → 监督 (progress) → 评估.
 * The one table of allowed moves; {@link LivelihoodProject} never changes status any other way.
 */
public enum ProjectStatus {
    /** 征集: proposed by citizens, deputies or departments. */
    PROPOSED,
    /** 初选: put on the ballot by the presidium. */
    SHORTLISTED,
    /** Not put on the ballot. */
    REJECTED,
    /** 票决: elected by the deputies. */
    ELECTED,
    /** Not elected. */
    NOT_ELECTED,
    /** 实施: being built; deputies supervise its progress. */
    IN_PROGRESS,
    /** Finished (progress 100%). */
    COMPLETED,
    /** 评估: evaluated by the deputies at year end. */
    EVALUATED;

    public boolean canMoveTo(ProjectStatus next) {
        return switch (this) {
            case PROPOSED -> next == SHORTLISTED || next == REJECTED;
            case SHORTLISTED -> next == ELECTED || next == NOT_ELECTED;
            case ELECTED -> next == IN_PROGRESS;
            case IN_PROGRESS -> next == COMPLETED;
            case COMPLETED -> next == EVALUATED;
            case REJECTED, NOT_ELECTED, EVALUATED -> false;
        };
    }
}
