package org.zhenwu.document.element;

import java.util.Arrays;
import java.util.List;

import org.zhenwu.platform.security.Clearance;

/** 密级, lowest first. A reader needs a {@link Clearance} that covers the level. */
public enum SecrecyLevel {
    NONE(""), SECRET("秘密"), CONFIDENTIAL("机密"), TOP_SECRET("绝密");

    private final String label;

    SecrecyLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean classified() {
        return this != NONE;
    }

    public Clearance requiredClearance() {
        return Clearance.valueOf(name());
    }

    /** The levels a clearance may read, for {@code secrecy_level IN (:levels)}. */
    public static List<String> readableWith(Clearance clearance) {
        return Arrays.stream(values()).filter(l -> clearance.covers(l.requiredClearance())).map(Enum::name).toList();
    }
}
