package org.zhenwu.servicehall.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.Generated;
import org.zhenwu.platform.web.IllegalTransitionException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A queue ticket (排队号): one per visit, numbered within its queue and day (A001…). The aggregate root; its
 * status changes only through {@link #moveTo}. Waiting time is first call − issue; service time sums the
 * stretches at windows (a transfer starts a new one).
 */
@Entity
@Table(name = "ticket")
class Ticket {
    @Id
    private UUID id;
    private String townCode;
    private String queueCode;
    private LocalDate serviceDay;
    private String number;
    @Enumerated(EnumType.STRING)
    private TicketPriority priority;
    private int priorityRank;
    @Enumerated(EnumType.STRING)
    private GreenChannelReason priorityReason;
    @Enumerated(EnumType.STRING)
    private TicketChannel channel;
    private UUID kioskId;
    private String appointmentRef;
    private String applicantName;
    private String applicantPhone;
    @Enumerated(EnumType.STRING)
    private TicketStatus status;
    private Instant issuedAt;
    /** The place in line (database sequence); a transfer keeps it. */
    @Generated
    @Column(insertable = false, updatable = false)
    private Long issueOrder;
    private String issuedBy;
    private Instant firstCalledAt;
    private Instant lastCalledAt;
    private int callCount;
    private UUID windowId;
    private String windowNumber;
    private String servedBy;
    private Instant servingStartedAt;
    private Instant finishedAt;
    private Integer waitingSeconds;
    private Integer serviceSeconds;
    private int transferCount;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<TicketTransition> transitions = new ArrayList<>();

    protected Ticket() {
        // for JPA
    }

    /** 取号. */
    static Ticket issue(UUID id, String townCode, String queueCode, LocalDate serviceDay, String number, Issue issue,
                        String actor, Instant now) {
        Ticket t = new Ticket();
        t.id = id;
        t.townCode = townCode;
        t.queueCode = queueCode;
        t.serviceDay = serviceDay;
        t.number = number;
        t.priority = issue.priority();
        t.priorityRank = issue.priority().rank();
        t.priorityReason = issue.greenChannelReason();
        t.channel = issue.channel();
        t.kioskId = issue.kioskId();
        t.appointmentRef = issue.appointmentRef();
        t.applicantName = issue.applicantName();
        t.applicantPhone = issue.applicantPhone();
        t.status = TicketStatus.WAITING;
        t.issuedAt = now;
        t.issuedBy = actor;
        t.transitions.add(new TicketTransition(null, TicketStatus.WAITING, actor, null, now));
        return t;
    }

    /** 叫号: the claim query has made sure no other window holds this ticket. */
    void call(UUID toWindow, String windowNo, String clerk, Instant now) {
        moveTo(TicketStatus.CALLED, clerk, "窗口 " + windowNo, now);
        if (firstCalledAt == null) {
            firstCalledAt = now;
            waitingSeconds = seconds(issuedAt, now);
        }
        lastCalledAt = now;
        callCount = 1;
        windowId = toWindow;
        windowNumber = windowNo;
        servedBy = clerk;
    }

    /** 重呼: the applicant did not come yet. At most {@code maxCalls} calls in all, then it is a no-show. */
    void recall(String clerk, Instant now, int maxCalls) {
        requireStatus(TicketStatus.CALLED, "recall");
        if (callCount >= maxCalls) {
            throw new QueueRuleViolation("call-limit-reached", "Ticket " + number + " was called " + callCount
                    + " times already; mark it as a no-show");
        }
        callCount++;
        lastCalledAt = now;
        audit(clerk, "重呼 第" + callCount + "次", now);
    }

    /** 过号: allowed once the ticket was called {@code maxCalls} times without the applicant coming. */
    void noShow(String clerk, Instant now, int maxCalls) {
        if (status == TicketStatus.CALLED && callCount < maxCalls) {
            throw new QueueRuleViolation("too-few-calls", "Ticket " + number + " was called " + callCount + " of "
                    + maxCalls + " times; call it again before marking a no-show");
        }
        moveTo(TicketStatus.NO_SHOW, clerk, "呼叫 " + callCount + " 次未到", now);
    }

    /** The applicant came to the window. */
    void arrive(String clerk, Instant now) {
        moveTo(TicketStatus.SERVING, clerk, null, now);
        servingStartedAt = now;
    }

    /** 办毕. */
    void finish(String clerk, Instant now) {
        moveTo(TicketStatus.DONE, clerk, null, now);
        addServiceTime(now);
        finishedAt = now;
    }

    /** 转窗: back in line in another queue, keeping its place by issue time and its priority. */
    void transfer(String toQueue, String clerk, String note, Instant now) {
        if (toQueue.equals(queueCode) && status == TicketStatus.SERVING) {
            throw new QueueRuleViolation("same-queue", "Ticket " + number + " is already in queue " + toQueue);
        }
        moveTo(TicketStatus.WAITING, clerk, "转 " + toQueue + (note == null ? "" : ": " + note), now);
        addServiceTime(now);
        queueCode = toQueue;
        transferCount++;
        callCount = 0;
    }

    void cancel(String actor, String reason, Instant now) {
        moveTo(TicketStatus.CANCELLED, actor, reason, now);
    }

    private void addServiceTime(Instant now) {
        if (servingStartedAt != null) {
            serviceSeconds = (serviceSeconds == null ? 0 : serviceSeconds) + seconds(servingStartedAt, now);
            servingStartedAt = null;
        }
    }

    private void moveTo(TicketStatus next, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Ticket", id, status, next);
        }
        transitions.add(new TicketTransition(status, next, actor, note, now));
        status = next;
    }

    private void requireStatus(TicketStatus expected, String action) {
        if (status != expected) {
            throw new IllegalTransitionException("Ticket", id, status.name(), null,
                    "Only a " + expected + " ticket can be asked to " + action + "; ticket " + number + " is " + status);
        }
    }

    private void audit(String actor, String note, Instant now) {
        transitions.add(new TicketTransition(status, status, actor, note, now));
    }

    private static int seconds(Instant from, Instant to) {
        return (int) Math.max(0, Duration.between(from, to).getSeconds());
    }

    /** What is asked when a ticket is taken. */
    record Issue(TicketPriority priority, GreenChannelReason greenChannelReason, String appointmentRef,
                 TicketChannel channel, UUID kioskId, String applicantName, String applicantPhone) {
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String queueCode() { return queueCode; }
    LocalDate serviceDay() { return serviceDay; }
    String number() { return number; }
    TicketPriority priority() { return priority; }
    int priorityRank() { return priorityRank; }
    GreenChannelReason priorityReason() { return priorityReason; }
    TicketChannel channel() { return channel; }
    UUID kioskId() { return kioskId; }
    String appointmentRef() { return appointmentRef; }
    String applicantName() { return applicantName; }
    String applicantPhone() { return applicantPhone; }
    TicketStatus status() { return status; }
    Instant issuedAt() { return issuedAt; }
    Long issueOrder() { return issueOrder; }
    Instant firstCalledAt() { return firstCalledAt; }
    Instant lastCalledAt() { return lastCalledAt; }
    int callCount() { return callCount; }
    UUID windowId() { return windowId; }
    String windowNumber() { return windowNumber; }
    String servedBy() { return servedBy; }
    Instant finishedAt() { return finishedAt; }
    Integer waitingSeconds() { return waitingSeconds; }
    Integer serviceSeconds() { return serviceSeconds; }
    int transferCount() { return transferCount; }
    List<TicketTransition> transitions() { return List.copyOf(transitions); }
}
