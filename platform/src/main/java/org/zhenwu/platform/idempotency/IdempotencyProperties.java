package org.zhenwu.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention      how long a key is remembered: a repeat within it is answered from the stored answer; older
 *                       rows are deleted by the clean-up (the IETF draft suggests 24 hours)
 * @param abandonedAfter a first request still running after this long, that has changed nothing, is taken for dead
 *                       (its instance stopped): a repeat may then carry it out in its place. Requests here end long
 *                       before: the gateway gives up after 5 s and InnoDB's lock waits after 50 s. Longer makes the
 *                       clerk whose request died with its instance wait longer for the 409s to stop
 * @param maxStoredBody  the largest answer body stored for replay; a larger one is not kept, and a repeat is told the
 *                       request was done but its answer is not kept
 */
@ConfigurationProperties("zhenwu.web.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
                                    @DefaultValue("2m") Duration abandonedAfter,
                                    @DefaultValue("1MB") org.springframework.util.unit.DataSize maxStoredBody) {
}
