package org.zhenwu.fleet.vehicle;

/** 公务用车 classes of 中办发〔2017〕71号. */
public enum VehicleClass {
    CONFIDENTIAL_COMMUNICATION /* 机要通信 */,
    EMERGENCY_SUPPORT /* 应急保障 */,
    LAW_ENFORCEMENT /* 执法执勤 */,
    SPECIALIZED_TECHNICAL /* 特种专业技术 */,
    GENERAL_OFFICIAL /* 一般公务 */
}
