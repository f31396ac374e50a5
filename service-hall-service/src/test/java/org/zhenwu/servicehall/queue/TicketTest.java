package org.zhenwu.servicehall.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhenwu.platform.web.IllegalTransitionException;

/** A ticket's day at the hall, without Spring. */
class TicketTest {
    // Monday 2026-11-23, 09:00 Beijing time
    private static final Instant NINE = Instant.parse("2026-11-23T01:00:00Z");
    private static final UUID WINDOW = UUID.randomUUID();

    static Stream<Arguments> every_pair() {
        List<Arguments> pairs = new ArrayList<>();
        for (TicketStatus from : TicketStatus.values()) {
            Set<TicketStatus> allowed = switch (from) {
                case WAITING -> EnumSet.of(TicketStatus.CALLED, TicketStatus.CANCELLED);
                case CALLED -> EnumSet.of(TicketStatus.SERVING, TicketStatus.NO_SHOW, TicketStatus.CANCELLED);
                case SERVING -> EnumSet.of(TicketStatus.DONE, TicketStatus.WAITING);
                case DONE, NO_SHOW, CANCELLED -> EnumSet.noneOf(TicketStatus.class);
            };
            for (TicketStatus to : TicketStatus.values()) {
                pairs.add(Arguments.of(from, to, allowed.contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("every_pair")
    void only_the_queues_moves_are_allowed(TicketStatus from, TicketStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void waiting_time_runs_from_issue_to_the_first_call_and_service_time_from_arrival_to_finish() {
        Ticket ticket = issued();
        ticket.call(WINDOW, "3", "clerk", NINE.plusSeconds(600));
        ticket.recall("clerk", NINE.plusSeconds(660), 3);
        ticket.arrive("clerk", NINE.plusSeconds(700));
        ticket.finish("clerk", NINE.plusSeconds(1000));
        assertThat(ticket.status()).isEqualTo(TicketStatus.DONE);
        assertThat(ticket.waitingSeconds()).isEqualTo(600);
        assertThat(ticket.serviceSeconds()).isEqualTo(300);
        assertThat(ticket.callCount()).isEqualTo(2);
        assertThat(ticket.transitions()).extracting(TicketTransition::toStatus).containsExactly(TicketStatus.WAITING,
                TicketStatus.CALLED, TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.DONE);
    }

    @Test
    void a_ticket_becomes_a_no_show_only_after_the_configured_number_of_calls() {
        Ticket ticket = issued();
        ticket.call(WINDOW, "3", "clerk", NINE.plusSeconds(60));
        assertThatThrownBy(() -> ticket.noShow("clerk", NINE.plusSeconds(70), 2))
                .isInstanceOf(QueueRuleViolation.class).extracting("rule").isEqualTo("too-few-calls");
        ticket.recall("clerk", NINE.plusSeconds(120), 2);
        assertThatThrownBy(() -> ticket.recall("clerk", NINE.plusSeconds(180), 2))
                .isInstanceOf(QueueRuleViolation.class).extracting("rule").isEqualTo("call-limit-reached");
        ticket.noShow("clerk", NINE.plusSeconds(180), 2);
        assertThat(ticket.status()).isEqualTo(TicketStatus.NO_SHOW);
        assertThatThrownBy(() -> ticket.arrive("clerk", NINE.plusSeconds(200)))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("NO_SHOW");
    }

    @Test
    void a_transferred_ticket_waits_again_in_the_other_queue_keeping_its_first_call_and_adding_up_service_time() {
        Ticket ticket = issued();
        ticket.call(WINDOW, "3", "clerk", NINE.plusSeconds(100));
        ticket.arrive("clerk", NINE.plusSeconds(100));
        assertThatThrownBy(() -> ticket.transfer("A", "clerk", null, NINE.plusSeconds(150)))
                .isInstanceOf(QueueRuleViolation.class).extracting("rule").isEqualTo("same-queue");
        ticket.transfer("B", "clerk", "社保业务", NINE.plusSeconds(200));
        assertThat(ticket.status()).isEqualTo(TicketStatus.WAITING);
        assertThat(ticket.queueCode()).isEqualTo("B");
        assertThat(ticket.number()).as("keeps its number").isEqualTo("A001");
        assertThat(ticket.callCount()).isZero();

        ticket.call(UUID.randomUUID(), "5", "clerk-2", NINE.plusSeconds(400));
        ticket.arrive("clerk-2", NINE.plusSeconds(400));
        ticket.finish("clerk-2", NINE.plusSeconds(450));
        assertThat(ticket.waitingSeconds()).as("first call − issue").isEqualTo(100);
        assertThat(ticket.serviceSeconds()).isEqualTo(150);
        assertThat(ticket.windowNumber()).isEqualTo("5");
        assertThat(ticket.transferCount()).isEqualTo(1);
    }

    @Test
    void a_recall_of_a_ticket_not_being_called_is_illegal() {
        Ticket ticket = issued();
        assertThatThrownBy(() -> ticket.recall("clerk", NINE, 3))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("WAITING");
    }

    @Test
    void green_channel_comes_before_appointments_which_come_before_everyone_else() {
        assertThat(TicketPriority.GREEN_CHANNEL.rank()).isLessThan(TicketPriority.APPOINTMENT.rank());
        assertThat(TicketPriority.APPOINTMENT.rank()).isLessThan(TicketPriority.NORMAL.rank());
    }

    @Test
    void numbers_are_padded_to_the_width_of_the_queues_range() {
        TicketQueue small = TicketQueue.define(UUID.randomUUID(), "440606104", "A", "综合受理", 1, 999, "m", NINE);
        TicketQueue large = TicketQueue.define(UUID.randomUUID(), "440606104", "B", "社保", 500, 1999, "m", NINE);
        assertThat(small.format(1)).isEqualTo("A001");
        assertThat(large.format(500)).isEqualTo("B0500");
    }

    @Test
    void a_window_profile_names_each_queue_once() {
        assertThatThrownBy(() -> ServiceWindow.open(UUID.randomUUID(), "440606104", "1", "一号窗", List.of("A", "A"), "m", NINE))
                .hasMessageContaining("more than once");
        ServiceWindow window = ServiceWindow.open(UUID.randomUUID(), "440606104", "1", "一号窗", List.of("B", "A"), "m", NINE);
        UUID held = UUID.randomUUID();
        window.hold(held);
        window.letGo(UUID.randomUUID());
        assertThat(window.currentTicketId()).isEqualTo(held);
        window.letGo(held);
        assertThat(window.currentTicketId()).isNull();
        assertThat(window.queueCodes()).containsExactly("B", "A");
    }

    private static Ticket issued() {
        return Ticket.issue(UUID.randomUUID(), "440606104", "A", LocalDate.of(2026, 11, 23), "A001",
                new Ticket.Issue(TicketPriority.NORMAL, null, null, TicketChannel.MACHINE, null, null, null), "guide", NINE);
    }
}
