package org.zhenwu.fleet.provider;

/** What a designated (定点) provider does for the town's vehicles. */
public enum ProviderKind {
    /** 定点加油站. */
    FUEL_STATION,
    /** 定点维修厂. */
    GARAGE,
    /** 定点保险公司. */
    INSURER
}
