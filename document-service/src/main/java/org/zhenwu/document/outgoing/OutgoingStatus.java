package org.zhenwu.document.outgoing;

/**
 * 发文: 起草 → 核稿 → 会签 → 签发 → 复核 → 登记 → 印制 → 核发 → 归档. Statuses up to {@link #SIGNING} name the step the
 * document waits for; from {@link #SIGNED} on, the step that was done. The one table of allowed moves.
 */
public enum OutgoingStatus {
    /** 起草: the drafter writes. */
    DRAFTING,
    /** waits for 核稿 by the office. */
    CHECKING,
    /** waits for 会签 by the co-signing departments. */
    COUNTERSIGNING,
    /** waits for 签发 by the leader. */
    SIGNING,
    /** 签发 done; waits for 复核. */
    SIGNED,
    /** 复核 done; waits for 登记. */
    REVIEWED,
    /** 登记 done: the 发文字号 is assigned; waits for 印制. */
    REGISTERED,
    /** 印制 done; waits for 核发. */
    PRINTED,
    /** 核发 done: distributed to its recipients; waits for 归档. */
    DISTRIBUTED,
    /** 归档. */
    ARCHIVED,
    /** 作废. A number it was given stays used, marked void in the register. */
    VOIDED,
    /** 销毁 (classified, approved, entered in the destruction register): the text and files are gone. */
    DESTROYED;

    public boolean canMoveTo(OutgoingStatus next) {
        return switch (this) {
            case DRAFTING -> next == CHECKING || next == VOIDED;
            case CHECKING -> next == COUNTERSIGNING || next == SIGNING || next == DRAFTING || next == VOIDED;
            case COUNTERSIGNING -> next == SIGNING || next == CHECKING || next == DRAFTING || next == VOIDED;
            case SIGNING -> next == SIGNED || next == COUNTERSIGNING || next == CHECKING || next == DRAFTING || next == VOIDED;
            case SIGNED -> next == REVIEWED || next == SIGNING || next == DRAFTING || next == VOIDED;
            case REVIEWED -> next == REGISTERED || next == SIGNED || next == SIGNING || next == VOIDED;
            case REGISTERED -> next == PRINTED || next == SIGNING || next == VOIDED;
            case PRINTED -> next == DISTRIBUTED || next == VOIDED;
            case DISTRIBUTED -> next == ARCHIVED;
            case ARCHIVED, VOIDED -> next == DESTROYED;
            case DESTROYED -> false;
        };
    }

    /** The drafter may take it back (撤回) while nobody has signed it yet. */
    public boolean withdrawable() {
        return this == CHECKING || this == COUNTERSIGNING || this == SIGNING;
    }

    /** After 签发 and before 印制 a substantive revision sends the document back to the signer. */
    public boolean signedButNotPrinted() {
        return this == SIGNED || this == REVIEWED || this == REGISTERED;
    }

    public boolean editable() {
        return this == DRAFTING || this == CHECKING || signedButNotPrinted();
    }
}
