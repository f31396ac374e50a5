package org.zhenwu.document.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhenwu.document.contract.ContractStatus.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** The 合同 aggregate without Spring. */
class ContractTest {
    private static final Instant NOW = Instant.parse("2019-04-15T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2019, 4, 15);

    @ParameterizedTest(name = "{0}")
    @EnumSource(ContractStatus.class)
    void only_the_tables_moves_are_allowed(ContractStatus from) {
        Set<ContractStatus> allowed = switch (from) {
            case DRAFT -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(REVIEWED, DRAFT);
            case REVIEWED -> EnumSet.of(SIGNED);
            case SIGNED -> EnumSet.of(IN_PERFORMANCE, TERMINATED);
            case IN_PERFORMANCE -> EnumSet.of(COMPLETED, TERMINATED);
            case COMPLETED, TERMINATED -> EnumSet.noneOf(ContractStatus.class);
        };
        for (ContractStatus to : ContractStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
        assertThat(from.closed()).isEqualTo(from == COMPLETED || from == TERMINATED);
    }

    @Test
    void a_rejected_review_sends_the_draft_back_and_keeps_the_round_then_a_passing_one_allows_signing() {
        Contract c = draft();
        c.requestReview("请审核", "drafter", NOW);
        c.concludeReview(ReviewOutcome.REJECTED, "违约责任条款缺失", "counsel", TODAY, NOW);
        assertThat(c.status()).isEqualTo(DRAFT);
        c.revise(terms(new BigDecimal("120000")), "drafter", NOW);
        c.requestReview(null, "drafter", NOW);
        c.concludeReview(ReviewOutcome.APPROVED_WITH_CHANGES, "补充违约条款后可签", "counsel", TODAY, NOW);
        assertThat(c.status()).isEqualTo(REVIEWED);
        assertThat(c.reviews()).extracting(ContractReview::round, ContractReview::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, ReviewOutcome.REJECTED),
                        org.assertj.core.groups.Tuple.tuple(2, ReviewOutcome.APPROVED_WITH_CHANGES));
        c.sign(TODAY, "drafter", TODAY, NOW);
        assertThat(c.status()).isEqualTo(SIGNED);
        assertThat(c.pullEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Reviewed", "Reviewed", "Signed");
    }

    @Test
    void the_drafter_never_reviews_their_own_contract() {
        Contract c = draft();
        c.requestReview(null, "drafter", NOW);
        assertThatThrownBy(() -> c.concludeReview(ReviewOutcome.APPROVED, "ok", "drafter", TODAY, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThat(c.status()).isEqualTo(UNDER_REVIEW);
    }

    @Test
    void signing_is_refused_without_a_passing_review_and_on_impossible_days() {
        Contract c = draft();
        assertThatThrownBy(() -> c.sign(TODAY, "drafter", TODAY, NOW)).isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("DRAFT");
        c.requestReview(null, "drafter", NOW);
        assertThatThrownBy(() -> c.sign(TODAY, "drafter", TODAY, NOW)).isInstanceOf(IllegalTransitionException.class);
        c.concludeReview(ReviewOutcome.APPROVED, "同意", "counsel", TODAY, NOW);
        assertThatThrownBy(() -> c.sign(TODAY.plusDays(1), "drafter", TODAY, NOW))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("signedOn");
        assertThatThrownBy(() -> c.sign(TODAY.minusDays(1), "drafter", TODAY, NOW))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("signedOn");
        assertThat(c.status()).isEqualTo(REVIEWED);
    }

    @Test
    void milestones_are_done_during_performance_and_completion_waits_for_all_of_them() {
        Contract c = signed();
        ContractMilestone first = c.addMilestone(TODAY.plusDays(10), "首付款", new BigDecimal("30000"), "drafter", NOW);
        c.addMilestone(TODAY.plusDays(60), "验收", null, "drafter", NOW);
        assertThatThrownBy(() -> c.completeMilestone(first.id(), TODAY, null, "drafter", TODAY, NOW))
                .as("not yet performed").isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.addMilestone(TODAY, "尾款", new BigDecimal("90000.01"), "drafter", NOW))
                .as("more than the contract amount").isInstanceOf(InvalidFieldException.class)
                .extracting("field").isEqualTo("amount");
        c.startPerformance("drafter", NOW);
        c.completeMilestone(first.id(), TODAY, "已支付", "drafter", TODAY, NOW);
        assertThatThrownBy(() -> c.completeMilestone(first.id(), TODAY, null, "drafter", TODAY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.completeMilestone(UUID.randomUUID(), TODAY, null, "drafter", TODAY, NOW))
                .isInstanceOf(org.zhenwu.platform.web.NotFoundException.class);
        assertThatThrownBy(() -> c.complete(TODAY, "drafter", TODAY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        c.completeMilestone(c.milestones().get(1).id(), TODAY, null, "drafter", TODAY, NOW);
        c.complete(TODAY, "drafter", TODAY, NOW);
        assertThat(c.status()).isEqualTo(COMPLETED);
        assertThat(c.closedOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> c.addMilestone(TODAY, "x", null, "drafter", NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.terminate("x", TODAY, "drafter", TODAY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void a_signed_contract_may_be_terminated_with_a_reason_and_nothing_moves_after() {
        Contract c = signed();
        c.pullEvents();
        c.terminate("对方违约", TODAY, "drafter", TODAY, NOW);
        assertThat(c.terminationReason()).isEqualTo("对方违约");
        assertThat(c.pullEvents()).singleElement().isInstanceOfSatisfying(ContractEvent.Closed.class,
                e -> assertThat(e.outcome()).isEqualTo(TERMINATED));
        assertThatThrownBy(() -> c.startPerformance("drafter", NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void only_drafts_are_revised_and_every_other_illegal_move_is_refused() {
        Contract c = draft();
        assertThatThrownBy(() -> c.startPerformance("x", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.complete(TODAY, "x", TODAY, NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.terminate("r", TODAY, "x", TODAY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.concludeReview(ReviewOutcome.APPROVED, "ok", "counsel", TODAY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        c.requestReview(null, "drafter", NOW);
        assertThatThrownBy(() -> c.requestReview(null, "drafter", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.revise(terms(BigDecimal.TEN), "drafter", NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void the_expiry_reminder_comes_once_within_the_window_and_only_for_signed_contracts() {
        Contract c = signed(); // term ends 2019-12-31
        LocalDate early = LocalDate.of(2019, 11, 20);
        assertThat(c.announceExpiry(early, early.plusDays(30), NOW)).as("41 days left").isFalse();
        LocalDate inWindow = LocalDate.of(2019, 12, 1);
        assertThat(c.announceExpiry(inWindow, inWindow.plusDays(30), NOW)).isTrue();
        assertThat(c.announceExpiry(inWindow, inWindow.plusDays(30), NOW)).as("once").isFalse();
        assertThat(c.pullEvents()).filteredOn(e -> e instanceof ContractEvent.Expiring).singleElement()
                .isInstanceOfSatisfying(ContractEvent.Expiring.class, e -> assertThat(e.daysLeft()).isEqualTo(30));
        Contract d = draft();
        assertThat(d.announceExpiry(inWindow, inWindow.plusDays(30), NOW)).as("a draft is not reminded").isFalse();
    }

    @Test
    void terms_are_checked_naming_the_field() {
        assertField(new Contract.Terms("t", ContractType.SERVICE, "c", null, new BigDecimal("-1"), TODAY, TODAY, "u"),
                "amount");
        assertField(new Contract.Terms("t", ContractType.SERVICE, "c", null, new BigDecimal("1.001"), TODAY, TODAY,
                "u"),
                "amount");
        assertField(new Contract.Terms("t", ContractType.SERVICE, "c", null, new BigDecimal("100000000000000"), TODAY,
                TODAY, "u"), "amount");
        assertField(new Contract.Terms("t", ContractType.SERVICE, "c", null, BigDecimal.ONE, TODAY, TODAY.minusDays(1),
                "u"), "termEnd");
        assertField(new Contract.Terms("t", ContractType.SERVICE, "c", "91440606MA4UQ12343", BigDecimal.ONE, TODAY,
                TODAY, "u"), "counterpartyCreditCode");
        Contract.Terms ok = new Contract.Terms(" t ", ContractType.SERVICE, "c", "91440606ma4uq12342",
                new BigDecimal("5"), TODAY, TODAY, "u").checked();
        assertThat(ok.counterpartyCreditCode()).isEqualTo("91440606MA4UQ12342");
        assertThat(ok.amount()).isEqualByComparingTo("5.00");
        assertThat(ok.title()).isEqualTo("t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91440606MA4UQ12342", "124406060072134566", "91440606190338876J"})
    void valid_credit_codes_pass_the_gb_32100_check(String code) {
        assertThat(CreditCode.valid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "91350100M000100Y433", "9135010OM000100Y43",
            "91350100I000100Y43", "91350100m000100y43", ""})
    void codes_with_a_wrong_check_character_length_or_letter_fail(String code) {
        assertThat(CreditCode.valid(code)).isFalse();
    }

    private static void assertField(Contract.Terms terms, String field) {
        assertThatThrownBy(terms::checked)
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo(field);
    }

    private static Contract.Terms terms(BigDecimal amount) {
        return new Contract.Terms("食堂食材采购合同", ContractType.PROCUREMENT, "明辉公司", "91440606MA4UQ12342", amount,
                LocalDate.of(2019, 5, 1), LocalDate.of(2019, 12, 31), "党政办");
    }

    private static Contract draft() {
        return Contract.register(UUID.randomUUID(), "440606104", terms(new BigDecimal("120000")), 2019, 1, "drafter",
                NOW);
    }

    private static Contract signed() {
        Contract c = draft();
        c.requestReview(null, "drafter", NOW);
        c.concludeReview(ReviewOutcome.APPROVED, "同意", "counsel", TODAY, NOW);
        c.sign(TODAY, "drafter", TODAY, NOW);
        return c;
    }
}
