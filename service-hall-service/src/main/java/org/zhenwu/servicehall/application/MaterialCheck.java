package org.zhenwu.servicehall.application;

import jakarta.persistence.Embeddable;

/** One required material of the matter, and whether the applicant handed it in. */
@Embeddable
class MaterialCheck {
    private String material;
    private boolean provided;

    protected MaterialCheck() {
        // for JPA
    }

    MaterialCheck(String material, boolean provided) {
        this.material = material;
        this.provided = provided;
    }

    void provide() {
        provided = true;
    }

    String material() { return material; }
    boolean provided() { return provided; }
}
