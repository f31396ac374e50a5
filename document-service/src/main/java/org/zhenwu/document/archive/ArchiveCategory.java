package org.zhenwu.document.archive;

/** 档案门类, with the two-letter code used in archive codes (文书 WS, 婚姻 HY, …). */
public enum ArchiveCategory {
    DOCUMENTARY("WS", "文书"), MARRIAGE("HY", "婚姻"), THEMATIC("ZT", "专题"), PHOTO("ZP", "照片"),
    ACCOUNTING("KJ", "会计"), PERSONNEL("RS", "人事"), OTHER("QT", "其他");

    private final String code;
    private final String label;

    ArchiveCategory(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
