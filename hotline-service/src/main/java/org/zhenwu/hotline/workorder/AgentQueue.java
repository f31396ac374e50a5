package org.zhenwu.hotline.workorder;

/** The queues agents take work from. An order is in at most one, derived from its status. */
public enum AgentQueue {
    /** 待派单: accepted, returned by a department, or reopened. */
    DISPATCH,
    /** 待回访: replied; available from the working day after the reply. */
    REVISIT,
    /** 超期: at a department past its deadline; agents chase it (催办). */
    OVERDUE
}
