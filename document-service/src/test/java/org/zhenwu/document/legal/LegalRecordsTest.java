package org.zhenwu.document.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** Legality reviews, legal opinions and cases without Spring. */
class LegalRecordsTest {
    private static final Instant NOW = Instant.parse("2019-06-12T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2019, 6, 12);
    private static final String TOWN = "440606104";

    @ParameterizedTest(name = "{0}")
    @EnumSource(LegalityStatus.class)
    void a_legality_review_moves_only_forward(LegalityStatus from) {
        Set<LegalityStatus> allowed = switch (from) {
            case SUBMITTED -> EnumSet.of(LegalityStatus.IN_REVIEW);
            case IN_REVIEW -> EnumSet.of(LegalityStatus.CONCLUDED);
            case CONCLUDED -> EnumSet.noneOf(LegalityStatus.class);
        };
        for (LegalityStatus to : LegalityStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OpinionStatus.class)
    void an_opinion_is_issued_once(OpinionStatus from) {
        for (OpinionStatus to : OpinionStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to)
                    .isEqualTo(from == OpinionStatus.DRAFT && to == OpinionStatus.ISSUED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CaseStatus.class)
    void a_case_follows_its_table(CaseStatus from) {
        Set<CaseStatus> allowed = switch (from) {
            case REGISTERED -> EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.CLOSED);
            case IN_PROGRESS -> EnumSet.of(CaseStatus.JUDGED, CaseStatus.CLOSED);
            case JUDGED -> EnumSet.of(CaseStatus.APPEALED, CaseStatus.CLOSED);
            case APPEALED -> EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
        for (CaseStatus to : CaseStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
    }

    @Test
    void a_reviewer_other_than_the_submitter_takes_the_draft_on_and_concludes_it() {
        LegalityReview r = LegalityReview.submit(UUID.randomUUID(), TOWN, "专项资金管理办法", "经济发展办", null, null,
                "eco", NOW);
        assertThatThrownBy(() -> r.conclude(LegalityOutcome.LEGAL, "合法", "counsel", TODAY, NOW))
                .as("not taken on yet").isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> r.take("eco", NOW)).isInstanceOf(ForbiddenException.class);
        r.take("counsel", NOW);
        assertThatThrownBy(() -> r.take("other", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> r.conclude(LegalityOutcome.LEGAL, "合法", "other", TODAY, NOW))
                .as("another reviewer's").isInstanceOf(ForbiddenException.class);
        r.conclude(LegalityOutcome.LEGAL_WITH_CHANGES, "第五条删去", "counsel", TODAY, NOW);
        assertThat(r.status()).isEqualTo(LegalityStatus.CONCLUDED);
        assertThat(r.concludedOn()).isEqualTo(TODAY);
        assertThat(r.pullEvents()).singleElement().isInstanceOf(LegalEvent.ReviewConcluded.class);
        assertThatThrownBy(() -> r.conclude(LegalityOutcome.ILLEGAL, "x", "counsel", TODAY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(r.trail()).extracting(TrailEntry::to).containsExactly("SUBMITTED", "IN_REVIEW", "CONCLUDED");
    }

    @Test
    void an_opinion_is_issued_with_its_text_and_number_once() {
        LegalOpinion o = LegalOpinion.draft(UUID.randomUUID(), TOWN, SubjectArea.LAND_ACQUISITION, "补偿标准是否合法?",
                null, "何律师", "clerk", NOW);
        assertThatThrownBy(() -> o.issue(null, TODAY, 1, "clerk", TODAY, NOW)).isInstanceOf(InvalidFieldException.class)
                .extracting("field").isEqualTo("opinion");
        assertThatThrownBy(() -> o.issue("意见", TODAY.plusDays(1), 1, "clerk", TODAY, NOW))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("issuedOn");
        assertThat(o.number()).isNull();
        o.issue("符合规定", TODAY, 35, "clerk", TODAY, NOW);
        assertThat(o.number()).isEqualTo("法律意见书〔2019〕35号");
        assertThat(o.pullEvents()).singleElement().isInstanceOf(LegalEvent.OpinionIssued.class);
        assertThatThrownBy(() -> o.issue("again", TODAY, 36, "clerk", TODAY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void a_case_goes_through_hearings_judgment_and_appeal_to_its_outcome() {
        LegalCase c = legalCase();
        assertThatThrownBy(() -> c.judge(TODAY, "x", "clerk", TODAY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.appeal(TODAY, null, "clerk", TODAY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        c.recordHearing(TODAY.minusDays(10), "一审开庭", "clerk", NOW);
        c.recordHearing(TODAY.minusDays(5), "二次开庭", "clerk", NOW);
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        c.judge(TODAY.minusDays(3), "驳回原告诉讼请求", "clerk", TODAY, NOW);
        assertThatThrownBy(() -> c.recordHearing(TODAY, "x", "clerk", NOW))
                .isInstanceOf(IllegalTransitionException.class);
        c.appeal(TODAY.minusDays(1), "原告上诉", "clerk", TODAY, NOW);
        assertThat(c.appeals()).isEqualTo(1);
        c.recordHearing(TODAY, "二审开庭", "clerk", NOW);
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        c.judge(TODAY, "驳回上诉，维持原判", "clerk", TODAY, NOW);
        c.close(CaseOutcome.WON, TODAY, null, "clerk", TODAY, NOW);
        assertThat(c.hearings()).hasSize(3);
        assertThat(c.pullEvents()).singleElement().isInstanceOf(LegalEvent.CaseClosed.class);
        assertThatThrownBy(() -> c.close(CaseOutcome.WON, TODAY, null, "clerk", TODAY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.recordHearing(TODAY, "x", "clerk", NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void a_case_never_judged_closes_only_settled_or_withdrawn() {
        LegalCase c = legalCase();
        assertThatThrownBy(() -> c.close(CaseOutcome.WON, TODAY, null, "clerk", TODAY, NOW))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("outcome");
        assertThatThrownBy(() -> c.recordHearing(TODAY.minusYears(1), "x", "clerk", NOW))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("heldOn");
        c.close(CaseOutcome.WITHDRAWN, TODAY, "原告撤诉", "clerk", TODAY, NOW);
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.outcome()).isEqualTo(CaseOutcome.WITHDRAWN);
    }

    private static LegalCase legalCase() {
        return LegalCase.register(UUID.randomUUID(), TOWN, new LegalCase.Parties("（2019）粤0606行初1号", "顺德区人民法院",
                CaseKind.ADMINISTRATIVE_LITIGATION, PartyRole.DEFENDANT, "陈某", "何律师", "房屋征收决定"),
                TODAY.minusDays(30), "clerk", TODAY, NOW);
    }
}
