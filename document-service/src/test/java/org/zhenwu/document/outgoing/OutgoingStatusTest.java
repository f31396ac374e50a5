package org.zhenwu.document.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhenwu.document.outgoing.OutgoingStatus.*;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutgoingStatusTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(OutgoingStatus.class)
    void only_the_workflows_moves_are_allowed(OutgoingStatus from) {
        Set<OutgoingStatus> allowed = switch (from) {
            case DRAFTING -> EnumSet.of(CHECKING, VOIDED);
            case CHECKING -> EnumSet.of(COUNTERSIGNING, SIGNING, DRAFTING, VOIDED);
            case COUNTERSIGNING -> EnumSet.of(SIGNING, CHECKING, DRAFTING, VOIDED);
            case SIGNING -> EnumSet.of(SIGNED, COUNTERSIGNING, CHECKING, DRAFTING, VOIDED);
            case SIGNED -> EnumSet.of(REVIEWED, SIGNING, DRAFTING, VOIDED);
            case REVIEWED -> EnumSet.of(REGISTERED, SIGNED, SIGNING, VOIDED);
            case REGISTERED -> EnumSet.of(PRINTED, SIGNING, VOIDED);
            case PRINTED -> EnumSet.of(DISTRIBUTED, VOIDED);
            case DISTRIBUTED -> EnumSet.of(ARCHIVED);
            case ARCHIVED, VOIDED -> EnumSet.of(DESTROYED);
            case DESTROYED -> EnumSet.noneOf(OutgoingStatus.class);
        };
        for (OutgoingStatus to : OutgoingStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OutgoingStatus.class)
    void the_drafter_withdraws_only_before_signing_and_edits_stop_at_printing(OutgoingStatus s) {
        assertThat(s.withdrawable()).isEqualTo(EnumSet.of(CHECKING, COUNTERSIGNING, SIGNING).contains(s));
        assertThat(s.editable()).isEqualTo(EnumSet.of(DRAFTING, CHECKING, SIGNED, REVIEWED, REGISTERED).contains(s));
        assertThat(s.signedButNotPrinted()).isEqualTo(EnumSet.of(SIGNED, REVIEWED, REGISTERED).contains(s));
    }
}
