package org.zhenwu.congress.suggestion;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A co-unit (协办单位) and the views it owes the lead unit within a month of 交办. */
@Embeddable
class CoUnit {
    @Column(name = "unit")
    private String unit;
    @Column(name = "view_text")
    private String view;
    private Instant viewedAt;
    private String viewedBy;

    protected CoUnit() {
        // for JPA
    }

    CoUnit(String unit) {
        this.unit = unit;
    }

    void giveView(String text, String actor, Instant at) {
        view = text;
        viewedBy = actor;
        viewedAt = at;
    }

    boolean hasGivenView() {
        return viewedAt != null;
    }

    String unit() { return unit; }
    String view() { return view; }
    Instant viewedAt() { return viewedAt; }
    String viewedBy() { return viewedBy; }
}
