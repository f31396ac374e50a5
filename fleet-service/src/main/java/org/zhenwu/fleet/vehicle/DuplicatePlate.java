package org.zhenwu.fleet.vehicle;

/** A vehicle that is not disposed of already carries this plate. → 409 naming the field {@code plate}. */
class DuplicatePlate extends RuntimeException {
    DuplicatePlate(String plate) {
        super("Plate " + plate + " is already registered to a vehicle in service");
    }
}
