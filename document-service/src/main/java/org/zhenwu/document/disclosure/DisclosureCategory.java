package org.zhenwu.document.disclosure;

/** What a disclosure item is about: the 政务公开 catalogue's headings. */
public enum DisclosureCategory {
    ORGANISATION("机构职能"), POLICY("政策文件"), PLAN("规划计划"), BUDGET("财政预决算"), MAJOR_PROJECT("重大项目"),
    LIVELIHOOD("民生实事"), NOTICE("通知公告"), PERSONNEL("人事信息"), OTHER("其他");

    private final String label;

    DisclosureCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
