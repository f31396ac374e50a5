package org.zhenwu.servicehall.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A ticket as the feature hands it out (never the entity).
 *
 * @param ahead          tickets waiting before it in its queue (only when it waits)
 * @param waitingSeconds first call − issue
 * @param serviceSeconds time at windows, summed over transfers
 */
public record TicketView(UUID id, String town, String queue, LocalDate serviceDay, String number,
                         TicketPriority priority, GreenChannelReason greenChannelReason, String appointmentRef,
                         TicketChannel channel, UUID kioskId, String applicantName, String applicantPhone,
                         TicketStatus status, Instant issuedAt, Instant firstCalledAt, Instant lastCalledAt, int callCount,
                         UUID windowId, String windowNumber, String servedBy, Instant finishedAt, Integer waitingSeconds,
                         Integer serviceSeconds, int transferCount, Long ahead, List<Transition> transitions) {

    public record Transition(TicketStatus from, TicketStatus to, String actor, String note, Instant at) {
    }

    static TicketView of(Ticket t) {
        return of(t, null, null);
    }

    static TicketView of(Ticket t, Long ahead, boolean withTrail) {
        return of(t, ahead, withTrail ? t.transitions().stream()
                .map(x -> new Transition(x.fromStatus(), x.toStatus(), x.actor(), x.note(), x.at())).toList() : null);
    }

    private static TicketView of(Ticket t, Long ahead, List<Transition> trail) {
        return new TicketView(t.id(), t.townCode(), t.queueCode(), t.serviceDay(), t.number(), t.priority(),
                t.priorityReason(), t.appointmentRef(), t.channel(), t.kioskId(), t.applicantName(), t.applicantPhone(),
                t.status(), t.issuedAt(), t.firstCalledAt(), t.lastCalledAt(), t.callCount(), t.windowId(),
                t.windowNumber(), t.servedBy(), t.finishedAt(), t.waitingSeconds(), t.serviceSeconds(),
                t.transferCount(), ahead, trail);
    }
}
