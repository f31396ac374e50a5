package org.zhenwu.servicehall.queue;

import java.util.List;

/**
 * Everything a window terminal shows, in one read, so it can run a whole day without reloading: the window, the ticket
 * it holds, what waits in each of its queues (in call order) and what it handled today, latest first.
 */
public record TerminalView(WindowView window, TicketView current, List<QueueLine> next, List<TicketView> history,
                           int maxCalls) {
    /** A queue of the window's profile: how many wait, and the next numbers it would call. */
    public record QueueLine(String queue, long waiting, List<String> upcoming) {
    }
}
