package org.zhenwu.servicehall.matter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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

class MatterStatusTest {
    private static final Instant NOW = Instant.parse("2019-03-01T02:00:00Z");

    static Stream<Arguments> every_pair() {
        List<Arguments> pairs = new ArrayList<>();
        for (MatterStatus from : MatterStatus.values()) {
            Set<MatterStatus> allowed = switch (from) {
                case DRAFT -> EnumSet.of(MatterStatus.PUBLISHED);
                case PUBLISHED -> EnumSet.of(MatterStatus.SUSPENDED, MatterStatus.WITHDRAWN);
                case SUSPENDED -> EnumSet.of(MatterStatus.PUBLISHED, MatterStatus.WITHDRAWN);
                case WITHDRAWN -> EnumSet.noneOf(MatterStatus.class);
            };
            for (MatterStatus to : MatterStatus.values()) {
                pairs.add(Arguments.of(from, to, allowed.contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("every_pair")
    void only_the_catalogues_moves_are_allowed(MatterStatus from, MatterStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void drafting_records_the_first_audit_line_and_offers_nothing_yet() {
        Matter matter = drafted(30, 15);
        assertThat(matter.status()).isEqualTo(MatterStatus.DRAFT);
        assertThat(matter.transitions()).singleElement().satisfies(t -> {
            assertThat(t.fromStatus()).isNull();
            assertThat(t.toStatus()).isEqualTo(MatterStatus.DRAFT);
            assertThat(t.actor()).isEqualTo("clerk-1");
        });
        assertThat(matter.pullEvents()).singleElement().isInstanceOf(MatterEvent.Drafted.class);
        assertThat(matter.channels()).containsExactly(MatterChannel.WINDOW, MatterChannel.ONLINE);
    }

    @Test
    void a_promise_longer_than_the_law_allows_is_refused_naming_the_promised_limit() {
        assertThatThrownBy(() -> drafted(10, 11))
                .isInstanceOf(InvalidFieldException.class)
                .extracting("field").isEqualTo("promisedLimitDays");
    }

    @Test
    void a_matter_handled_on_the_spot_has_zero_days_both_ways() {
        assertThat(drafted(0, 0).immediate()).isTrue();
        assertThat(drafted(20, 5).immediate()).isFalse();
        assertThatThrownBy(() -> drafted(0, 1)).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void a_suspended_matter_can_be_resumed_and_each_publication_is_announced() {
        Matter matter = drafted(30, 15);
        matter.pullEvents();
        matter.publish("clerk-1", null, NOW);
        matter.suspend("clerk-1", "系统升级", NOW.plusSeconds(60));
        matter.publish("leader-1", "系统恢复", NOW.plusSeconds(120));
        assertThat(matter.status()).isEqualTo(MatterStatus.PUBLISHED);
        assertThat(matter.pullEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Published", "Suspended", "Published");
        assertThat(matter.transitions()).extracting(MatterTransition::note)
                .containsExactly(null, null, "系统升级", "系统恢复");
    }

    @Test
    void publishing_twice_or_after_withdrawal_is_illegal_and_changes_nothing() {
        Matter matter = drafted(30, 15);
        matter.publish("clerk-1", null, NOW);
        assertThatThrownBy(() -> matter.publish("clerk-1", null, NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("PUBLISHED");
        matter.withdraw("leader-1", "事项取消", NOW);
        assertThatThrownBy(() -> matter.publish("clerk-1", null, NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("WITHDRAWN");
        assertThat(matter.status()).isEqualTo(MatterStatus.WITHDRAWN);
        assertThat(matter.transitions()).hasSize(3);
    }

    private static Matter drafted(int legal, int promised) {
        return Matter.draft(UUID.randomUUID(), "440606104", new Matter.Entry("LC-MZ-0012", "城乡居民最低生活保障申请",
                "社会事务办", legal, promised, 0, Set.of(MatterChannel.ONLINE, MatterChannel.WINDOW),
                List.of("居民身份证", "户口簿")), "clerk-1", NOW);
    }
}
