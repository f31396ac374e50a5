package org.zhenwu.document.research;

/**
 * 调研: planned → conducted (the findings noted) → reported (调研报告 written, its matters under supervision);
 * a planned visit may be cancelled. The one table of allowed moves.
 */
public enum ResearchStatus {
    PLANNED, CONDUCTED, REPORTED, CANCELLED;

    public boolean canMoveTo(ResearchStatus next) {
        return switch (this) {
            case PLANNED -> next == CONDUCTED || next == CANCELLED;
            case CONDUCTED -> next == REPORTED;
            case REPORTED, CANCELLED -> false;
        };
    }
}
