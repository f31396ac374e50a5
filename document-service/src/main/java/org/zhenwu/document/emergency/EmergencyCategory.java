package org.zhenwu.document.emergency;

/** What kind of emergency a report is about (应急信息类别). */
public enum EmergencyCategory {
    /** 火灾 */
    FIRE,
    /** 生产安全事故 */
    PRODUCTION_SAFETY,
    /** 劳资纠纷 — the only category that may be flagged 涉房地产项目 */
    WAGE_DISPUTE,
    /** 洪涝 */
    FLOOD,
    /** 台风 */
    TYPHOON,
    /** 地质灾害 */
    GEOLOGICAL,
    /** 交通事故 */
    TRAFFIC,
    /** 公共卫生 */
    PUBLIC_HEALTH,
    /** 群体性事件 */
    MASS_INCIDENT,
    /** 其他 */
    OTHER
}
