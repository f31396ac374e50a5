package org.zhenwu.fleet.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fleet rule refused an action that the input's shape and the status alone would allow: a double booking, a
 * provider that is not designated, a licence that has expired. → 409 {@code fleet/<rule>}, naming the field when
 * one field is to blame, with any extra facts (the conflicting trips, the current status) as properties.
 */
public class FleetRuleViolation extends RuntimeException {
    private final String rule;
    private final String field;
    private final Map<String, Object> facts = new LinkedHashMap<>();

    public FleetRuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public FleetRuleViolation with(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> facts() {
        return Map.copyOf(facts);
    }
}
