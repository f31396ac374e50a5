package org.zhenwu.fleet.upkeep;

public enum InsuranceKind {
    /** 交强险. */
    COMPULSORY,
    /** 商业险. */
    COMMERCIAL
}
