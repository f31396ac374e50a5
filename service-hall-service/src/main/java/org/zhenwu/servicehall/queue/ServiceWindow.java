package org.zhenwu.servicehall.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A window (窗口) of the hall and its work profile: the queues it serves, in order (一窗综办: any window may serve any
 * queue). It holds at most one ticket at a time; {@code @Version} stops two terminals of one window calling at once.
 */
@Entity
@Table(name = "service_window")
class ServiceWindow {
    @Id
    private UUID id;
    private String townCode;
    private String number;
    private String name;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "service_window_queue", joinColumns = @JoinColumn(name = "window_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "queue_code")
    @BatchSize(size = 100)
    private List<String> queueCodes = new ArrayList<>();
    private UUID currentTicketId;
    private Instant createdAt;
    private String createdBy;
    @Version
    private long version;

    protected ServiceWindow() {
        // for JPA
    }

    static ServiceWindow open(UUID id, String townCode, String number, String name, List<String> profile, String actor,
                              Instant now) {
        ServiceWindow w = new ServiceWindow();
        w.id = id;
        w.townCode = townCode;
        w.number = number;
        w.name = name;
        w.createdAt = now;
        w.createdBy = actor;
        w.changeProfile(profile);
        return w;
    }

    /** The queues this window calls from, first one first. */
    void changeProfile(List<String> profile) {
        if (profile.isEmpty()) {
            throw new InvalidFieldException("queues", "name at least one queue");
        }
        if (new HashSet<>(profile).size() != profile.size()) {
            throw new InvalidFieldException("queues", "lists a queue more than once");
        }
        queueCodes.clear();
        queueCodes.addAll(profile);
    }

    void hold(UUID ticketId) {
        currentTicketId = ticketId;
    }

    /** Lets go of a ticket it held; a ticket it does not hold (any more) changes nothing. */
    void letGo(UUID ticketId) {
        if (ticketId.equals(currentTicketId)) {
            currentTicketId = null;
        }
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String number() { return number; }
    String name() { return name; }
    List<String> queueCodes() { return List.copyOf(queueCodes); }
    UUID currentTicketId() { return currentTicketId; }
}
