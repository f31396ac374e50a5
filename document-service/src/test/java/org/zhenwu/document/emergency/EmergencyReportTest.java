package org.zhenwu.document.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhenwu.document.emergency.EmergencyStatus.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** The 应急信息报送 aggregate without Spring. */
class EmergencyReportTest {
    // 2019-07-02 14:05 Beijing time
    private static final String TOWN = "440606004";
    private static final Instant AT = Instant.parse("2019-07-02T06:05:00Z");
    private static final Instant NOW = AT.plus(Duration.ofDays(3));
    private static final EmergencyReport.Limits LIMITS = new EmergencyReport.Limits(Duration.ofMinutes(30),
            Duration.ofMinutes(60));

    @ParameterizedTest(name = "{0}")
    @EnumSource(EmergencyStatus.class)
    void only_the_tables_moves_are_allowed(EmergencyStatus from) {
        Set<EmergencyStatus> allowed = switch (from) {
            case RECEIVED -> EnumSet.of(PHONE_REPORTED);
            case PHONE_REPORTED -> EnumSet.of(WRITTEN_REPORTED);
            case WRITTEN_REPORTED, FOLLOWING_UP -> EnumSet.of(FOLLOWING_UP, CLOSED);
            case CLOSED -> EnumSet.noneOf(EmergencyStatus.class);
        };
        for (EmergencyStatus to : EmergencyStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
    }

    /** Every action tried in every status: it works exactly where the table allows its move. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(EmergencyStatus.class)
    void every_action_is_refused_where_the_table_forbids_it(EmergencyStatus from) {
        for (EmergencyStatus action : EnumSet.of(PHONE_REPORTED, WRITTEN_REPORTED, FOLLOWING_UP, CLOSED)) {
            EmergencyReport r = reportIn(from);
            if (from.canMoveTo(action)) {
                act(action).accept(r);
                assertThat(r.status()).isEqualTo(action);
            } else {
                assertThatThrownBy(() -> act(action).accept(r)).as(from + " -> " + action)
                        .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus")
                        .isEqualTo(from.name());
                assertThat(r.status()).isEqualTo(from);
            }
        }
    }

    @Test
    void a_wage_dispute_reported_late_by_phone_and_on_time_in_writing_is_followed_up_and_closed() {
        EmergencyReport r = received(EmergencyCategory.WAGE_DISPUTE, true);
        assertThat(r.phoneDueAt()).isEqualTo(AT.plus(Duration.ofMinutes(30)));
        assertThat(r.writtenDueAt()).isEqualTo(AT.plus(Duration.ofMinutes(60)));
        assertThat(r.pullEvents()).singleElement().isInstanceOf(EmergencyEvent.Received.class);

        r.reportByPhone(AT.plus(Duration.ofMinutes(45)), "区应急管理局值班室", "clerk", NOW);
        assertThat(r.phoneLate()).isTrue();
        assertThat(r.phoneDelayMinutes()).isEqualTo(15);
        r.reportInWriting(AT.plus(Duration.ofMinutes(60)), "区应急管理局", "clerk", NOW);
        assertThat(r.writtenLate()).as("the deadline minute itself is in time").isFalse();
        assertThat(r.writtenDelayMinutes()).isZero();

        r.followUp(AT.plus(Duration.ofHours(5)), "工人已疏散, 1人轻伤", new EmergencyReport.Update(null, 1, null,
                null), "clerk", NOW);
        r.followUp(AT.plus(Duration.ofHours(20)), "开发商承诺垫付工资", EmergencyReport.Update.NONE, "clerk", NOW);
        assertThat(r.followUpCount()).isEqualTo(2);
        assertThat(r.followUps()).extracting(f -> f.casualties().injuries()).containsExactly(1, 1);
        r.close(AT.plus(Duration.ofDays(2)), "工资已发放, 事件平息",
                new EmergencyReport.Update(0, 1, 0, new BigDecimal("12000.50")), "clerk", NOW);
        assertThat(r.status()).isEqualTo(CLOSED);
        assertThat(r.economicLossYuan()).isEqualByComparingTo("12000.50");
        assertThat(r.lateOrOverdue()).isTrue();
        assertThat(r.pullEvents()).singleElement().isInstanceOf(EmergencyEvent.Closed.class);
        assertThat(r.transitions()).extracting(EmergencyTransition::action)
                .containsExactly("接报", "电话报告", "书面报告", "续报", "续报", "终报");
    }

    @Test
    void a_delay_of_seconds_counts_as_a_whole_minute() {
        Instant due = AT;
        assertThat(EmergencyReport.delayMinutes(due, due)).isZero();
        assertThat(EmergencyReport.delayMinutes(due, due.plusSeconds(20))).isEqualTo(1);
        assertThat(EmergencyReport.delayMinutes(due, due.plusSeconds(60))).isEqualTo(1);
        assertThat(EmergencyReport.delayMinutes(due, due.plusSeconds(61))).isEqualTo(2);
    }

    @Test
    void each_upward_report_is_flagged_overdue_once_and_only_when_not_made_by_its_deadline() {
        EmergencyReport r = received(EmergencyCategory.FIRE, false);
        r.pullEvents();
        assertThat(r.flagOverdue(AT.plus(Duration.ofMinutes(30)))).as("the deadline itself").isFalse();
        assertThat(r.flagOverdue(AT.plus(Duration.ofMinutes(31)))).isTrue();
        assertThat(r.flagOverdue(AT.plus(Duration.ofMinutes(40)))).as("the job may see it twice").isFalse();
        assertThat(r.phoneOverdue()).isTrue();
        assertThat(r.writtenOverdue()).isFalse();
        r.reportByPhone(AT.plus(Duration.ofMinutes(50)), null, "clerk", NOW);
        assertThat(r.phoneLate()).isTrue();
        assertThat(r.flagOverdue(AT.plus(Duration.ofMinutes(61)))).isTrue();
        assertThat(r.flagOverdue(AT.plus(Duration.ofMinutes(90)))).isFalse();
        assertThat(r.pullEvents()).extracting(e -> ((EmergencyEvent.Overdue) e).phone()).containsExactly(true, false);

        EmergencyReport onTime = received(EmergencyCategory.FIRE, false);
        onTime.reportByPhone(AT.plus(Duration.ofMinutes(10)), null, "clerk", NOW);
        onTime.reportInWriting(AT.plus(Duration.ofMinutes(40)), null, "clerk", NOW);
        assertThat(onTime.flagOverdue(NOW)).isFalse();
        assertThat(onTime.lateOrOverdue()).isFalse();
    }

    @Test
    void impossible_times_casualties_and_flags_are_refused_naming_the_field() {
        assertField(() -> EmergencyReport.receive(UUID.randomUUID(), TOWN, incident(EmergencyCategory.FIRE, true),
                null, null, AT, LIMITS, "clerk", NOW), "realEstateProject");
        assertField(() -> EmergencyReport.receive(UUID.randomUUID(), TOWN, incident(EmergencyCategory.FIRE, false),
                null, null, AT.minusSeconds(3600), LIMITS, "clerk", NOW), "receivedAt");
        assertField(() -> EmergencyReport.receive(UUID.randomUUID(), TOWN, incident(EmergencyCategory.FIRE, false),
                null, null, AT, LIMITS, "clerk", AT.minusSeconds(1800)), "occurredAt");
        assertField(() -> EmergencyReport.receive(UUID.randomUUID(), TOWN, incident(EmergencyCategory.FIRE, false),
                null, null, NOW.plusSeconds(600), LIMITS, "clerk", NOW), "receivedAt");
        assertField(() -> new EmergencyReport.Casualties(0, -1, 0), "injuries");
        assertField(() -> EmergencyReport.receive(UUID.randomUUID(), TOWN, incident(EmergencyCategory.FIRE, false),
                null, new BigDecimal("-1"), AT, LIMITS, "clerk", NOW), "economicLossYuan");

        EmergencyReport r = received(EmergencyCategory.FIRE, false);
        assertField(() -> r.reportByPhone(AT.minusSeconds(60), null, "clerk", NOW), "reportedAt");
        assertField(() -> r.reportByPhone(NOW.plus(Duration.ofMinutes(5)), null, "clerk", NOW), "reportedAt");
        assertThat(r.status()).isEqualTo(RECEIVED);
        r.reportByPhone(AT.plus(Duration.ofMinutes(20)), null, "clerk", NOW);
        assertField(() -> r.reportInWriting(AT.plus(Duration.ofMinutes(10)), null, "clerk", NOW), "reportedAt");
        r.reportInWriting(null, null, "clerk", NOW);
        assertThat(r.writtenReportedAt()).as("absent: now").isEqualTo(NOW);
        assertField(() -> r.followUp(NOW, "x", new EmergencyReport.Update(-1, null, null, null), "clerk", NOW),
                "deaths");
        assertThat(r.followUpCount()).isZero();
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo(field);
    }

    private static Consumer<EmergencyReport> act(EmergencyStatus action) {
        Instant at = AT.plus(Duration.ofHours(10));
        return switch (action) {
            case PHONE_REPORTED -> r -> r.reportByPhone(at, null, "clerk", NOW);
            case WRITTEN_REPORTED -> r -> r.reportInWriting(at, null, "clerk", NOW);
            case FOLLOWING_UP -> r -> r.followUp(at, "续报", EmergencyReport.Update.NONE, "clerk", NOW);
            case CLOSED -> r -> r.close(at, "终报", EmergencyReport.Update.NONE, "clerk", NOW);
            case RECEIVED -> r -> { };
        };
    }

    private static EmergencyReport reportIn(EmergencyStatus status) {
        EmergencyReport r = received(EmergencyCategory.TRAFFIC, false);
        Instant at = AT.plus(Duration.ofMinutes(10));
        if (status == RECEIVED) {
            return r;
        }
        r.reportByPhone(at, null, "clerk", NOW);
        if (status == PHONE_REPORTED) {
            return r;
        }
        r.reportInWriting(at, null, "clerk", NOW);
        if (status == WRITTEN_REPORTED) {
            return r;
        }
        if (status == FOLLOWING_UP) {
            r.followUp(at, "续报", EmergencyReport.Update.NONE, "clerk", NOW);
        } else {
            r.close(at, "终报", EmergencyReport.Update.NONE, "clerk", NOW);
        }
        return r;
    }

    private static EmergencyReport received(EmergencyCategory category, boolean realEstate) {
        return EmergencyReport.receive(UUID.randomUUID(), "440606004", incident(category, realEstate),
                new EmergencyReport.Casualties(0, 0, 0), null, AT, LIMITS, "clerk", NOW);
    }

    private static EmergencyReport.Incident incident(EmergencyCategory category, boolean realEstate) {
        return new EmergencyReport.Incident(category, realEstate, EmergencyLevel.GENERAL, "某楼盘项目工人聚集讨薪",
                "良教村", null, AT.minus(Duration.ofMinutes(25)));
    }
}
