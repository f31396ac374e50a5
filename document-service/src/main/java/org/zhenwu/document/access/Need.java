package org.zhenwu.document.access;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who has a need to know a document: the people assigned to it or who acted on it, and the departments it was
 * handed to (主办, 协办, 会签) or circulated to. Aggregates compute it from their own state.
 */
public record Need(Set<String> people, Set<String> departments) {
    public Need {
        people = people.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        departments = departments.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
