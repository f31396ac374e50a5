package org.zhenwu.congress.station;

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
import org.zhenwu.platform.web.InvalidFieldException;

class OpinionStatusTest {
    static Stream<Arguments> every_pair() {
        List<Arguments> pairs = new ArrayList<>();
        for (OpinionStatus from : OpinionStatus.values()) {
            Set<OpinionStatus> allowed = switch (from) {
                case RECEIVED -> EnumSet.of(OpinionStatus.REFERRED, OpinionStatus.CONVERTED, OpinionStatus.ANSWERED);
                case REFERRED, CONVERTED -> EnumSet.of(OpinionStatus.ANSWERED);
                case ANSWERED -> EnumSet.noneOf(OpinionStatus.class);
            };
            for (OpinionStatus to : OpinionStatus.values()) {
                pairs.add(Arguments.of(from, to, allowed.contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("every_pair")
    void an_opinion_is_referred_or_converted_and_then_answered(OpinionStatus from, OpinionStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void an_answered_opinion_is_not_referred_again_and_the_trail_keeps_every_step() {
        Instant now = Instant.parse("2019-05-06T02:00:00Z");
        PublicOpinion o = PublicOpinion.collect(UUID.randomUUID(), "440606104", UUID.randomUUID(), null,
                LocalDate.parse("2019-05-06"), "张三", null, "路灯不亮", "staff", now);
        o.refer("城管办", "staff", now);
        o.answer("已修复", "staff", now);
        assertThatThrownBy(() -> o.refer("城管办", "staff", now)).isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("ANSWERED");
        assertThat(o.transitions()).extracting(OpinionTransition::toStatus)
                .containsExactly(OpinionStatus.RECEIVED, OpinionStatus.REFERRED, OpinionStatus.ANSWERED);
        assertThatThrownBy(() -> PublicOpinion.collect(UUID.randomUUID(), "440606104", UUID.randomUUID(), null,
                LocalDate.parse("2019-05-07"), null, null, "x", "staff", now))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("collectedOn");
    }

    @Test
    void an_enterprise_point_names_its_enterprise() {
        assertThatThrownBy(() -> LiaisonStation.open(UUID.randomUUID(), "440606104", StationKind.ENTERPRISE, "企业联络点", null, " "))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("hostOrganisation");
    }
}
