package org.zhenwu.document.supervision;

/** What opened a task. The wire names are the contract's {@code SupervisionCompleted.ORIGIN_*} constants. */
public enum Origin {
    /** a leader's 批示 on an incoming document (originId: the document id) */
    LEADER_INSTRUCTION("document.instruction"),
    /** a deputies' suggestion assigned in congress-service (originId: the suggestion id) */
    CONGRESS_SUGGESTION("congress.suggestion"),
    /** a 12345 work order escalated in hotline-service (originId: the work order id) */
    HOTLINE_ESCALATION("hotline.work-order"),
    /** a decision (议定事项) in a meeting's minutes (originId: the meeting id) */
    MEETING_DECISION("document.meeting-decision"),
    /** a matter found on a research visit (调研) (originId: the visit id) */
    RESEARCH_VISIT("document.research-visit"),
    /** opened by hand: a leader's oral instruction and the like */
    MANUAL("document.manual");

    private final String wireName;

    Origin(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
