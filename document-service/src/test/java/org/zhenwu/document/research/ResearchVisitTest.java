package org.zhenwu.document.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhenwu.document.research.ResearchStatus.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** The 调研 aggregate without Spring: every legal and every illegal move. */
class ResearchVisitTest {
    private static final Instant NOW = Instant.parse("2019-06-20T07:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2019, 6, 11);

    @ParameterizedTest(name = "{0}")
    @EnumSource(ResearchStatus.class)
    void only_the_tables_moves_are_allowed(ResearchStatus from) {
        Set<ResearchStatus> allowed = switch (from) {
            case PLANNED -> EnumSet.of(CONDUCTED, CANCELLED);
            case CONDUCTED -> EnumSet.of(REPORTED);
            case REPORTED, CANCELLED -> EnumSet.noneOf(ResearchStatus.class);
        };
        for (ResearchStatus to : ResearchStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ResearchStatus.class)
    void every_action_is_refused_outside_its_status(ResearchStatus status) {
        expect(status, PLANNED, v -> v.conduct("发现", "clerk", NOW));
        expect(status, CONDUCTED, v -> v.report("报告", List.of(), "clerk", NOW));
        expect(status, PLANNED, v -> v.cancel("改期", "clerk", NOW));
    }

    @Test
    void a_visit_is_conducted_and_reported_and_its_report_is_announced_once() {
        ResearchVisit v = in(CONDUCTED);
        UUID task = UUID.randomUUID();
        v.report("调研报告全文", List.of(new ResearchVisit.Task("整治河涌", "农业办", task)), "clerk", NOW);
        assertThat(v.pullEvents()).singleElement().extracting(ResearchVisit.Reported::visitId).isEqualTo(v.id());
        assertThat(v.pullEvents()).isEmpty();
        ResearchView view = ResearchView.of(v, List.of());
        assertThat(view.leaders()).containsExactly("张伟", "李娜");
        assertThat(view.tasks()).singleElement().extracting(ResearchView.TaskLine::supervisionTaskId).isEqualTo(task);
        assertThat(view.transitions()).extracting(ResearchView.Transition::action)
                .containsExactly("拟定", "开展调研", "形成报告");
    }

    @Test
    void a_plan_has_leaders_places_and_dates_in_order() {
        assertThatThrownBy(() -> new ResearchVisit.Plan("t", List.of("a"), List.of("p"), ResearchMethod.OTHER, DAY,
                DAY.minusDays(1))).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("endDate");
        assertThatThrownBy(() -> new ResearchVisit.Plan("t", List.of(), List.of("p"), ResearchMethod.OTHER, DAY, DAY))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("leaders");
        assertThatThrownBy(() -> new ResearchVisit.Plan("t", List.of("a"), List.of(), ResearchMethod.OTHER, DAY, DAY))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("places");
    }

    private static void expect(ResearchStatus status, ResearchStatus allowedIn, Consumer<ResearchVisit> action) {
        ResearchVisit v = in(status);
        if (status == allowedIn) {
            action.accept(v);
        } else {
            assertThatThrownBy(() -> action.accept(v)).as("in " + status).isInstanceOf(IllegalTransitionException.class)
                    .extracting("currentStatus").isEqualTo(status.name());
        }
    }

    private static ResearchVisit in(ResearchStatus status) {
        ResearchVisit v = ResearchVisit.plan(UUID.randomUUID(), "440606104", new ResearchVisit.Plan("家具产业调研",
                List.of("张伟", "李娜"), List.of("乐从家具城"), ResearchMethod.SYMPOSIUM, DAY, DAY.plusDays(1)), "clerk", NOW);
        switch (status) {
            case PLANNED -> { }
            case CONDUCTED -> v.conduct("f", "c", NOW);
            case REPORTED -> {
                v.conduct("f", "c", NOW);
                v.report("r", List.of(), "c", NOW);
            }
            case CANCELLED -> v.cancel("r", "c", NOW);
        }
        return v;
    }
}
