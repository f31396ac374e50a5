package org.zhenwu.document.classified;

/** A request to copy (复制) or take out (导出) a 秘密/机密 document. 绝密 documents are never copied. */
public enum CopyRequestStatus {
    PENDING, APPROVED, REFUSED, USED_UP;

    public boolean canMoveTo(CopyRequestStatus next) {
        return switch (this) {
            case PENDING -> next == APPROVED || next == REFUSED;
            case APPROVED -> next == USED_UP;
            case REFUSED, USED_UP -> false;
        };
    }
}
