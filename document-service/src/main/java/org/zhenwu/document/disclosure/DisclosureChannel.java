package org.zhenwu.document.disclosure;

/** Where the office publishes (公开渠道). */
public enum DisclosureChannel {
    WEBSITE("网站"), WECHAT("微信公众号"), RADIO_TV("广播电视"), PRESS("报刊"), NOTICE_BOARD("公开栏");

    private final String label;

    DisclosureChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
