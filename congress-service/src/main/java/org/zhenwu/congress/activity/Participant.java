package org.zhenwu.congress.activity;

import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Someone invited to an activity, a deputy or a CPPCC member, and whether they came. */
@Embeddable
class Participant {
    @Enumerated(EnumType.STRING)
    private PersonKind personKind;
    private UUID personId;
    private boolean attended;

    protected Participant() {
        // for JPA
    }

    Participant(PersonKind personKind, UUID personId) {
        this.personKind = personKind;
        this.personId = personId;
    }

    /** False when already marked present. */
    boolean attend() {
        if (attended) {
            return false;
        }
        attended = true;
        return true;
    }

    PersonKind personKind() { return personKind; }
    UUID personId() { return personId; }
    boolean attended() { return attended; }

    enum PersonKind { DEPUTY, MEMBER }
}
