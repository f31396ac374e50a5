package org.zhenwu.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses JSON strings that are not well-formed Unicode: a {@code \ud800} escape without its pair would be
 * stored as {@code ?} by the database driver, silently changing what the user sent. → 400 naming the field.
 */
public class WellFormedStrings extends SimpleModule {
    public WellFormedStrings() {
        super("zhenwu-well-formed-strings");
        addDeserializer(String.class, new Checked());
    }

    /** The index of the first unpaired surrogate, or -1. */
    public static int unpairedSurrogate(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    static final class Checked extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = super.deserialize(p, ctxt);
            if (s != null && unpairedSurrogate(s) >= 0) {
                throw ctxt.weirdStringException(s, String.class, "is not well-formed Unicode (an unpaired surrogate)");
            }
            return s;
        }
    }
}
