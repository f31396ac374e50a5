package org.zhenwu.platform.security;

/** 密级, lowest first: a caller may read a document whose level is at most their clearance. */
public enum Clearance {
    NONE, SECRET /* 秘密 */, CONFIDENTIAL /* 机密 */, TOP_SECRET /* 绝密 */;

    public boolean covers(Clearance level) {
        return compareTo(level) >= 0;
    }

    static Clearance parse(String claim) {
        if (claim == null || claim.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(claim.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}
