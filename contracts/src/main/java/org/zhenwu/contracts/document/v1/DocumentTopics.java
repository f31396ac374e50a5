package org.zhenwu.contracts.document.v1;

/** Topics published by document-service. Key: the aggregate id. */
public final class DocumentTopics {
    /** Outgoing documents (发文) that were issued. Key: documentId. */
    public static final String DOCUMENT_EVENTS = "document.document.v1";
    /** Supervision tasks (督办). Key: taskId. */
    public static final String SUPERVISION_EVENTS = "document.supervision.v1";
    /** Meetings (办会) and their transport requests. Key: meetingId. */
    public static final String MEETING_EVENTS = "document.meeting.v1";
    /** Research visits (调研). Key: visitId. */
    public static final String RESEARCH_EVENTS = "document.research.v1";
    /** Contracts (合同管理). Key: contractId. */
    public static final String CONTRACT_EVENTS = "document.contract.v1";
    /** Legal affairs: legality reviews, legal opinions, cases (法制). Key: the record's id. */
    public static final String LEGAL_EVENTS = "document.legal.v1";
    /** Information disclosure (政务公开). Key: itemId. */
    public static final String DISCLOSURE_EVENTS = "document.disclosure.v1";
    /** Archives (档案). Key: the archive item's id. */
    public static final String ARCHIVE_EVENTS = "document.archive.v1";
    /** Emergency information reports (应急信息报送) and preparedness (预案, 演练). Key: the record's id. */
    public static final String EMERGENCY_EVENTS = "document.emergency.v1";

    private DocumentTopics() {
    }
}
