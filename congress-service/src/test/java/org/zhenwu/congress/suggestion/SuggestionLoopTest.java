package org.zhenwu.congress.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** The loop after 交办, on the aggregate alone: replies, feedback, re-handling, tracking, extensions, deadlines. */
class SuggestionLoopTest {
    /** 18 January 2019, 11:00 in Foshan. */
    static final Instant ASSIGNED = Instant.parse("2019-01-18T03:00:00Z");
    static final String LEAD = "规划建设办";

    static Instant on(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(org.zhenwu.platform.calendar.WorkingDayCalendar.ZONE).toInstant();
    }

    static Suggestion assigned(String... coUnits) {
        Suggestion s = Suggestion.submit(UUID.randomUUID(), "440606104", new Suggestion.Submission("第十七届人大第七次会议",
                "关于加快乐从大道东延线建设的建议", "内容", List.of("陈国强", "李秀英"), Instant.parse("2019-01-15T02:00:00Z")),
                "staff", Instant.parse("2019-01-15T02:00:00Z"));
        s.register(() -> 12, "staff", Instant.parse("2019-01-16T02:00:00Z"));
        s.assign(LEAD, List.of(coUnits), 3, 1, "staff", ASSIGNED);
        s.pullEvents();
        return s;
    }

    @Test
    void a_joint_suggestion_answered_b_then_dissatisfied_is_re_handled_within_a_month_and_closed() {
        Suggestion s = assigned("经济发展办");
        assertThat(s.coViewsDue()).isEqualTo(LocalDate.parse("2019-02-18"));

        s.giveCoUnitView("经济发展办", "同意纳入年度计划", "handler-econ", on("2019-02-01"));
        s.reply(ReplyCategory.B, "一期工程已招标, 二期列入2020年计划", "handler-plan", on("2019-04-10"));
        assertThat(s.status()).isEqualTo(SuggestionStatus.REPLIED);
        assertThat(s.firstReplyOnTime()).isTrue();

        s.feedback(Satisfaction.DISSATISFIED, "进度太慢", 1, 1, "staff", on("2019-04-20"));
        assertThat(s.status()).isEqualTo(SuggestionStatus.REHANDLING);
        assertThat(s.replyDue()).isEqualTo(LocalDate.parse("2019-05-20"));
        assertThat(s.rehandlings()).isEqualTo(1);

        s.reply(ReplyCategory.A, "二期提前至2019年开工", "handler-plan", on("2019-05-17"));
        s.feedback(Satisfaction.SATISFIED, null, 1, 1, "staff", on("2019-05-28"));
        assertThat(s.status()).isEqualTo(SuggestionStatus.CLOSED);
        assertThat(s.closedAt()).isEqualTo(on("2019-05-28"));

        List<SuggestionEvent> events = s.pullEvents();
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("CoUnitViewGiven", "Replied",
                "FeedbackGiven", "Replied", "FeedbackGiven", "Closed");
        assertThat(events.get(3)).isInstanceOfSatisfying(SuggestionEvent.Replied.class, r -> {
            assertThat(r.stage()).isEqualTo(ReplyStage.REHANDLED);
            assertThat(r.round()).isEqualTo(2);
            assertThat(r.onTime()).isTrue();
        });
        assertThat(events.get(5)).isInstanceOfSatisfying(SuggestionEvent.Closed.class, c -> {
            assertThat(c.firstReplyOnTime()).isTrue();
            assertThat(c.replies()).isEqualTo(2);
            assertThat(c.category()).isEqualTo(ReplyCategory.A);
        });
        assertThat(s.replies()).extracting(SuggestionReply::satisfaction)
                .containsExactly(Satisfaction.DISSATISFIED, Satisfaction.SATISFIED);
    }

    @Test
    void a_b_or_c_matter_stays_open_after_a_good_verdict_and_is_closed_once_answered_as_solved() {
        Suggestion s = assigned();
        s.reply(ReplyCategory.C, "受用地指标限制, 待以后解决", "handler", on("2019-04-01"));
        s.feedback(Satisfaction.BASICALLY_SATISFIED, null, 1, 1, "staff", on("2019-04-05"));
        assertThat(s.status()).isEqualTo(SuggestionStatus.TRACKING);
        assertThat(s.closedAt()).isNull();

        s.reply(ReplyCategory.A, "已解决", "handler", on("2020-06-01"));
        SuggestionReply followUp = s.replies().get(1);
        assertThat(followUp.stage()).isEqualTo(ReplyStage.FOLLOW_UP);
        assertThat(followUp.due()).as("a follow-up has no deadline").isNull();
        assertThat(followUp.onTime()).isTrue();
        s.feedback(Satisfaction.SATISFIED, null, 1, 1, "staff", on("2020-06-05"));
        assertThat(s.status()).isEqualTo(SuggestionStatus.CLOSED);
    }

    @Test
    void a_second_dissatisfied_verdict_ends_re_handling_closing_a_d_and_keeping_a_b_open() {
        Suggestion d = assigned();
        d.reply(ReplyCategory.D, "留作参考", "handler", on("2019-03-01"));
        d.feedback(Satisfaction.DISSATISFIED, null, 1, 1, "staff", on("2019-03-05"));
        d.reply(ReplyCategory.D, "仍留作参考", "handler", on("2019-03-20"));
        d.feedback(Satisfaction.DISSATISFIED, null, 1, 1, "staff", on("2019-03-25"));
        assertThat(d.status()).isEqualTo(SuggestionStatus.CLOSED);
        assertThat(d.satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);

        Suggestion b = assigned();
        b.reply(ReplyCategory.B, "列入规划", "handler", on("2019-03-01"));
        b.feedback(Satisfaction.DISSATISFIED, null, 1, 0, "staff", on("2019-03-05"));
        assertThat(b.status()).as("no re-handling allowed: tracked until solved").isEqualTo(SuggestionStatus.TRACKING);
    }

    @Test
    void a_late_reply_counts_as_late_and_so_does_a_late_re_handled_one() {
        Suggestion s = assigned();
        s.reply(ReplyCategory.A, "已解决", "handler", on("2019-04-19"));
        assertThat(s.firstReplyOnTime()).isFalse();
        s.feedback(Satisfaction.DISSATISFIED, null, 1, 1, "staff", on("2019-04-22"));
        s.reply(ReplyCategory.A, "已解决", "handler", on("2019-05-23"));
        assertThat(s.replies().get(1).onTime()).isFalse();
        assertThat(s.replies().get(1).due()).isEqualTo(LocalDate.parse("2019-05-22"));
    }

    @Test
    void a_complex_case_is_extended_up_to_six_months_before_its_deadline_with_the_deputies_told() {
        Suggestion s = assigned();
        assertThatThrownBy(() -> s.extend(LocalDate.parse("2019-07-19"), "复杂", LocalDate.parse("2019-04-01"), 6, "staff",
                on("2019-04-01"))).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("replyDue");
        assertThatThrownBy(() -> s.extend(LocalDate.parse("2019-04-18"), "复杂", LocalDate.parse("2019-04-01"), 6, "staff",
                on("2019-04-01"))).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("replyDue");
        assertThatThrownBy(() -> s.extend(LocalDate.parse("2019-07-18"), "复杂", LocalDate.parse("2019-04-02"), 6, "staff",
                on("2019-04-01"))).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("deputiesToldOn");
        assertThat(s.replyDue()).isEqualTo(LocalDate.parse("2019-04-18"));

        s.extend(LocalDate.parse("2019-07-18"), "涉及跨区规划", LocalDate.parse("2019-04-01"), 6, "staff", on("2019-04-01"));
        assertThat(s.replyDue()).isEqualTo(LocalDate.parse("2019-07-18"));
        assertThat(s.extendedFrom()).isEqualTo(LocalDate.parse("2019-04-18"));
        assertThat(s.pullEvents()).singleElement().isInstanceOf(SuggestionEvent.Extended.class);

        s.reply(ReplyCategory.A, "已解决", "handler", on("2019-07-01"));
        assertThat(s.firstReplyOnTime()).as("on time against the extended deadline").isTrue();
        assertThatThrownBy(() -> s.extend(LocalDate.parse("2019-07-18"), "x", LocalDate.parse("2019-07-01"), 6, "staff",
                on("2019-07-01"))).isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("REPLIED");
    }

    @Test
    void an_extension_comes_before_the_deadline_not_after() {
        Suggestion s = assigned();
        assertThatThrownBy(() -> s.extend(LocalDate.parse("2019-07-18"), "复杂", LocalDate.parse("2019-04-19"), 6, "staff",
                on("2019-04-19"))).isInstanceOf(SuggestionRuleViolation.class).extracting("rule").isEqualTo("deadline-passed");
    }

    @Test
    void co_units_give_their_views_once_and_only_for_themselves() {
        Suggestion s = assigned("经济发展办", "财政办");
        assertThatThrownBy(() -> s.giveCoUnitView("城管办", "x", "h", on("2019-02-01")))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("unit");
        s.giveCoUnitView("财政办", "资金可安排", "h", on("2019-02-25"));
        assertThat(s.pullEvents()).singleElement().isInstanceOfSatisfying(SuggestionEvent.CoUnitViewGiven.class,
                v -> assertThat(v.onTime()).as("due 18 February").isFalse());
        assertThatThrownBy(() -> s.giveCoUnitView("财政办", "again", "h", on("2019-02-26")))
                .isInstanceOf(SuggestionRuleViolation.class).extracting("rule").isEqualTo("co-unit-view-given");
        s.reply(ReplyCategory.A, "已解决", "handler", on("2019-03-01"));
        assertThatThrownBy(() -> s.giveCoUnitView("经济发展办", "late", "h", on("2019-03-02")))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("REPLIED");
    }

    @Test
    void feedback_needs_a_reply_first() {
        Suggestion s = assigned();
        assertThatThrownBy(() -> s.feedback(Satisfaction.SATISFIED, null, 1, 1, "staff", on("2019-02-01")))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("ASSIGNED");
        assertThat(s.transitions()).hasSize(3);
    }

    @Test
    void the_reply_is_reminded_once_before_and_escalated_once_after_its_deadline() {
        Suggestion s = assigned();
        assertThat(s.escalateReplyIfOverdue(LocalDate.parse("2019-04-18"), on("2019-04-18"))).isFalse();
        assertThat(s.remindReply(LocalDate.parse("2019-04-12"), on("2019-04-12"))).isTrue();
        assertThat(s.remindReply(LocalDate.parse("2019-04-13"), on("2019-04-13"))).isFalse();
        assertThat(s.escalateReplyIfOverdue(LocalDate.parse("2019-04-19"), on("2019-04-19"))).isTrue();
        assertThat(s.escalateReplyIfOverdue(LocalDate.parse("2019-04-20"), on("2019-04-20"))).isFalse();
        assertThat(s.pullEvents()).extracting(e -> e.getClass().getSimpleName()).containsExactly("Reminded", "Escalated");
        s.reply(ReplyCategory.A, "已解决", "handler", on("2019-04-22"));
        assertThat(s.escalateReplyIfOverdue(LocalDate.parse("2019-04-23"), on("2019-04-23"))).isFalse();
    }

    @Test
    void each_silent_co_unit_is_escalated_after_a_month_and_none_once_all_have_spoken() {
        Suggestion s = assigned("经济发展办", "财政办", "城管办");
        s.giveCoUnitView("财政办", "同意", "h", on("2019-02-01"));
        assertThat(s.escalateCoUnitsIfOverdue(LocalDate.parse("2019-02-18"), on("2019-02-18"))).isFalse();
        assertThat(s.escalateCoUnitsIfOverdue(LocalDate.parse("2019-02-19"), on("2019-02-19"))).isTrue();
        assertThat(s.pullEvents()).filteredOn(SuggestionEvent.Escalated.class::isInstance)
                .extracting(e -> ((SuggestionEvent.Escalated) e).unit()).containsExactly("经济发展办", "城管办");

        Suggestion all = assigned("财政办");
        all.giveCoUnitView("财政办", "同意", "h", on("2019-02-01"));
        assertThat(all.remindCoUnits(LocalDate.parse("2019-02-15"), on("2019-02-15"))).isFalse();
        assertThat(all.escalateCoUnitsIfOverdue(LocalDate.parse("2019-03-01"), on("2019-03-01"))).isFalse();
    }

    @Test
    void a_completed_supervision_task_is_noted_once() {
        Suggestion s = assigned();
        UUID task = UUID.randomUUID();
        assertThat(s.recordSupervisionCompleted(task, LocalDate.parse("2019-04-10"), LEAD, "已完成招标", on("2019-04-10"))).isTrue();
        assertThat(s.recordSupervisionCompleted(task, LocalDate.parse("2019-04-10"), LEAD, "已完成招标", on("2019-04-11"))).isFalse();
        assertThat(s.supervisionCompletedOn()).isEqualTo(LocalDate.parse("2019-04-10"));
        assertThat(s.status()).isEqualTo(SuggestionStatus.ASSIGNED);
        assertThat(s.transitions()).last().extracting(SuggestionTransition::note).asString().contains("督办任务办结", "已完成招标");
    }

    @Test
    void a_motion_needs_enough_deputies() {
        var three = new Suggestion.Submission(SuggestionKind.MOTION, "第十七届人大第七次会议", "议案", "内容",
                List.of("甲", "乙", "丙"), Instant.parse("2019-01-15T02:00:00Z"));
        assertThatThrownBy(() -> Suggestion.submit(UUID.randomUUID(), "440606104", three, 5, "staff", ASSIGNED))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("deputies");
        var five = new Suggestion.Submission(SuggestionKind.MOTION, "第十七届人大第七次会议", "议案", "内容",
                List.of("甲", "乙", "丙", "丁", "戊"), Instant.parse("2019-01-15T02:00:00Z"));
        assertThat(Suggestion.submit(UUID.randomUUID(), "440606104", five, 5, "staff", ASSIGNED).kind())
                .isEqualTo(SuggestionKind.MOTION);
    }

    static Suggestion.Submission proposal(ProposerType type, String group, String... members) {
        return new Suggestion.Submission(SuggestionKind.PROPOSAL, "区政协十四届四次会议", "关于加强校园周边交通管理的提案", "内容",
                List.of(members), Instant.parse("2019-01-15T02:00:00Z"), type, group);
    }

    @Test
    void a_cppcc_proposal_is_tabled_by_a_member_members_jointly_a_group_or_a_sector() {
        assertThat(Suggestion.submit(UUID.randomUUID(), "440606104", proposal(ProposerType.MEMBER, null, "何委员"), 5, "staff", ASSIGNED)
                .kind()).isEqualTo(SuggestionKind.PROPOSAL);
        assertThat(Suggestion.submit(UUID.randomUUID(), "440606104", proposal(ProposerType.SECTOR, "经济界"), 5, "staff", ASSIGNED)
                .proposerGroup()).isEqualTo("经济界");
        assertThatThrownBy(() -> Suggestion.submit(UUID.randomUUID(), "440606104", proposal(ProposerType.MEMBER, null, "甲", "乙"), 5,
                "staff", ASSIGNED)).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("members");
        assertThatThrownBy(() -> Suggestion.submit(UUID.randomUUID(), "440606104", proposal(ProposerType.JOINT, null, "甲"), 5,
                "staff", ASSIGNED)).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("members");
        assertThatThrownBy(() -> Suggestion.submit(UUID.randomUUID(), "440606104", proposal(ProposerType.GROUP, " ", "甲"), 5,
                "staff", ASSIGNED)).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("proposerGroup");
        assertThatThrownBy(() -> Suggestion.submit(UUID.randomUUID(), "440606104", proposal(null, null, "甲"), 5,
                "staff", ASSIGNED)).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("proposerType");
        var suggestionWithType = new Suggestion.Submission(SuggestionKind.SUGGESTION, "第十七届人大第七次会议", "t", "c",
                List.of("陈国强"), Instant.parse("2019-01-15T02:00:00Z"), ProposerType.MEMBER, null);
        assertThatThrownBy(() -> Suggestion.submit(UUID.randomUUID(), "440606104", suggestionWithType, 5, "staff", ASSIGNED))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("proposerType");
    }

    @Test
    void a_proposal_runs_the_same_loop_with_the_same_codes_and_limits() {
        Suggestion p = Suggestion.submit(UUID.randomUUID(), "440606104", proposal(ProposerType.JOINT, null, "何委员", "梁委员"), 5,
                "staff", Instant.parse("2019-01-15T02:00:00Z"));
        p.register(() -> 1, "staff", Instant.parse("2019-01-16T02:00:00Z"));
        p.assign("教育办", List.of("交警中队"), 3, 1, "staff", ASSIGNED);
        assertThat(p.replyDue()).isEqualTo(LocalDate.parse("2019-04-18"));
        p.extend(LocalDate.parse("2019-07-18"), "涉及多部门", LocalDate.parse("2019-04-01"), 6, "staff", on("2019-04-01"));
        p.reply(ReplyCategory.C, "待以后解决", "handler", on("2019-07-10"));
        p.feedback(Satisfaction.BASICALLY_SATISFIED, null, 1, 1, "staff", on("2019-07-15"));
        assertThat(p.status()).isEqualTo(SuggestionStatus.TRACKING);
        assertThat(p.firstReplyOnTime()).isTrue();
    }
}
