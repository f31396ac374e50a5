package org.zhenwu.document.meeting;

import java.util.List;
import java.util.UUID;

/**
 * A rule of 办会 refused an action the status alone would allow: the room is booked (double booking), an attendee
 * signs in twice or while on leave. → 409 with {@code rule}, and the conflicting meetings for a double booking.
 */
class MeetingRuleViolation extends RuntimeException {
    private final String rule;
    private final List<UUID> conflicts;

    MeetingRuleViolation(String rule, String message) {
        this(rule, message, List.of());
    }

    MeetingRuleViolation(String rule, String message, List<UUID> conflicts) {
        super(message);
        this.rule = rule;
        this.conflicts = List.copyOf(conflicts);
    }

    String rule() {
        return rule;
    }

    List<UUID> conflicts() {
        return conflicts;
    }
}
