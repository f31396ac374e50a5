package org.zhenwu.hotline.workorder;

/** What an agent (or an Open311 client, or an import file) records at intake (受理). */
public record Intake(WorkOrderType type, Channel channel, String category, Urgency urgency, String callerName,
                     String callerPhone, boolean callerConfidential, String location, String content) {
}
