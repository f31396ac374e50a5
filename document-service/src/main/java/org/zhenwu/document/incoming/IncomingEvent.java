package org.zhenwu.document.incoming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What happened to an incoming document, inside document-service. */
sealed interface IncomingEvent {
    UUID documentId();

    Instant occurredAt();

    /** 批示; {@code supervise}: the leader wants it supervised (督办). */
    record Instructed(UUID documentId, String leadDepartment, List<String> coDepartments, LocalDate deadline,
                      String instruction, boolean supervise, Instant occurredAt) implements IncomingEvent {
    }

    record Returned(UUID documentId, String reason, Instant occurredAt) implements IncomingEvent {
    }

    record Completed(UUID documentId, Instant occurredAt) implements IncomingEvent {
    }
}
