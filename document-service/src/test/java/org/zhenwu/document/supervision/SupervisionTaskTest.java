package org.zhenwu.document.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhenwu.document.supervision.SupervisionStatus.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** The 督办 aggregate without Spring. */
class SupervisionTaskTest {
    // Monday 2019-03-04, 10:00 Beijing time
    private static final Instant MONDAY = Instant.parse("2019-03-04T02:00:00Z");
    private static final LocalDate DEADLINE = LocalDate.of(2019, 3, 8);

    @ParameterizedTest(name = "{0}")
    @EnumSource(SupervisionStatus.class)
    void only_the_tables_moves_are_allowed(SupervisionStatus from) {
        Set<SupervisionStatus> allowed = switch (from) {
            case ASSIGNED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(SUBMITTED, ASSIGNED, CANCELLED);
            case SUBMITTED -> EnumSet.of(COMPLETED, IN_PROGRESS, ASSIGNED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(SupervisionStatus.class);
        };
        for (SupervisionStatus to : SupervisionStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
        assertThat(from.open()).isEqualTo(EnumSet.of(ASSIGNED, IN_PROGRESS, SUBMITTED).contains(from));
    }

    @Test
    void a_task_is_taken_on_evidence_is_sent_back_once_and_it_completes_on_time() {
        SupervisionTask t = task();
        t.accept("urban", MONDAY);
        t.submitEvidence("已整改", "urban", MONDAY);
        t.rejectEvidence("缺少现场照片", "clerk", MONDAY);
        assertThat(t.status()).isEqualTo(IN_PROGRESS);
        t.submitEvidence("已整改，附照片", "urban", MONDAY.plusSeconds(86_400));
        t.complete("clerk", MONDAY.plusSeconds(2 * 86_400));
        assertThat(t.onTime()).isTrue();
        assertThat(t.completedOn()).isEqualTo(LocalDate.of(2019, 3, 6));
        assertThat(t.pullEvents()).singleElement().isInstanceOf(SupervisionEvent.Completed.class);
        assertThatThrownBy(() -> t.urge(null, "clerk", MONDAY)).isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("COMPLETED");
    }

    @Test
    void accepted_after_the_deadline_is_late() {
        SupervisionTask t = task();
        t.accept("urban", MONDAY);
        t.submitEvidence("x", "urban", MONDAY);
        t.complete("clerk", Instant.parse("2019-03-11T02:00:00Z"));
        assertThat(t.onTime()).isFalse();
    }

    @Test
    void the_reminder_comes_once_before_the_deadline_and_escalation_once_after_it() {
        SupervisionTask t = task();
        LocalDate remindFrom = LocalDate.of(2019, 3, 6);
        assertThat(t.remindBeforeExpiry(LocalDate.of(2019, 3, 5), remindFrom, MONDAY)).isFalse();
        assertThat(t.remindBeforeExpiry(LocalDate.of(2019, 3, 6), remindFrom, MONDAY)).isTrue();
        assertThat(t.remindBeforeExpiry(LocalDate.of(2019, 3, 7), remindFrom, MONDAY)).as("the job may see it twice").isFalse();
        assertThat(t.escalateIfOverdue(DEADLINE, MONDAY)).as("the deadline day is still in time").isFalse();
        assertThat(t.escalateIfOverdue(DEADLINE.plusDays(1), MONDAY)).isTrue();
        assertThat(t.escalateIfOverdue(DEADLINE.plusDays(2), MONDAY)).isFalse();
        assertThat(t.reminderCount()).isEqualTo(1);
        assertThat(t.pullEvents()).singleElement().isInstanceOf(SupervisionEvent.Escalated.class);
    }

    @Test
    void a_reassignment_moves_owner_and_deadline_and_starts_the_clock_again() {
        SupervisionTask t = task();
        t.accept("urban", MONDAY);
        t.escalateIfOverdue(DEADLINE.plusDays(1), MONDAY);
        t.reassign("规划建设办", List.of("财政办"), LocalDate.of(2019, 4, 30), "congress-service", MONDAY);
        assertThat(t.status()).isEqualTo(ASSIGNED);
        assertThat(t.escalated()).isFalse();
        assertThat(t.involves("财政办")).isTrue();
        assertThat(t.involves("城管办")).isFalse();
    }

    @Test
    void a_task_has_an_owner_and_a_deadline() {
        assertThatThrownBy(() -> SupervisionTask.open(UUID.randomUUID(), "440606104", Origin.MANUAL, null,
                new SupervisionTask.Assignment("x", null, " ", List.of(), DEADLINE), "clerk", MONDAY))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("ownerDepartment");
    }

    private static SupervisionTask task() {
        return SupervisionTask.open(UUID.randomUUID(), "440606104", Origin.LEADER_INSTRUCTION, UUID.randomUUID().toString(),
                new SupervisionTask.Assignment("领导批示督办", "月底前完成", "城管办", List.of("规划建设办"), DEADLINE),
                "leader", MONDAY);
    }
}
