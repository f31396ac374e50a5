package org.zhenwu.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.zhenwu.gateway.platform.Problems;

/** 401 as problem+json, with the RFC 6750 {@code WWW-Authenticate: Bearer} challenge. */
@Component
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final Problems problems;

    ProblemAuthenticationEntryPoint(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String challenge = "Bearer";
        String detail = "A bearer token is required";
        if (failure instanceof OAuth2AuthenticationException rejected) {
            OAuth2Error error = rejected.getError();
            String description = error.getDescription() != null ? error.getDescription() : error.getErrorCode();
            challenge = "Bearer error=\"" + quotable(error.getErrorCode()) + "\", error_description=\""
                    + quotable(description) + "\"";
            detail = "The bearer token was rejected: " + description;
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    private static String quotable(String value) {
        return value.replace('"', '\'').replace('\\', '/');
    }
}
