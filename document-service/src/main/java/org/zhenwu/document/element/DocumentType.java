package org.zhenwu.document.element;

/** The 15 types of 《党政机关公文处理工作条例》 art. 8. */
public enum DocumentType {
    RESOLUTION("决议"), DECISION("决定"), ORDER("命令(令)"), COMMUNIQUE("公报"), ANNOUNCEMENT("公告"),
    PUBLIC_NOTICE("通告"), OPINION("意见"), NOTICE("通知"), BULLETIN("通报"), REPORT("报告"), REQUEST("请示"),
    REPLY("批复"), MOTION("议案"), LETTER("函"), MINUTES("纪要");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 上行文: sent to a higher body; the 签发人 must be shown on it. */
    public boolean upward() {
        return this == REPORT || this == REQUEST;
    }
}
