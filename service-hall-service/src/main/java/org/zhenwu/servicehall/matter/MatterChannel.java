package org.zhenwu.servicehall.matter;

/** Where an applicant can apply for a matter. */
public enum MatterChannel {
    WINDOW /* 窗口 */, ONLINE /* 网上办 */, MOBILE /* 掌上办 */, KIOSK /* 市民之窗 */, MAIL /* 邮寄 */
}
