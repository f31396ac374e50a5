package org.zhenwu.servicehall.queue;

import java.util.List;
import java.util.UUID;

/** A window and its work profile. */
public record WindowView(UUID id, String town, String number, String name, List<String> queues, UUID currentTicketId) {
    static WindowView of(ServiceWindow w) {
        return new WindowView(w.id(), w.townCode(), w.number(), w.name(), w.queueCodes(), w.currentTicketId());
    }
}
