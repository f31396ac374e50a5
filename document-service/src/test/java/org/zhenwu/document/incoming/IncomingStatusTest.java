package org.zhenwu.document.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhenwu.document.incoming.IncomingStatus.*;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IncomingStatusTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(IncomingStatus.class)
    void only_the_workflows_moves_are_allowed(IncomingStatus from) {
        Set<IncomingStatus> allowed = switch (from) {
            case RECEIVED -> EnumSet.of(REGISTERED);
            case REGISTERED -> EnumSet.of(SCREENED, CIRCULATING, RETURNED);
            case SCREENED -> EnumSet.of(PROPOSED);
            case PROPOSED -> EnumSet.of(INSTRUCTED, SCREENED);
            case INSTRUCTED -> EnumSet.of(HANDLING, SCREENED);
            case HANDLING, CIRCULATING -> EnumSet.of(COMPLETED);
            case COMPLETED -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.of(DESTROYED);
            case RETURNED, DESTROYED -> EnumSet.noneOf(IncomingStatus.class);
        };
        for (IncomingStatus to : IncomingStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IncomingStatus.class)
    void copies_circulate_from_screening_to_archiving_and_urging_reaches_the_departments(IncomingStatus s) {
        assertThat(s.circulates()).isEqualTo(EnumSet.of(SCREENED, PROPOSED, INSTRUCTED, HANDLING, CIRCULATING, COMPLETED).contains(s));
        assertThat(s.atDepartment()).isEqualTo(EnumSet.of(INSTRUCTED, HANDLING).contains(s));
    }
}
