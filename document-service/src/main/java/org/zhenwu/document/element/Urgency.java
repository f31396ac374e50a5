package org.zhenwu.document.element;

/**
 * 紧急程度. Documents are 特急 or 加急 (or neither); telegrams 明传电报 carry one of 特提/特急/加急/平急.
 */
public enum Urgency {
    NORMAL(""), ROUTINE("平急"), URGENT("加急"), EXTRA_URGENT("特急"), FLASH("特提");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean allowedFor(DocumentKind kind) {
        if (kind == DocumentKind.TELEGRAM) {
            return this != NORMAL;
        }
        return this == NORMAL || this == URGENT || this == EXTRA_URGENT;
    }

    /** Urgent matters must carry a deadline when they are handed to a department. */
    public boolean needsDeadline() {
        return this == URGENT || this == EXTRA_URGENT || this == FLASH;
    }
}
