package org.zhenwu.hotline.workorder;

public enum Urgency {
    NORMAL, URGENT
}
