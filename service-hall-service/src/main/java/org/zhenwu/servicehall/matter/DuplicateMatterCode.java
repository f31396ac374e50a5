package org.zhenwu.servicehall.matter;

/** A town's catalogue already has a matter with this code. → 409 naming the field {@code code}. */
class DuplicateMatterCode extends RuntimeException {
    DuplicateMatterCode(String townCode, String code) {
        super("Town " + townCode + " already has a matter with code " + code);
    }
}
