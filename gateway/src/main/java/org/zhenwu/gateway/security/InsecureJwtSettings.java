package org.zhenwu.gateway.security;

/** The JWT settings would let the gateway start without a usable or private key. */
class InsecureJwtSettings extends IllegalStateException {

    InsecureJwtSettings(String message) {
        super(message);
    }
}
