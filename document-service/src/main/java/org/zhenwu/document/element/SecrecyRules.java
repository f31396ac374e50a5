package org.zhenwu.document.element;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.zhenwu.platform.web.InvalidFieldException;

/**
 * The longest 保密期限 per level, which is also the default when none is given (保密法: 绝密 30, 机密 20, 秘密 10 years).
 */
@ConfigurationProperties("zhenwu.document.secrecy")
public record SecrecyRules(@DefaultValue("30") int topSecretYears, @DefaultValue("20") int confidentialYears,
                           @DefaultValue("10") int secretYears) {
    public static final SecrecyRules DEFAULTS = new SecrecyRules(30, 20, 10);

    public int maxYears(SecrecyLevel level) {
        return switch (level) {
            case TOP_SECRET -> topSecretYears;
            case CONFIDENTIAL -> confidentialYears;
            case SECRET -> secretYears;
            case NONE -> 0;
        };
    }

    /** The period to store: the default for the level when none is given; refused when out of range. */
    public Integer period(SecrecyLevel level, Integer years) {
        if (!level.classified()) {
            if (years != null) {
                throw new InvalidFieldException("secrecyYears", "an unclassified document has no 保密期限");
            }
            return null;
        }
        int max = maxYears(level);
        if (years == null) {
            return max;
        }
        if (years < 1 || years > max) {
            throw new InvalidFieldException("secrecyYears", "保密期限 for " + level.label() + " is 1 to " + max + " years");
        }
        return years;
    }
}
