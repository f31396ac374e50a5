package org.zhenwu.document.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhenwu.document.meeting.MeetingStatus.*;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.util.ReflectionTestUtils;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** The 办会 aggregate without Spring: every legal and every illegal move. */
class MeetingTest {
    private static final Instant NOW = Instant.parse("2019-05-06T02:00:00Z");
    private static final Meeting.Window WINDOW = new Meeting.Window(NOW.plusSeconds(86_400), NOW.plusSeconds(90_000));

    @ParameterizedTest(name = "{0}")
    @EnumSource(MeetingStatus.class)
    void only_the_tables_moves_are_allowed(MeetingStatus from) {
        Set<MeetingStatus> allowed = switch (from) {
            case PLANNED -> EnumSet.of(NOTIFIED, CANCELLED);
            case NOTIFIED -> EnumSet.of(PLANNED, HELD, CANCELLED);
            case HELD -> EnumSet.of(MINUTED);
            case MINUTED, CANCELLED -> EnumSet.noneOf(MeetingStatus.class);
        };
        for (MeetingStatus to : MeetingStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
        assertThat(from.upcoming()).isEqualTo(from == PLANNED || from == NOTIFIED);
    }

    /** Each action, tried in every status: it works exactly where the table allows it. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(MeetingStatus.class)
    void every_action_is_refused_outside_its_statuses(MeetingStatus status) {
        expect(status, EnumSet.of(PLANNED), m -> m.notifyAttendees("通知", "clerk", NOW));
        expect(status, EnumSet.of(NOTIFIED), m -> m.hold("clerk", NOW));
        expect(status, EnumSet.of(HELD), m -> m.signIn(1L, "clerk", NOW));
        expect(status, EnumSet.of(PLANNED, NOTIFIED, HELD), m -> m.excuse(2L, "出差", "clerk", NOW));
        expect(status, EnumSet.of(HELD), m -> m.minute(UUID.randomUUID(), List.of(), "clerk", NOW));
        expect(status, EnumSet.of(PLANNED, NOTIFIED), m -> m.cancel("台风", "clerk", NOW));
        expect(status, EnumSet.of(PLANNED, NOTIFIED), m -> m.reschedule(WINDOW, null, "会议室B", null, "clerk", NOW));
    }

    @Test
    void a_meeting_is_notified_held_with_sign_in_and_leave_and_minuted() {
        Meeting m = in(PLANNED);
        assertThat(m.pullEvents()).isEmpty();
        m.notifyAttendees("请准时参加", "clerk", NOW);
        m.excuse(2L, "出差", "clerk", NOW);
        m.hold("clerk", NOW);
        m.signIn(1L, "clerk", NOW);
        assertThatThrownBy(() -> m.signIn(1L, "clerk", NOW)).isInstanceOf(MeetingRuleViolation.class)
                .extracting("rule").isEqualTo("already-signed-in");
        assertThatThrownBy(() -> m.signIn(2L, "clerk", NOW)).isInstanceOf(MeetingRuleViolation.class)
                .extracting("rule").isEqualTo("on-leave");
        assertThatThrownBy(() -> m.excuse(1L, "x", "clerk", NOW)).isInstanceOf(MeetingRuleViolation.class);
        UUID doc = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        m.minute(doc, List.of(new Meeting.Decision("修缮堤围", "农业办", task)), "clerk", NOW);
        MeetingView v = MeetingView.of(m);
        assertThat(v.status()).isEqualTo(MINUTED);
        assertThat(v.attendance()).isEqualTo(new MeetingView.Attendance(3, 1, 1, 1));
        assertThat(v.minutesDocumentId()).isEqualTo(doc);
        assertThat(v.decisions()).singleElement().extracting(MeetingView.DecisionLine::supervisionTaskId)
                .isEqualTo(task);
        assertThat(v.transitions()).extracting(MeetingView.Transition::action)
                .containsExactly("拟定", "发通知", "请假", "召开", "签到", "纪要");
    }

    @Test
    void transport_is_asked_for_when_planned_and_again_when_rescheduled_and_a_notified_meeting_needs_a_new_notice() {
        Meeting m = Meeting.schedule(UUID.randomUUID(), "440606104", plan(new Meeting.Transport("镇政府", null,
                List.of("李明"), 3, "王芳", null)), "clerk", NOW);
        assertThat(m.pullEvents()).singleElement().isInstanceOf(MeetingEvent.TransportRequested.class);
        m.notifyAttendees("通知", "clerk", NOW);
        m.reschedule(WINDOW, null, "荷村", "改期", "clerk", NOW);
        assertThat(m.status()).isEqualTo(PLANNED);
        assertThat(m.place()).isEqualTo("荷村");
        assertThat(m.pullEvents()).singleElement().isInstanceOf(MeetingEvent.TransportRequested.class);
        m.cancel("台风", "clerk", NOW);
        assertThat(m.pullEvents()).singleElement().isInstanceOf(MeetingEvent.Cancelled.class);
        assertThat(m.cancelReason()).isEqualTo("台风");
    }

    @Test
    void a_meeting_needs_a_room_or_a_place_and_a_window_that_ends_after_it_starts() {
        assertThatThrownBy(() -> new Meeting.Window(NOW, NOW)).isInstanceOf(InvalidFieldException.class)
                .extracting("field").isEqualTo("endsAt");
        Meeting.Plan nowhere = new Meeting.Plan(MeetingType.OTHER, "t", "h", List.of(), List.of(), WINDOW, null, " ",
                null);
        assertThatThrownBy(() -> Meeting.schedule(UUID.randomUUID(), "440606104", nowhere, "c", NOW))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("roomId");
        assertThatThrownBy(() -> new Meeting.Transport("p", null, List.of("a", "b"), 1, "c", null))
                .isInstanceOf(InvalidFieldException.class);
    }

    private static void expect(MeetingStatus status, Set<MeetingStatus> allowedIn, Consumer<Meeting> action) {
        Meeting m = in(status);
        if (allowedIn.contains(status)) {
            action.accept(m);
        } else {
            assertThatThrownBy(() -> action.accept(m)).as("in " + status).isInstanceOf(IllegalTransitionException.class)
                    .extracting("currentStatus").isEqualTo(status.name());
        }
    }

    /** A meeting of three attendees (ids 1, 2, 3) brought to the status. */
    static Meeting in(MeetingStatus status) {
        Meeting m = Meeting.schedule(UUID.randomUUID(), "440606104", plan(null), "clerk", NOW);
        for (int i = 0; i < m.attendees().size(); i++) {
            ReflectionTestUtils.setField(m.attendees().get(i), "id", (long) i + 1);
        }
        switch (status) {
            case PLANNED -> { }
            case NOTIFIED -> m.notifyAttendees("n", "c", NOW);
            case HELD -> {
                m.notifyAttendees("n", "c", NOW);
                m.hold("c", NOW);
            }
            case MINUTED -> {
                m.notifyAttendees("n", "c", NOW);
                m.hold("c", NOW);
                m.minute(null, List.of(), "c", NOW);
            }
            case CANCELLED -> m.cancel("r", "c", NOW);
        }
        return m;
    }

    private static Meeting.Plan plan(Meeting.Transport transport) {
        return new Meeting.Plan(MeetingType.PARTY_COMMITTEE, "党委会", "书记", List.of("议题一", "议题二"),
                List.of(new Meeting.Attendee("甲", "党政办"), new Meeting.Attendee("乙", "经发办"),
                        new Meeting.Attendee("丙", null)), WINDOW, null, "第一会议室", transport);
    }
}
