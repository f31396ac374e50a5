package org.zhenwu.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.web.IllegalTransitionException;

/** The aggregate's rules, without Spring: each scenario is one day in an agent's or a department's life. */
class WorkOrderLoopTest {
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.china();
    // Monday 2026-11-23, 10:00 Beijing time
    private static final Instant MONDAY = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void a_complaint_goes_round_the_whole_loop_with_a_return_and_a_reopen() {
        WorkOrder order = complaint();
        order.dispatch("市场监管所", "agent", null, MONDAY);
        order.returnToAgents("handler", "不属本单位职责", MONDAY.plusSeconds(3600), LocalDate.of(2026, 11, 25));
        assertThat(order.status()).isEqualTo(WorkOrderStatus.RETURNED);
        assertThat(order.queue()).isEqualTo(AgentQueue.DISPATCH);

        order.dispatch("城市管理办", "agent", "改派", MONDAY.plusSeconds(7200));
        order.sign("handler", MONDAY.plusSeconds(7300), LocalDate.of(2026, 12, 31));
        order.reply("handler", "已清理占道摊位", MONDAY.plusSeconds(86_400));
        assertThat(order.queue()).isEqualTo(AgentQueue.REVISIT);

        order.revisit("agent", Satisfaction.DISSATISFIED, "摊位又回来了", MONDAY.plusSeconds(2 * 86_400), CALENDAR, 5);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.REOPENED);
        assertThat(order.reopenCount()).isEqualTo(1);
        assertThat(order.dueDate()).isEqualTo(LocalDate.of(2026, 12, 2)); // Wednesday + 5 working days

        order.dispatch("城市管理办", "agent", "重办", MONDAY.plusSeconds(2 * 86_400 + 60));
        order.sign("handler", MONDAY.plusSeconds(2 * 86_400 + 120), LocalDate.of(2026, 12, 31));
        order.reply("handler", "已建立长效巡查", MONDAY.plusSeconds(3 * 86_400));
        order.revisit("agent", Satisfaction.SATISFIED, null, MONDAY.plusSeconds(4 * 86_400), CALENDAR, 5);

        assertThat(order.status()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(order.queue()).isNull();
        assertThat(order.transitions()).extracting(WorkOrderTransition::toStatus).containsExactly(
                WorkOrderStatus.ACCEPTED, WorkOrderStatus.DISPATCHED, WorkOrderStatus.RETURNED, WorkOrderStatus.DISPATCHED,
                WorkOrderStatus.SIGNED, WorkOrderStatus.REPLIED, WorkOrderStatus.REOPENED, WorkOrderStatus.DISPATCHED,
                WorkOrderStatus.SIGNED, WorkOrderStatus.REPLIED, WorkOrderStatus.CLOSED);
        assertThat(order.pullEvents()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "Accepted", "Dispatched", "Dispatched", "Replied", "Reopened", "Dispatched", "Replied", "Closed");
    }

    @Test
    void a_department_cannot_return_an_order_after_the_return_window() {
        WorkOrder order = complaint();
        order.dispatch("城市管理办", "agent", null, MONDAY);
        Instant thursday = MONDAY.plusSeconds(3 * 86_400);
        assertThatThrownBy(() -> order.returnToAgents("handler", "不归我管", thursday, LocalDate.of(2026, 11, 25)))
                .isInstanceOf(WorkOrderRuleViolation.class).extracting("rule").isEqualTo("return-window-closed");
        assertThat(order.status()).isEqualTo(WorkOrderStatus.DISPATCHED);
    }

    @Test
    void only_consultations_are_answered_at_once() {
        WorkOrder complaint = complaint();
        assertThatThrownBy(() -> complaint.answerAtOnce("agent", "答复", MONDAY))
                .isInstanceOf(WorkOrderRuleViolation.class);
        WorkOrder question = WorkOrder.accept(UUID.randomUUID(), "440606104", "n2", new Intake(
                WorkOrderType.CONSULTATION, Channel.PHONE, "社保/医保", Urgency.NORMAL, null, null, false, null,
                "医保怎么转移"), LocalDate.of(2026, 11, 26), "agent", MONDAY);
        question.answerAtOnce("agent", "携带身份证到社保窗口办理", MONDAY);
        assertThat(question.status()).isEqualTo(WorkOrderStatus.CLOSED);
    }

    @Test
    void an_overdue_order_is_escalated_once_and_an_approved_extension_moves_the_deadline() {
        WorkOrder order = complaint();
        order.dispatch("城市管理办", "agent", null, MONDAY);
        Instant afterDue = order.dueDate().plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).plusHours(9).toInstant();
        assertThat(order.escalateIfOverdue(MONDAY)).isFalse();
        assertThat(order.escalateIfOverdue(afterDue)).isTrue();
        assertThat(order.escalateIfOverdue(afterDue)).as("the job may see it twice").isFalse();
        assertThat(order.queue()).isEqualTo(AgentQueue.OVERDUE);

        order.requestExtension("handler", 5, "需协调供电部门", afterDue, 10);
        assertThatThrownBy(() -> order.requestExtension("handler", 3, "again", afterDue, 10))
                .isInstanceOf(WorkOrderRuleViolation.class).extracting("rule").isEqualTo("extension-pending");
        LocalDate before = order.dueDate();
        order.decideExtension("agent", true, null, afterDue, CALENDAR);
        assertThat(order.dueDate()).isEqualTo(CALENDAR.addWorkingDays(before, 5));
        assertThat(order.escalated()).isFalse();
        assertThat(order.pullEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Accepted", "Dispatched", "Escalated");
    }

    @Test
    void extensions_longer_than_the_limit_are_refused() {
        WorkOrder order = complaint();
        order.dispatch("城市管理办", "agent", null, MONDAY);
        assertThatThrownBy(() -> order.requestExtension("handler", 11, "太忙", MONDAY, 10))
                .isInstanceOf(WorkOrderRuleViolation.class).extracting("rule").isEqualTo("extension-too-long");
    }

    @Test
    void a_repeat_request_is_merged_into_the_earlier_open_order_of_the_same_town() {
        WorkOrder earlier = complaint();
        WorkOrder repeat = complaint();
        repeat.mergeInto(earlier, "agent", MONDAY);
        assertThat(repeat.status()).isEqualTo(WorkOrderStatus.MERGED);
        assertThat(repeat.mergedInto()).isEqualTo(earlier.id());
        assertThat(earlier.transitions()).last().extracting(WorkOrderTransition::note).asString().contains("并单");
        assertThatThrownBy(() -> complaint().mergeInto(repeat, "agent", MONDAY)).isInstanceOf(WorkOrderRuleViolation.class);
        assertThatThrownBy(() -> repeat.dispatch("x", "agent", null, MONDAY)).isInstanceOf(IllegalTransitionException.class);
    }

    private static WorkOrder complaint() {
        return WorkOrder.accept(UUID.randomUUID(), "440606104", "440606104-20261123-00001",
                new Intake(WorkOrderType.COMPLAINT, Channel.PHONE, "城市管理/占道经营", Urgency.NORMAL, "张三",
                        "13800001234", false, "乐从镇河滨路", "门口长期占道经营"),
                CALENDAR.addWorkingDays(LocalDate.of(2026, 11, 23), 13), "agent", MONDAY);
    }
}
