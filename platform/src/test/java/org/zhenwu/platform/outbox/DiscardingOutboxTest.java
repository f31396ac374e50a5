package org.zhenwu.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.zhenwu.contracts.IntegrationEvent;

/** The benchmark-only outbox that drops events is never chosen by accident, and never outside dev and test. */
class DiscardingOutboxTest {

    private static MockEnvironment profiles(String... active) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(active);
        return environment;
    }

    @Test
    void the_real_outbox_is_kept_without_the_benchmark_profile() {
        assertThat(DiscardingOutbox.chosenBy(profiles())).isFalse();
        assertThat(DiscardingOutbox.chosenBy(profiles("dev"))).isFalse();
        assertThat(DiscardingOutbox.chosenBy(profiles("prod"))).isFalse();
    }

    @Test
    void the_benchmark_profile_is_refused_outside_dev_and_test() {
        assertThatThrownBy(() -> DiscardingOutbox.chosenBy(profiles(DiscardingOutbox.PROFILE)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("benchmarks only");
        assertThatThrownBy(() -> DiscardingOutbox.chosenBy(profiles("prod", DiscardingOutbox.PROFILE)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void with_dev_or_test_the_benchmark_profile_drops_events_but_still_checks_them() {
        assertThat(DiscardingOutbox.chosenBy(profiles("dev", DiscardingOutbox.PROFILE))).isTrue();
        assertThat(DiscardingOutbox.chosenBy(profiles("test", DiscardingOutbox.PROFILE))).isTrue();

        IntegrationEvent event = new IntegrationEvent() {
            public UUID eventId() { return UUID.randomUUID(); }
            public int eventVersion() { return 1; }
            public Instant occurredAt() { return Instant.now(); }
            public String jurisdiction() { return "440606104"; }
        };
        DiscardingOutbox outbox = new DiscardingOutbox();   // no database behind it: writing anything would fail
        assertThatCode(() -> outbox.append("hotline.work-orders", "k", "hotline.WorkOrderCreated", event))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> outbox.append("hotline.work-orders", "k", null, event))
                .isInstanceOf(NullPointerException.class);
    }
}
