package org.zhenwu.servicehall.queue;

import java.util.UUID;

/** A queue with the number of tickets waiting in it today. */
public record QueueView(UUID id, String town, String code, String name, int firstNumber, int lastNumber, long waitingToday) {
    static QueueView of(TicketQueue q, long waiting) {
        return new QueueView(q.id(), q.townCode(), q.code(), q.name(), q.firstNumber(), q.lastNumber(), waiting);
    }
}
