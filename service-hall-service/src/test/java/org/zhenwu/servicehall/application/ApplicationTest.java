package org.zhenwu.servicehall.application;

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
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.servicehall.matter.MatterChannel;

/** An application's path without Spring, on the 2019 calendar (清明 5 April, 劳动节 1–4 May with 调休 on 28 April and 5 May). */
class ApplicationTest {
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.china();
    private static final List<String> MATERIALS = List.of("居民身份证", "户口簿", "家庭收入证明");

    static Stream<Arguments> every_pair() {
        List<Arguments> pairs = new ArrayList<>();
        for (ApplicationStatus from : ApplicationStatus.values()) {
            Set<ApplicationStatus> allowed = switch (from) {
                case AWAITING_SUPPLEMENT -> EnumSet.of(ApplicationStatus.ACCEPTED, ApplicationStatus.WITHDRAWN);
                case ACCEPTED -> EnumSet.of(ApplicationStatus.APPROVED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN);
                case APPROVED, REJECTED -> EnumSet.of(ApplicationStatus.COMPLETED);
                case COMPLETED -> EnumSet.of(ApplicationStatus.DELIVERED);
                case DELIVERED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
            };
            for (ApplicationStatus to : ApplicationStatus.values()) {
                pairs.add(Arguments.of(from, to, allowed.contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("every_pair")
    void only_the_paths_moves_are_allowed(ApplicationStatus from, ApplicationStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void a_complete_application_is_accepted_at_once_and_due_after_the_promised_working_days() {
        Application a = received(at("2019-04-01T10:00"), MATERIALS);
        assertThat(a.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(a.acceptedOn()).isEqualTo(LocalDate.of(2019, 4, 1));
        // 5 working days from Monday 1 April: 2, 3, 4, (清明 5 off, weekend) 8, 9
        assertThat(a.dueDate()).isEqualTo(LocalDate.of(2019, 4, 9));
        assertThat(a.pullEvents()).extracting(e -> e.getClass().getSimpleName()).containsExactly("Accepted");
    }

    @Test
    void one_notice_lists_every_missing_material_and_the_clock_starts_only_when_the_last_one_comes() {
        Application a = received(at("2019-04-01T10:00"), List.of("户口簿"));
        assertThat(a.status()).isEqualTo(ApplicationStatus.AWAITING_SUPPLEMENT);
        assertThat(a.missingMaterials()).containsExactly("居民身份证", "家庭收入证明");
        assertThat(a.dueDate()).isNull();
        assertThat(a.pullEvents()).singleElement().isInstanceOfSatisfying(ApplicationEvent.NoticeIssued.class,
                n -> assertThat(n.missing()).containsExactly("居民身份证", "家庭收入证明"));

        a.supplement(List.of("居民身份证"), "clerk", at("2019-04-02T10:00"), CALENDAR);
        assertThat(a.status()).isEqualTo(ApplicationStatus.AWAITING_SUPPLEMENT);
        assertThat(a.missingMaterials()).containsExactly("家庭收入证明");

        a.supplement(List.of("家庭收入证明"), "clerk", at("2019-04-30T15:00"), CALENDAR);
        assertThat(a.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(a.acceptedOn()).as("补正 restarts the clock").isEqualTo(LocalDate.of(2019, 4, 30));
        // 1–4 May off, 5 May (Sunday) is a make-up working day: 5, 6, 7, 8, 9
        assertThat(a.dueDate()).isEqualTo(LocalDate.of(2019, 5, 9));
        assertThat(a.transitions()).extracting(ApplicationTransition::toStatus).containsExactly(
                ApplicationStatus.AWAITING_SUPPLEMENT, ApplicationStatus.AWAITING_SUPPLEMENT, ApplicationStatus.ACCEPTED);
    }

    @Test
    void a_material_the_matter_does_not_ask_for_is_refused_naming_its_place() {
        assertThatThrownBy(() -> received(at("2019-04-01T10:00"), List.of("户口簿", "结婚证")))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("providedMaterials[1]");
    }

    @Test
    void a_rejection_names_its_legal_basis_and_completing_it_stops_the_clock_on_time() {
        Application a = received(at("2019-04-01T10:00"), MATERIALS);
        assertThatThrownBy(() -> a.decide(ApplicationOutcome.REJECTED, "handler", "收入超标", " ", at("2019-04-03T10:00")))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("legalBasis");
        assertThat(a.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        a.decide(ApplicationOutcome.REJECTED, "handler", "家庭人均收入高于当地低保标准", "《社会救助暂行办法》第九条",
                at("2019-04-03T10:00"));
        a.complete("handler", null, at("2019-04-08T16:00"), CALENDAR);
        assertThat(a.workingDays()).isEqualTo(4);
        assertThat(a.onTime()).isTrue();
        assertThat(a.legalBasis()).isEqualTo("《社会救助暂行办法》第九条");
        assertThatThrownBy(() -> a.deliver(DeliveryMethod.MAIL, null, "clerk", at("2019-04-09T09:00")))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("trackingNumber");
        a.deliver(DeliveryMethod.MAIL, "SF1234567890", "clerk", at("2019-04-09T09:00"));
        assertThat(a.status()).isEqualTo(ApplicationStatus.DELIVERED);
    }

    @Test
    void an_application_completed_after_its_due_date_is_late() {
        Application a = received(at("2019-04-01T10:00"), MATERIALS);
        a.decide(ApplicationOutcome.APPROVED, "handler", null, null, at("2019-04-09T10:00"));
        a.complete("handler", null, at("2019-04-10T10:00"), CALENDAR);
        assertThat(a.onTime()).isFalse();
        assertThat(a.workingDays()).isEqualTo(6);
        assertThat(a.pullEvents()).last().isInstanceOfSatisfying(ApplicationEvent.Completed.class,
                c -> assertThat(c.onTime()).isFalse());
    }

    @Test
    void the_clock_turns_yellow_the_working_day_before_the_due_date_and_red_after_it_each_once() {
        Application a = received(at("2019-04-01T10:00"), MATERIALS); // due Tuesday 9 April
        a.pullEvents();
        assertThat(a.updateClock(at("2019-04-04T09:00"), CALENDAR, 1)).isFalse();
        assertThat(a.updateClock(at("2019-04-08T09:00"), CALENDAR, 1)).as("Monday: one working day left").isTrue();
        assertThat(a.warningLevel()).isEqualTo(ClockWarning.YELLOW);
        assertThat(a.updateClock(at("2019-04-09T09:00"), CALENDAR, 1)).isFalse();
        assertThat(a.updateClock(at("2019-04-10T00:30"), CALENDAR, 1)).isTrue();
        assertThat(a.warningLevel()).isEqualTo(ClockWarning.RED);
        assertThat(a.updateClock(at("2019-04-11T00:30"), CALENDAR, 1)).as("the job may see it twice").isFalse();
        assertThat(a.remainingWorkingDays(LocalDate.of(2019, 4, 11), CALENDAR)).isEqualTo(-2);
        assertThat(a.pullEvents()).extracting(e -> ((ApplicationEvent.Warned) e).level())
                .containsExactly(ClockWarning.YELLOW, ClockWarning.RED);

        a.decide(ApplicationOutcome.APPROVED, "handler", null, null, at("2019-04-11T10:00"));
        a.complete("handler", null, at("2019-04-11T11:00"), CALENDAR);
        assertThat(a.updateClock(at("2019-04-12T00:30"), CALENDAR, 1)).as("stopped").isFalse();
    }

    @Test
    void nothing_is_decided_before_acceptance_or_after_withdrawal() {
        Application waiting = received(at("2019-04-01T10:00"), List.of());
        assertThatThrownBy(() -> waiting.decide(ApplicationOutcome.APPROVED, "handler", null, null, at("2019-04-02T10:00")))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("AWAITING_SUPPLEMENT");
        waiting.withdraw("clerk", "申请人撤回", at("2019-04-02T10:00"));
        assertThatThrownBy(() -> waiting.supplement(MATERIALS, "clerk", at("2019-04-03T10:00"), CALENDAR))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("WITHDRAWN");
    }

    private static Application received(Instant now, List<String> provided) {
        return Application.receive(UUID.randomUUID(), "440606104", "440606104-20190401-00001",
                new Application.Matter(UUID.randomUUID(), 3, "LC-MZ-0012", "城乡居民最低生活保障申请", "社会事务办", 30, 5, 0,
                        MATERIALS),
                new Application.Intake(MatterChannel.WINDOW, null, null, "王五", null, null), provided, "clerk", now,
                CALENDAR);
    }

    private static Instant at(String beijingTime) {
        return java.time.LocalDateTime.parse(beijingTime).atZone(WorkingDayCalendar.ZONE).toInstant();
    }
}
