package org.zhenwu.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

/**
 * A claim reads the order with its own statement, not through the entity: what the agent gets must be the same as
 * the entity's view of the leased order, field by field, in each queue an order can be claimed from.
 */
@ZhenwuIntegrationTest
class WorkOrderQueueTest {
    private static final Instant MONDAY = Instant.parse("2026-11-23T02:00:00Z");
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.china();

    @Autowired
    WorkOrderQueue queue;
    @Autowired
    WorkOrderRepository orders;
    @Autowired
    TransactionTemplate tx;

    @Test
    void a_reopened_order_claimed_from_the_dispatch_queue_is_the_entity_as_leased() {
        WorkOrder reopened = order("440606201", "满意度低，重办");
        reopened.dispatch("城市管理办", "agent", null, MONDAY);
        reopened.sign("handler", MONDAY.plusSeconds(60), LocalDate.of(2026, 12, 31));
        reopened.reply("handler", "已处理", MONDAY.plusSeconds(3_600));
        reopened.revisit("agent", Satisfaction.DISSATISFIED, "没解决", MONDAY.plusSeconds(7_200), CALENDAR, 5);

        WorkOrderView claimed = claimAndCompare(reopened, AgentQueue.DISPATCH);
        assertThat(claimed).extracting(WorkOrderView::status, WorkOrderView::satisfaction, WorkOrderView::reopenCount)
                .containsExactly(WorkOrderStatus.REOPENED, Satisfaction.DISSATISFIED, 1);
    }

    @Test
    void a_replied_order_claimed_for_its_return_visit_is_the_entity_as_leased() {
        WorkOrder replied = order("440606202", "等待回访");
        replied.dispatch("市场监管所", "agent", null, MONDAY);
        replied.sign("handler", MONDAY.plusSeconds(60), LocalDate.of(2026, 12, 31));
        replied.reply("handler", "已约谈商户", MONDAY.plusSeconds(3_600));

        WorkOrderView claimed = claimAndCompare(replied, AgentQueue.REVISIT);
        assertThat(claimed).extracting(WorkOrderView::reply, WorkOrderView::department)
                .containsExactly("已约谈商户", "市场监管所");
    }

    @Test
    void an_escalated_order_with_an_extension_pending_claimed_from_the_overdue_queue_is_the_entity_as_leased() {
        WorkOrder overdue = order("440606203", "超期且申请延期");
        overdue.dispatch("市场监管所", "agent", null, MONDAY);
        overdue.urge("leader", "尽快", MONDAY.plusSeconds(600));
        Instant afterDue = overdue.dueDate().plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).plusHours(9).toInstant();
        overdue.escalateIfOverdue(afterDue);
        overdue.requestExtension("handler", 5, "需协调", afterDue, 10);

        WorkOrderView claimed = claimAndCompare(overdue, AgentQueue.OVERDUE);
        assertThat(claimed).extracting(WorkOrderView::pendingExtensionDays, WorkOrderView::escalated,
                WorkOrderView::urgeCount).containsExactly(5, true, 1);
    }

    @Test
    void an_order_leased_to_another_agent_is_not_claimed_until_the_lease_runs_out() {
        WorkOrder fresh = order("440606204", "只有受理");
        tx.executeWithoutResult(s -> orders.save(fresh));
        Instant now = Instant.now();
        assertThat(claim(fresh.townCode(), AgentQueue.DISPATCH, "first", now)).isPresent();
        assertThat(claim(fresh.townCode(), AgentQueue.DISPATCH, "second", now.plusSeconds(60))).isEmpty();
        assertThat(claim(fresh.townCode(), AgentQueue.DISPATCH, "second", now.plusSeconds(601)))
                .map(WorkOrderView::leasedBy).contains("second");
    }

    private WorkOrderView claimAndCompare(WorkOrder order, AgentQueue from) {
        tx.executeWithoutResult(s -> orders.save(order));
        WorkOrderView claimed = claim(order.townCode(), from, "agent-7", Instant.now()).orElseThrow();
        WorkOrderView entity = tx.execute(s -> WorkOrderView.of(orders.findById(order.id()).orElseThrow()));
        assertThat(claimed).isEqualTo(entity);
        assertThat(claimed.leasedBy()).isEqualTo("agent-7");
        return claimed;
    }

    private Optional<WorkOrderView> claim(String town, AgentQueue from, String agent, Instant now) {
        return tx.execute(s -> queue.claim(town, from, agent, now, now.plusSeconds(600), LocalDate.of(2027, 1, 31)));
    }

    private static WorkOrder order(String town, String content) {
        return WorkOrder.accept(UUID.randomUUID(), town, "Q-" + UUID.randomUUID().toString().substring(0, 8),
                new Intake(WorkOrderType.COMPLAINT, Channel.WECHAT, "城市管理/占道经营", Urgency.URGENT, "李四",
                        "13800001234", true, "河滨路", content), LocalDate.of(2026, 11, 30), "agent",
                MONDAY.truncatedTo(ChronoUnit.SECONDS));
    }
}
