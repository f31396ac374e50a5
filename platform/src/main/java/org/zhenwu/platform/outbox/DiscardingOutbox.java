package org.zhenwu.platform.outbox;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.IntegrationEvent;

/**
 * Benchmark only: an outbox that drops every event, so that an endpoint's write throughput can be measured with the
 * outbox off beside the same endpoint with it on ({@code deploy/bench/events.sh}). Nothing the service does reaches
 * the rest of the office with it: no figure is counted, no task opened. It is therefore chosen only by the profile
 * {@value #PROFILE}, and a service refuses to start with that profile unless {@code dev} or {@code test} is active too.
 */
public class DiscardingOutbox extends Outbox {
    /** The profile that turns the outbox off. */
    public static final String PROFILE = "benchmark-outbox-off";

    private static final Logger log = LoggerFactory.getLogger(DiscardingOutbox.class);

    public DiscardingOutbox() {
        super(null, null, null, OutboxTracing.off());
    }

    /** The outbox for this environment's profiles: this one only with {@value #PROFILE} and dev or test. */
    public static boolean chosenBy(Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return false;
        }
        if (!environment.acceptsProfiles(Profiles.of("dev", "test"))) {
            throw new IllegalStateException("The profile " + PROFILE + " drops every integration event and is for "
                    + "benchmarks only: it is refused outside the dev and test profiles");
        }
        log.warn("Outbox OFF (profile {}): integration events are dropped, nothing reaches other services", PROFILE);
        return true;
    }

    /** Checks the arguments like the real outbox, in the caller's transaction, and keeps nothing. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, String type, IntegrationEvent event) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(event, "event");
    }
}
