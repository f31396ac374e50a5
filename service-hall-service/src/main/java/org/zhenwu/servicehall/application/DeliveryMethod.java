package org.zhenwu.servicehall.application;

/** 出件: collected at the window, or sent (送达) by mail. */
public enum DeliveryMethod {
    PICKUP, MAIL
}
