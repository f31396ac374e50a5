package org.zhenwu.hotline.workorder;

/** Where the request came in. */
public enum Channel {
    PHONE, WEB, WECHAT, APP, KIOSK, OPEN311
}
