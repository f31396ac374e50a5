package org.zhenwu.document.preparedness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Material handed out (应急手册, 宣传资料, …): how many of which item to which village or unit, on which day. */
@Entity
@Table(name = "emergency_material")
class MaterialDistribution {
    @Id
    private UUID id;
    private String townCode;
    private String item;
    private int quantity;
    private String recipient;
    private LocalDate distributedOn;
    private String note;
    private String createdBy;
    private Instant createdAt;

    protected MaterialDistribution() {
        // for JPA
    }

    static MaterialDistribution record(UUID id, String townCode, String item, int quantity, String recipient,
                                       LocalDate distributedOn, String note, String by, Instant now, LocalDate today) {
        if (quantity < 1) {
            throw new InvalidFieldException("quantity", "must be at least 1");
        }
        if (distributedOn.isAfter(today)) {
            throw new InvalidFieldException("distributedOn", "is in the future");
        }
        MaterialDistribution m = new MaterialDistribution();
        m.id = id;
        m.townCode = townCode;
        m.item = item;
        m.quantity = quantity;
        m.recipient = recipient;
        m.distributedOn = distributedOn;
        m.note = note;
        m.createdBy = by;
        m.createdAt = now;
        return m;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String item() { return item; }
    int quantity() { return quantity; }
    String recipient() { return recipient; }
    LocalDate distributedOn() { return distributedOn; }
    String note() { return note; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
}
