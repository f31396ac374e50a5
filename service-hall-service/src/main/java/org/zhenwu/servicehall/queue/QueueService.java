package org.zhenwu.servicehall.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;
import org.zhenwu.servicehall.kiosk.KioskService;
import org.zhenwu.servicehall.stats.FigureRollupService;

/**
 * The hall's queue: queues and windows (set up by hall managers), tickets (issued at the machine, the guide desk,
 * online or at a kiosk), and the window terminal's calls. A ticket is served by exactly one window, also when
 * several windows (on several instances) call at the same instant: see {@link TicketCalls}.
 */
@Service
public class QueueService {
    private static final String[] MANAGERS = {Roles.HALL_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};
    private static final String[] CLERKS = {Roles.HALL_CLERK, Roles.DISTRICT_ADMIN};

    private final TicketRepository tickets;
    private final TicketQueueRepository queues;
    private final ServiceWindowRepository windows;
    private final TicketCalls calls;
    private final KioskService kiosks;
    private final Jurisdictions jurisdictions;
    private final QueueProperties properties;
    private final FigureRollupService figures;
    private final Clock clock;

    QueueService(TicketRepository tickets, TicketQueueRepository queues, ServiceWindowRepository windows,
                 TicketCalls calls, KioskService kiosks, Jurisdictions jurisdictions, QueueProperties properties,
                 FigureRollupService figures, Clock clock) {
        this.tickets = tickets;
        this.queues = queues;
        this.windows = windows;
        this.calls = calls;
        this.kiosks = kiosks;
        this.jurisdictions = jurisdictions;
        this.properties = properties;
        this.figures = figures;
        this.clock = clock;
    }

    // ---- set-up ---------------------------------------------------------------------------------------------

    @Transactional
    public QueueView defineQueue(Caller caller, String town, String code, String name, int firstNumber, int lastNumber) {
        caller.requireAnyRole(MANAGERS);
        String townCode = jurisdictions.townForWrite(caller, town);
        if (queues.findByTownCodeAndCode(townCode, code).isPresent()) {
            throw new QueueRuleViolation("duplicate-queue", "code", "Town " + townCode + " already has a queue " + code);
        }
        TicketQueue queue = TicketQueue.define(UUID.randomUUID(), townCode, code, name, firstNumber, lastNumber,
                caller.subject(), clock.instant());
        queues.saveAndFlush(queue);
        return QueueView.of(queue, 0);
    }

    @Transactional(readOnly = true)
    public List<QueueView> listQueues(Caller caller, String town) {
        List<String> scope = jurisdictions.readScope(caller, town).codes();
        Map<String, Long> waiting = new HashMap<>();
        calls.waiting(scope, today()).forEach(w -> waiting.put(w.town() + "/" + w.queue(), w.count()));
        return queues.findByTownCodeInOrderByTownCodeAscCodeAsc(scope).stream()
                .map(q -> QueueView.of(q, waiting.getOrDefault(q.townCode() + "/" + q.code(), 0L))).toList();
    }

    @Transactional
    public WindowView openWindow(Caller caller, String town, String number, String name, List<String> profile) {
        caller.requireAnyRole(MANAGERS);
        String townCode = jurisdictions.townForWrite(caller, town);
        requireQueues(townCode, profile);
        if (windows.existsByTownCodeAndNumber(townCode, number)) {
            throw new QueueRuleViolation("duplicate-window", "number", "Town " + townCode + " already has a window " + number);
        }
        ServiceWindow window = ServiceWindow.open(UUID.randomUUID(), townCode, number, name, profile, caller.subject(),
                clock.instant());
        windows.saveAndFlush(window);
        return WindowView.of(window);
    }

    /** Changes which queues a window serves, and in which order; takes effect at its next call. */
    @Transactional
    public WindowView changeProfile(Caller caller, UUID windowId, List<String> profile) {
        caller.requireAnyRole(MANAGERS);
        ServiceWindow window = findWindow(caller, windowId);
        requireQueues(window.townCode(), profile);
        window.changeProfile(profile);
        return WindowView.of(window);
    }

    @Transactional(readOnly = true)
    public List<WindowView> listWindows(Caller caller, String town) {
        return windows.findByTownCodeInOrderByTownCodeAscNumberAsc(jurisdictions.readScope(caller, town).codes())
                .stream().map(WindowView::of).toList();
    }

    // ---- tickets ----------------------------------------------------------------------------------------------

    /** 取号. Everything is checked before the number is taken, so a refused request uses no number. */
    @Transactional
    public TicketView issue(Caller caller, String town, String queueCode, Ticket.Issue issue) {
        caller.requireAnyRole(CLERKS);
        String townCode = jurisdictions.townForWrite(caller, town);
        TicketQueue queue = queues.findByTownCodeAndCode(townCode, queueCode)
                .orElseThrow(() -> new InvalidFieldException("queue", "town " + townCode + " has no queue " + queueCode));
        checkIssue(townCode, issue);
        Instant now = clock.instant();
        LocalDate day = day(now);
        int sequence = calls.nextSequence(townCode, queue.code(), day, queue.firstNumber());
        if (sequence > queue.lastNumber()) {
            throw new QueueRuleViolation("number-range-exhausted", "Queue " + queue.code() + " has given out all numbers "
                    + queue.format(queue.firstNumber()) + "–" + queue.format(queue.lastNumber()) + " today");
        }
        // save() merges an entity with an assigned id: the managed copy is the one that got its place in line
        Ticket ticket = tickets.saveAndFlush(Ticket.issue(UUID.randomUUID(), townCode, queue.code(), day,
                queue.format(sequence), issue, caller.subject(), now));
        return TicketView.of(ticket, calls.ahead(townCode, queue.code(), day, ticket.priorityRank(), ticket.issueOrder()), false);
    }

    @Transactional(readOnly = true)
    public TicketView get(Caller caller, UUID id) {
        Ticket t = find(caller, id);
        Long ahead = t.status() == TicketStatus.WAITING
                ? calls.ahead(t.townCode(), t.queueCode(), t.serviceDay(), t.priorityRank(), t.issueOrder()) : null;
        return TicketView.of(t, ahead, true);
    }

    /** A day's tickets (default today) in issue order, for the hall's display and the supervisor. */
    @Transactional(readOnly = true)
    public List<TicketView> list(Caller caller, String town, LocalDate day, TicketStatus status, int limit) {
        List<String> scope = jurisdictions.readScope(caller, town).codes();
        LocalDate d = day == null ? today() : day;
        PageRequest page = PageRequest.of(0, limit);
        List<Ticket> found = status == null ? tickets.findByTownCodeInAndServiceDayOrderByIssuedAtAsc(scope, d, page)
                : tickets.findByTownCodeInAndServiceDayAndStatusOrderByIssuedAtAsc(scope, d, status, page);
        return found.stream().map(TicketView::of).toList();
    }

    // ---- the window terminal ----------------------------------------------------------------------------------

    /**
     * 叫号: the next ticket of the window's queues, first queue of its profile first, within a queue by priority and
     * issue time. A ticket the window still holds must be settled first, except one called the maximum number of
     * times: that one becomes a no-show. Empty when nothing waits.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Optional<TicketView> callNext(Caller caller, UUID windowId) {
        caller.requireAnyRole(CLERKS);
        ServiceWindow window = findWindow(caller, windowId);
        Instant now = clock.instant();
        if (window.currentTicketId() != null) {
            Ticket current = tickets.findById(window.currentTicketId()).orElseThrow();
            if (current.status() == TicketStatus.CALLED && current.callCount() >= properties.maxCalls()) {
                current.noShow(caller.subject(), now, properties.maxCalls());
            } else if (current.status().isAtWindow()) {
                throw new QueueRuleViolation("window-busy", "Window " + window.number() + " still holds ticket "
                        + current.number() + " (" + current.status() + "): finish, transfer or mark it before calling");
            }
            window.letGo(current.id());
        }
        LocalDate day = day(now);
        for (String queue : window.queueCodes()) {
            Optional<UUID> claimed = calls.claim(window.townCode(), queue, day);
            if (claimed.isPresent()) {
                Ticket ticket = tickets.findById(claimed.get()).orElseThrow();
                Integer waited = ticket.waitingSeconds();
                ticket.call(window.id(), window.number(), caller.subject(), now);
                window.hold(ticket.id());
                windows.saveAndFlush(window);
                // the rollup row last, after the ticket and window rows: a call waits on it only at the very end
                figures.ticketWaitingMoved(ticket.townCode(), ticket.serviceDay(), waited, ticket.waitingSeconds());
                return Optional.of(TicketView.of(ticket));
            }
        }
        windows.saveAndFlush(window);
        return Optional.empty();
    }

    /** 重呼. */
    @Transactional
    public TicketView recall(Caller caller, UUID ticketId) {
        Ticket ticket = forClerk(caller, ticketId);
        ticket.recall(caller.subject(), clock.instant(), properties.maxCalls());
        return TicketView.of(ticket);
    }

    /** The applicant came to the window. */
    @Transactional
    public TicketView arrive(Caller caller, UUID ticketId) {
        Ticket ticket = forClerk(caller, ticketId);
        ticket.arrive(caller.subject(), clock.instant());
        return TicketView.of(ticket);
    }

    /** 过号. */
    @Transactional
    public TicketView noShow(Caller caller, UUID ticketId) {
        Ticket ticket = forClerk(caller, ticketId);
        ticket.noShow(caller.subject(), clock.instant(), properties.maxCalls());
        releaseWindow(ticket);
        return TicketView.of(ticket);
    }

    /** 办毕. */
    @Transactional
    public TicketView finish(Caller caller, UUID ticketId) {
        Ticket ticket = forClerk(caller, ticketId);
        ticket.finish(caller.subject(), clock.instant());
        releaseWindow(ticket);
        return TicketView.of(ticket);
    }

    /** 转窗 to another queue of the town. */
    @Transactional
    public TicketView transfer(Caller caller, UUID ticketId, String toQueue, String note) {
        Ticket ticket = forClerk(caller, ticketId);
        if (queues.findByTownCodeAndCode(ticket.townCode(), toQueue).isEmpty()) {
            throw new InvalidFieldException("queue", "town " + ticket.townCode() + " has no queue " + toQueue);
        }
        ticket.transfer(toQueue, caller.subject(), note, clock.instant());
        releaseWindow(ticket);
        return TicketView.of(ticket);
    }

    @Transactional
    public TicketView cancel(Caller caller, UUID ticketId, String reason) {
        Ticket ticket = forClerk(caller, ticketId);
        ticket.cancel(caller.subject(), reason, clock.instant());
        releaseWindow(ticket);
        return TicketView.of(ticket);
    }

    /** What the window terminal shows. */
    @Transactional(readOnly = true)
    public TerminalView terminal(Caller caller, UUID windowId) {
        ServiceWindow window = findWindow(caller, windowId);
        LocalDate day = today();
        TicketView current = window.currentTicketId() == null ? null
                : tickets.findById(window.currentTicketId()).map(TicketView::of).orElse(null);
        Map<String, Long> waiting = new HashMap<>();
        calls.waiting(List.of(window.townCode()), day).forEach(w -> waiting.put(w.queue(), w.count()));
        List<TerminalView.QueueLine> next = new ArrayList<>();
        for (String q : window.queueCodes()) {
            next.add(new TerminalView.QueueLine(q, waiting.getOrDefault(q, 0L), calls.upcoming(window.townCode(), q, day, 5)));
        }
        List<TicketView> history = tickets.findByWindowIdAndServiceDayOrderByLastCalledAtDesc(window.id(), day,
                        PageRequest.of(0, properties.historySize())).stream()
                .filter(t -> !t.id().equals(window.currentTicketId())).map(TicketView::of).toList();
        return new TerminalView(WindowView.of(window), current, next, history, properties.maxCalls());
    }

    /**
     * For applications: a ticket named on an application must be one of the town's.
     *
     * @throws InvalidFieldException naming {@code field} otherwise
     */
    @Transactional(readOnly = true)
    public void requireTicket(String town, UUID ticketId, String field) {
        if (tickets.findByIdAndTownCodeIn(ticketId, List.of(town)).isEmpty()) {
            throw new InvalidFieldException(field, "town " + town + " has no ticket " + ticketId);
        }
    }

    /** For parking vouchers: the status of a ticket of the town, empty when the town has no such ticket. */
    @Transactional(readOnly = true)
    public Optional<TicketStatus> ticketStatus(String town, UUID ticketId) {
        return tickets.findByIdAndTownCodeIn(ticketId, List.of(town)).map(Ticket::status);
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private void checkIssue(String town, Ticket.Issue issue) {
        if ((issue.priority() == TicketPriority.GREEN_CHANNEL) != (issue.greenChannelReason() != null)) {
            throw new InvalidFieldException("greenChannelReason", "is required for, and only for, GREEN_CHANNEL tickets");
        }
        if (issue.priority() == TicketPriority.APPOINTMENT && issue.appointmentRef() == null) {
            throw new InvalidFieldException("appointmentRef", "is required for APPOINTMENT tickets");
        }
        if ((issue.channel() == TicketChannel.KIOSK) != (issue.kioskId() != null)) {
            throw new InvalidFieldException("kioskId", "is required for, and only for, the KIOSK channel");
        }
        if (issue.kioskId() != null) {
            kiosks.requireActive(town, issue.kioskId(), "kioskId");
        }
    }

    private void requireQueues(String town, List<String> profile) {
        for (int i = 0; i < profile.size(); i++) {
            if (queues.findByTownCodeAndCode(town, profile.get(i)).isEmpty()) {
                throw new InvalidFieldException("queues[" + i + "]", "town " + town + " has no queue " + profile.get(i));
            }
        }
    }

    private void releaseWindow(Ticket ticket) {
        if (ticket.windowId() != null) {
            windows.findById(ticket.windowId()).ifPresent(w -> w.letGo(ticket.id()));
        }
    }

    private Ticket find(Caller caller, UUID id) {
        return tickets.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Ticket", id));
    }

    private Ticket forClerk(Caller caller, UUID id) {
        caller.requireAnyRole(CLERKS);
        return find(caller, id);
    }

    private ServiceWindow findWindow(Caller caller, UUID id) {
        return windows.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Window", id));
    }

    private LocalDate today() {
        return day(clock.instant());
    }

    private static LocalDate day(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }
}
