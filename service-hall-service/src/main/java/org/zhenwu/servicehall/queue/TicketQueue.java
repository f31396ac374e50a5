package org.zhenwu.servicehall.queue;

import java.time.Instant;
import java.util.UUID;

import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A queue of the hall (A 综合受理, B 社保医保…). Its code is the ticket prefix; numbers run first..last each day. */
@Entity
@Table(name = "ticket_queue")
class TicketQueue {
    @Id
    private UUID id;
    private String townCode;
    private String code;
    private String name;
    private int firstNumber;
    private int lastNumber;
    private Instant createdAt;
    private String createdBy;
    @Version
    private long version;

    protected TicketQueue() {
        // for JPA
    }

    static TicketQueue define(UUID id, String townCode, String code, String name, int firstNumber, int lastNumber,
                              String actor, Instant now) {
        if (lastNumber < firstNumber) {
            throw new InvalidFieldException("lastNumber", "must not be below firstNumber " + firstNumber);
        }
        TicketQueue q = new TicketQueue();
        q.id = id;
        q.townCode = townCode;
        q.code = code;
        q.name = name;
        q.firstNumber = firstNumber;
        q.lastNumber = lastNumber;
        q.createdAt = now;
        q.createdBy = actor;
        return q;
    }

    /** The printed number: prefix and the sequence padded to the width of the range's end (at least 3): A001. */
    String format(int sequence) {
        int width = Math.max(3, String.valueOf(lastNumber).length());
        return code + String.format("%0" + width + "d", sequence);
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String code() { return code; }
    String name() { return name; }
    int firstNumber() { return firstNumber; }
    int lastNumber() { return lastNumber; }
}
