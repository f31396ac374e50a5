package org.zhenwu.document.archive;

import java.util.Set;

/** 保管期限: 永久, 30年, 10年. The name is the archive code's part ({@code …-Y30-0001}). */
public enum Retention {
    PERMANENT(null, "永久"), Y30(30, "30年"), Y10(10, "10年");

    /** 本机关制发的重要文件 (决议, 决定, 命令, 公报, 公告, 纪要) are kept permanently. */
    private static final Set<String> PERMANENT_OUTGOING = Set.of("RESOLUTION", "DECISION", "ORDER", "COMMUNIQUE",
            "ANNOUNCEMENT", "MINUTES");

    private final Integer years;
    private final String label;

    Retention(Integer years, String label) {
        this.years = years;
        this.label = label;
    }

    public Integer years() {
        return years;
    }

    public String label() {
        return label;
    }

    /** The last year an item of {@code year} is kept; null when permanent. Destruction only comes after it. */
    public Integer lastYear(int year) {
        return years == null ? null : year + years;
    }

    /**
     * The default rule of the yearly arrangement (the office's 保管期限表 in short): the town's own important documents
     * permanently, its other 发文 30 years, 收文 10 years.
     */
    static Retention defaultFor(DocumentRow.Direction direction, String documentType) {
        if (direction == DocumentRow.Direction.INCOMING) {
            return Y10;
        }
        return PERMANENT_OUTGOING.contains(documentType) ? PERMANENT : Y30;
    }
}
