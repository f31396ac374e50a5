package org.zhenwu.contracts.document.v1;

/** Topics published by document-service. Key: the aggregate id. */
public final class DocumentTopics {
    /** Outgoing documents (发文) that were issued. Key: documentId. */
    public static final String DOCUMENT_EVENTS = "document.document.v1";
    /** Supervision tasks (督办). Key: taskId. */
    public static final String SUPERVISION_EVENTS = "document.supervision.v1";

    private DocumentTopics() {
    }
}
