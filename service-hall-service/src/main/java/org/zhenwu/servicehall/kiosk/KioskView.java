package org.zhenwu.servicehall.kiosk;

import java.time.Instant;
import java.util.UUID;

/** A kiosk as the feature hands it out. */
public record KioskView(UUID id, String town, String code, String name, String site, boolean active, Instant createdAt) {
    static KioskView of(Kiosk k) {
        return new KioskView(k.id(), k.townCode(), k.code(), k.name(), k.site(), k.active(), k.createdAt());
    }
}
