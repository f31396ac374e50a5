package org.zhenwu.hotline.workorder;

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
import org.zhenwu.platform.web.IllegalTransitionException;

class WorkOrderStatusTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(WorkOrderStatus.class)
    void only_the_loops_moves_are_allowed(WorkOrderStatus from) {
        Set<WorkOrderStatus> allowed = switch (from) {
            case ACCEPTED -> EnumSet.of(WorkOrderStatus.DISPATCHED, WorkOrderStatus.CLOSED, WorkOrderStatus.MERGED);
            case DISPATCHED -> EnumSet.of(WorkOrderStatus.SIGNED, WorkOrderStatus.RETURNED);
            case SIGNED -> EnumSet.of(WorkOrderStatus.REPLIED, WorkOrderStatus.RETURNED);
            case RETURNED -> EnumSet.of(WorkOrderStatus.DISPATCHED, WorkOrderStatus.MERGED);
            case REPLIED -> EnumSet.of(WorkOrderStatus.CLOSED, WorkOrderStatus.REOPENED);
            case REOPENED -> EnumSet.of(WorkOrderStatus.DISPATCHED, WorkOrderStatus.SIGNED);
            case CLOSED, MERGED -> EnumSet.noneOf(WorkOrderStatus.class);
        };
        for (WorkOrderStatus to : WorkOrderStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
    }

    @Test
    void accepting_records_the_first_line_of_the_audit_trail_and_one_event() {
        WorkOrder order = accepted();
        assertThat(order.status()).isEqualTo(WorkOrderStatus.ACCEPTED);
        assertThat(order.transitions()).singleElement().satisfies(t -> {
            assertThat(t.fromStatus()).isNull();
            assertThat(t.toStatus()).isEqualTo(WorkOrderStatus.ACCEPTED);
            assertThat(t.actor()).isEqualTo("agent-1");
        });
        assertThat(order.pullEvents()).singleElement().isInstanceOf(WorkOrderEvent.Accepted.class);
        assertThat(order.pullEvents()).isEmpty();
    }

    @Test
    void dispatching_twice_is_an_illegal_transition_and_changes_nothing() {
        WorkOrder order = accepted();
        order.dispatch("城市管理办", "agent-1", null, Instant.now());
        assertThatThrownBy(() -> order.dispatch("市场监管所", "agent-1", null, Instant.now()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("DISPATCHED");
        assertThat(order.department()).isEqualTo("城市管理办");
        assertThat(order.transitions()).hasSize(2);
    }

    private static WorkOrder accepted() {
        return WorkOrder.accept(UUID.randomUUID(), "440606104", "440606104-20261126-00001",
                new Intake(WorkOrderType.COMPLAINT, Channel.PHONE, "城市管理/占道经营", Urgency.NORMAL, "张三",
                        "13800001234", false, "乐从镇某路", "门口占道经营"),
                LocalDate.of(2026, 12, 15), "agent-1", Instant.now());
    }
}
