package org.zhenwu.document.classified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.platform.web.IllegalTransitionException;

/** Copy and destruction requests without Spring. */
class ClassifiedRequestsTest {
    private static final Instant T = Instant.parse("2019-03-04T02:00:00Z");

    @ParameterizedTest(name = "{0}")
    @EnumSource(CopyRequestStatus.class)
    void copy_requests_move_only_as_the_table_says(CopyRequestStatus from) {
        Set<CopyRequestStatus> allowed = switch (from) {
            case PENDING -> EnumSet.of(CopyRequestStatus.APPROVED, CopyRequestStatus.REFUSED);
            case APPROVED -> EnumSet.of(CopyRequestStatus.USED_UP);
            case REFUSED, USED_UP -> EnumSet.noneOf(CopyRequestStatus.class);
        };
        for (CopyRequestStatus to : CopyRequestStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DestructionStatus.class)
    void destruction_requests_move_only_as_the_table_says(DestructionStatus from) {
        Set<DestructionStatus> allowed = switch (from) {
            case PENDING -> EnumSet.of(DestructionStatus.APPROVED, DestructionStatus.REFUSED);
            case APPROVED -> EnumSet.of(DestructionStatus.DESTROYED);
            case REFUSED, DESTROYED -> EnumSet.noneOf(DestructionStatus.class);
        };
        for (DestructionStatus to : DestructionStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
    }

    @Test
    void top_secret_documents_are_never_copied_and_unclassified_ones_need_no_approval() {
        assertThatThrownBy(() -> CopyRequest.open(UUID.randomUUID(), doc(SecrecyLevel.TOP_SECRET, "ARCHIVED"), 1, "x", "a", T))
                .isInstanceOf(ClassifiedRuleViolation.class).extracting("rule").isEqualTo("top-secret-no-copy");
        assertThatThrownBy(() -> CopyRequest.open(UUID.randomUUID(), doc(SecrecyLevel.NONE, "ARCHIVED"), 1, "x", "a", T))
                .isInstanceOf(ClassifiedRuleViolation.class).extracting("rule").isEqualTo("not-classified");
    }

    @Test
    void an_approved_copy_request_gives_its_requester_exactly_the_copies_approved() {
        CopyRequest r = CopyRequest.open(UUID.randomUUID(), doc(SecrecyLevel.CONFIDENTIAL, "HANDLING"), 2, "上报区保密办", "clerk", T);
        assertThatThrownBy(() -> r.decide(true, null, "clerk", T)).isInstanceOf(ClassifiedRuleViolation.class)
                .extracting("rule").isEqualTo("own-request");
        assertThatThrownBy(() -> r.takeOne("clerk")).isInstanceOf(IllegalTransitionException.class);
        r.decide(true, "同意复制2份", "leader", T);
        assertThatThrownBy(() -> r.takeOne("someone-else")).isInstanceOf(ClassifiedRuleViolation.class);
        assertThat(r.takeOne("clerk")).isEqualTo(1);
        assertThat(r.takeOne("clerk")).isEqualTo(2);
        assertThat(r.status()).isEqualTo(CopyRequestStatus.USED_UP);
        assertThatThrownBy(() -> r.takeOne("clerk")).isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("USED_UP");
    }

    @Test
    void only_archived_classified_documents_are_destroyed_with_approval_and_a_witness() {
        assertThatThrownBy(() -> DestructionRequest.open(UUID.randomUUID(), doc(SecrecyLevel.SECRET, "HANDLING"), "x", "clerk", T))
                .isInstanceOf(ClassifiedRuleViolation.class).extracting("rule").isEqualTo("not-archived");
        assertThatThrownBy(() -> DestructionRequest.open(UUID.randomUUID(), doc(SecrecyLevel.NONE, "ARCHIVED"), "x", "clerk", T))
                .isInstanceOf(ClassifiedRuleViolation.class).extracting("rule").isEqualTo("not-classified");
        DestructionRequest r = DestructionRequest.open(UUID.randomUUID(), doc(SecrecyLevel.SECRET, "ARCHIVED"), "保密期满", "clerk", T);
        assertThatThrownBy(() -> r.carriedOut("粉碎", "witness", "clerk", T)).isInstanceOf(IllegalTransitionException.class);
        r.decide(true, null, "leader", T);
        assertThatThrownBy(() -> r.carriedOut("粉碎", "clerk", "clerk", T)).isInstanceOf(ClassifiedRuleViolation.class);
        r.carriedOut("送区保密局销毁中心", "witness", "clerk", T);
        assertThat(r.status()).isEqualTo(DestructionStatus.DESTROYED);
    }

    private static DocumentRef doc(SecrecyLevel level, String status) {
        return new DocumentRef(UUID.randomUUID(), DocumentRef.Direction.INCOMING, "440606104", level, "标题", status,
                "顺府〔2019〕1号", "000001");
    }
}
