package org.zhenwu.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.zhenwu.platform.web.Problems;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Every service is an OAuth2 resource server checking the same JWTs as the gateway: signature, expiry,
 * issuer and audience. The gateway authenticates; services authorize (roles, town, department, clearance).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {
    /**
     * Reachable without a token: probes, metrics, API docs; Open311 checks its own api_key; {@code /public/**} serves
     * what an office has published (政务公开) and must never read anything unpublished.
     */
    public static final String[] PUBLIC_PATHS = {
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**", "/open311/**", "/public/**", "/error"};

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PATHS).permitAll().anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(SecurityConfiguration::bearerToken)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint((request, response, e) -> write(response, 401, "unauthorized",
                                "Unauthorized", "A valid bearer token is required: " + e.getMessage()))
                        .accessDeniedHandler((request, response, e) -> write(response, 403, "forbidden", "Forbidden",
                                "Your role does not allow this action")))
                .exceptionHandling(Customizer.withDefaults());
        return http.build();
    }

    /**
     * No observations of Spring Security's own: the request's observation ({@code http.server.requests} and its span)
     * already says who was refused, with status 401 or 403. The ones around each filter of the chain were a dozen
     * empty spans per request (spring-security#15858); the authentication and authorization ones cost ~5 % of a queue
     * claim's CPU in a profile (docs/benchmarks/queue-claims.md) to say that a cached token was valid.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(JwtProperties properties, Environment environment, java.time.Clock clock) {
        NimbusJwtDecoder decoder;
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else {
            String secret = properties.secret();
            if (secret == null || secret.isBlank()) {
                throw new IllegalStateException("No token key: set ZHENWU_JWT_SECRET (zhenwu.security.jwt.secret) "
                        + "or zhenwu.security.jwt.jwk-set-uri");
            }
            if (JwtProperties.DEV_SECRET.equals(secret) && !environment.acceptsProfiles(Profiles.of("dev", "test"))) {
                throw new IllegalStateException("The development token key is refused outside the dev profile: "
                        + "set ZHENWU_JWT_SECRET to this deployment's own secret");
            }
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            if (key.length < 32) {
                throw new IllegalStateException("zhenwu.security.jwt.secret must have at least 32 bytes");
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        }
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not for audience "
                + properties.audience(), null));
        // The default timestamp check only judges an exp that is there: a token without one would never expire.
        OAuth2TokenValidator<Jwt> expires = jwt -> jwt.getExpiresAt() != null ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no expiry (exp)", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience, expires));
        return new CachingJwtDecoder(decoder, 10_000, clock);
    }

    private static final DefaultBearerTokenResolver BEARER = new DefaultBearerTokenResolver();

    /**
     * Open311 clients authenticate with their api_key and the public reads need none: a stray Authorization header
     * there is not ours to judge.
     */
    static String bearerToken(jakarta.servlet.http.HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/open311/") || uri.startsWith("/public/") ? null : BEARER.resolve(request);
    }

    static AbstractAuthenticationToken authentication(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        var authorities = roles == null ? List.<SimpleGrantedAuthority>of()
                : roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    static void write(HttpServletResponse response, int status, String slug, String title, String detail)
            throws java.io.IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.json(status, slug, title, detail));
    }
}
