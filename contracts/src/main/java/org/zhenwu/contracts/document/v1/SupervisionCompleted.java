package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A supervision task (督办) was completed: the office accepted the owner department's evidence. Topic
 * {@value DocumentTopics#SUPERVISION_EVENTS}, key taskId. The service whose event opened the task finds its own
 * record by {@code originType} + {@code originId} and ignores other origins.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param originType      what opened the task: {@link #ORIGIN_CONGRESS_SUGGESTION}, {@link #ORIGIN_HOTLINE_WORK_ORDER},
 *                        {@link #ORIGIN_LEADER_INSTRUCTION}, {@link #ORIGIN_MEETING_DECISION},
 *                        {@link #ORIGIN_RESEARCH_VISIT} or {@link #ORIGIN_MANUAL}
 * @param originId        the originating record's id in its service (a suggestionId, a workOrderId, a document id,
 *                        a meeting id, a research visit id);
 *                        null for manual tasks
 * @param ownerDepartment the department that answered for the task (责任单位)
 * @param deadline        the task's last day
 * @param completedOn     the day it was accepted as done (Asia/Shanghai)
 * @param onTime          completedOn is not after deadline
 * @param evidence        the department's account of what was done (办理情况)
 */
public record SupervisionCompleted(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID taskId,
                                   String originType, String originId, String title, String ownerDepartment,
                                   LocalDate deadline, LocalDate completedOn, boolean onTime, String evidence)
        implements IntegrationEvent {
    public static final String TYPE = "document.SupervisionCompleted";
    /** Opened by {@code congress.SuggestionAssigned}; originId is the suggestionId. */
    public static final String ORIGIN_CONGRESS_SUGGESTION = "congress.suggestion";
    /** Opened by {@code hotline.WorkOrderEscalated}; originId is the workOrderId. */
    public static final String ORIGIN_HOTLINE_WORK_ORDER = "hotline.work-order";
    /** Opened by a leader's 批示 on an incoming document; originId is the document id. */
    public static final String ORIGIN_LEADER_INSTRUCTION = "document.instruction";
    /** Opened by hand in document-service (meeting decisions and the like). */
    public static final String ORIGIN_MANUAL = "document.manual";
    /** A decision (议定事项) of a meeting's minutes; originId is the meeting id. */
    public static final String ORIGIN_MEETING_DECISION = "document.meeting-decision";
    /** A matter found on a research visit (调研); originId is the visit id. */
    public static final String ORIGIN_RESEARCH_VISIT = "document.research-visit";

    public SupervisionCompleted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(originType, "originType");
    }

    public static SupervisionCompleted of(String jurisdiction, UUID taskId, String originType, String originId,
                                          String title, String ownerDepartment, LocalDate deadline, LocalDate completedOn,
                                          boolean onTime, String evidence, Instant at) {
        return new SupervisionCompleted(UUID.randomUUID(), 1, at, jurisdiction, taskId, originType, originId, title,
                ownerDepartment, deadline, completedOn, onTime, evidence);
    }
}
