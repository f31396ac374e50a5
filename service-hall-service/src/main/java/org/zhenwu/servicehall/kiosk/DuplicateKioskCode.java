package org.zhenwu.servicehall.kiosk;

/** The town already registered a kiosk with this code. → 409 naming the field {@code code}. */
class DuplicateKioskCode extends RuntimeException {
    DuplicateKioskCode(String townCode, String code) {
        super("Town " + townCode + " already has a kiosk with code " + code);
    }
}
