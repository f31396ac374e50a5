package org.zhenwu.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway authenticates only: a valid token gets through, authorization (roles, jurisdiction, clearance)
 * is each service's business. Stateless: no session, no saved request, no CSRF (bearer tokens, no cookies).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    /** Reachable without a token; Open311 checks its own api_key in the hotline service; /public/** is published data. */
    static final String[] PUBLIC_PATHS = {
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/services/*/health", "/services/*/v3/api-docs",
            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/open311/**", "/public/**"
    };

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemAuthenticationEntryPoint entryPoint) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> { })
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(PUBLIC_PATHS).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .build();
    }

    /**
     * No observations of Spring Security's own: the request's observation ({@code http.server.requests} and its span)
     * already says who was refused, with status 401 or 403. The ones around each filter of the chain were a dozen
     * empty spans per request (spring-security#15858); the authentication and authorization ones cost ~5 % of a queue
     * claim's CPU in a profile (docs/benchmarks/queue-claims.md) to say that a cached token was valid.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Verified tokens are remembered until they expire (at most this many: one per signed-in person, roughly). */
    static final long VERIFIED_TOKENS = 10_000;

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties jwt, Environment environment) {
        jwt.verifyFor(Arrays.asList(environment.getActiveProfiles()));
        return new CachingReactiveJwtDecoder(jwt.decoder(), VERIFIED_TOKENS, Clock.systemUTC());
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
        var config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        // a console resends a POST it got no answer to with the same Idempotency-Key, and can tell a replayed answer
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, CORRELATION_HEADER,
                IDEMPOTENCY_KEY));
        config.setExposedHeaders(List.of(CORRELATION_HEADER, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION,
                IDEMPOTENT_REPLAYED));
        // bearer tokens travel in a header, never in cookies
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }
}
