package org.zhenwu.document.contract;

/** 合同类型. */
public enum ContractType {
    /** 采购 */
    PROCUREMENT,
    /** 工程 */
    CONSTRUCTION,
    /** 服务 */
    SERVICE,
    /** 租赁 */
    LEASE,
    /** 合作 */
    COOPERATION,
    OTHER
}
