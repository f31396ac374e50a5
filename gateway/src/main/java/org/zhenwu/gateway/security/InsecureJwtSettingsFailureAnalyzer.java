package org.zhenwu.gateway.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused JWT setup into Boot's short "APPLICATION FAILED TO START" report instead of a stack trace. */
class InsecureJwtSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InsecureJwtSettings> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InsecureJwtSettings cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set ZHENWU_JWT_SECRET to a private random secret (for example: openssl rand -base64 48), "
                        + "or zhenwu.security.jwt.jwk-set-uri for an identity provider. "
                        + "For local development run with --spring.profiles.active=dev.",
                cause);
    }
}
