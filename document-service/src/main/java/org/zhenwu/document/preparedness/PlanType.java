package org.zhenwu.document.preparedness;

/** What an emergency plan (应急预案) or a drill is for. */
public enum PlanType {
    /** 防汛防台风 */
    FLOOD_TYPHOON,
    /** 消防 */
    FIRE,
    /** 地质灾害 */
    GEOLOGICAL,
    /** 公共卫生 */
    PUBLIC_HEALTH,
    /** 安全生产 */
    PRODUCTION_SAFETY,
    /** 综合/总体预案 */
    GENERAL
}
