package org.zhenwu.congress.station;

/** Where deputies meet the public. */
public enum StationKind {
    /** 人大代表中心联络站: one per town. */
    CENTRAL,
    /** 代表联络点, e.g. in the 综治信访 office or a village. */
    POINT,
    /** 企业联络点, inside an enterprise (the first one in 供销集团). */
    ENTERPRISE
}
