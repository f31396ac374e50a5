package org.zhenwu.document.incoming;

/** Decided at 初审. */
public enum HandlingMode {
    /** 阅知: for reading; goes round its readers. */
    READ,
    /** 批办: needs action; 拟办, a leader's 批示, a 主办 department. */
    ACTION
}
