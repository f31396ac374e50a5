package org.zhenwu.congress.activity;

/** What deputies and CPPCC members do between sessions (代表/委员履职活动). */
public enum ActivityKind {
    /** 履职培训. */
    TRAINING,
    /** 视察 (or 调研): looking at a project, a department's work, a village. */
    INSPECTION,
    /** 约见, 座谈 or 走访: meeting officials, constituents or enterprises. */
    INTERVIEW,
    /** 接待群众: a duty day at a liaison station or a members' service point (联系群众服务点). */
    RECEPTION
}
