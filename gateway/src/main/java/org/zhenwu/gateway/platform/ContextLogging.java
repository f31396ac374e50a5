package org.zhenwu.gateway.platform;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;

/**
 * The gateway's own log lines with the request's correlation id and trace ids in the MDC. Reactor runs in its
 * default ("limited") context-propagation mode, which restores thread locals only where asked: "auto" restored them
 * around every operator of every request, ~10 % of the gateway's CPU (docs/benchmarks/gateway.md). So a line that
 * needs them is written here, with the thread locals of the Reactor context set for its duration.
 */
public final class ContextLogging {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private ContextLogging() {
    }

    /** Runs {@code log} with the subscriber's context as thread locals, then continues with {@code then}. */
    public static <T> Mono<T> logThen(Runnable log, Mono<T> then) {
        return Mono.deferContextual(context -> {
            try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
                log.run();
            }
            return then;
        });
    }
}
