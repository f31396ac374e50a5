package org.zhenwu.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.zhenwu.platform.calendar.CalendarProperties;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.idempotency.IdempotencyApiDocs;
import org.zhenwu.platform.idempotency.IdempotencyProperties;
import org.zhenwu.platform.idempotency.IdempotencyStore;
import org.zhenwu.platform.idempotency.IdempotentRequests;
import org.zhenwu.platform.inbox.Inbox;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.jurisdiction.TownsProperties;
import org.zhenwu.platform.kafka.KafkaPlatformConfiguration;
import org.zhenwu.platform.outbox.DiscardingOutbox;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.outbox.OutboxProperties;
import org.zhenwu.platform.outbox.OutboxRelay;
import org.zhenwu.platform.outbox.OutboxTracing;
import org.zhenwu.platform.security.JwtProperties;
import org.zhenwu.platform.security.SecurityConfiguration;
import org.zhenwu.platform.web.CorrelationId;
import org.zhenwu.platform.web.DateRanges;
import org.zhenwu.platform.web.ProblemDetailsAdvice;
import org.zhenwu.platform.web.RequestSizeLimit;
import org.zhenwu.platform.web.WellFormedStrings;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/** What every Zhenwu service gets by depending on {@code platform}. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"}, beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableScheduling
@EnableConfigurationProperties({OutboxProperties.class, JwtProperties.class, CalendarProperties.class, TownsProperties.class,
        IdempotencyProperties.class})
@Import({SecurityConfiguration.class, KafkaPlatformConfiguration.class, ProblemDetailsAdvice.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The trace context through the outbox; without a tracer (tracing off) rows carry none. */
    @Bean
    OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? OutboxTracing.off() : new OutboxTracing(t, p);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, PlatformTransactionManager transactions,
                            OutboxProperties properties, Clock clock, MeterRegistry meters, OutboxTracing tracing) {
        var tx = new TransactionTemplate(transactions);
        return new OutboxRelay(jdbc, kafka, tx, properties, clock, meters, tracing);
    }

    /** With the benchmark-only profile {@value DiscardingOutbox#PROFILE} (dev/test only), events are dropped. */
    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay, OutboxTracing tracing, Environment environment) {
        return DiscardingOutbox.chosenBy(environment) ? new DiscardingOutbox()
                : new Outbox(jdbc, json, relay, tracing);
    }

    /**
     * The platform's migrations are numbered below 1 ({@code db/platform}, V0_1, V0_2 …) and each service's from 1
     * up, so a platform migration released after a service's V9 must still run on that service's existing
     * database: Flyway applies such a lower version instead of refusing to start. Migrations never depend on
     * each other across the two locations (the platform's touch only outbox_event, inbox_event and idempotency_key).
     */
    @Bean
    FlywayConfigurationCustomizer platformMigrationsOutOfOrder() {
        return configuration -> configuration.outOfOrder(true);
    }

    /**
     * Keeps traces to the office's own work: no trace for each health probe and Prometheus scrape
     * ({@code /actuator/**}), and no separate spans for each Spring Security filter of every request.
     */
    @Bean
    ObservationPredicate platformObservationFilter() {
        return (name, context) -> {
            if (name.startsWith("spring.security.")) {
                return false;
            }
            if (context instanceof ServerRequestObservationContext request) {
                return !request.getCarrier().getRequestURI().startsWith("/actuator");
            }
            return true;
        };
    }

    @Bean
    Inbox inbox(JdbcClient jdbc) {
        return new Inbox(jdbc);
    }

    @Bean
    Jurisdictions jurisdictions(TownsProperties towns) {
        return new Jurisdictions(towns);
    }

    @Bean
    @ConditionalOnMissingBean
    WorkingDayCalendar workingDayCalendar(CalendarProperties properties) {
        WorkingDayCalendar.Builder calendar = WorkingDayCalendar.builder().addBundled();
        if (properties.extraFile() != null) {
            try {
                calendar.add(Files.newBufferedReader(properties.extraFile(), StandardCharsets.UTF_8),
                        properties.extraFile().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read zhenwu.calendar.extra-file", e);
            }
        }
        properties.extraRestDays().forEach(calendar::restDay);
        properties.extraWorkingDays().forEach(calendar::workingDay);
        return calendar.build();
    }

    /** JSON strings must be well-formed Unicode (Spring Boot registers every JacksonModule bean). */
    @Bean
    WellFormedStrings wellFormedStrings() {
        return new WellFormedStrings();
    }

    /** Dates and times must fit the tables' DATE and TIMESTAMP columns (400, not a database error). */
    @Bean
    DateRanges dateRanges() {
        return new DateRanges();
    }

    @Bean
    FilterRegistrationBean<CorrelationId> correlationIdFilter() {
        var registration = new FilterRegistrationBean<>(new CorrelationId());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, Clock clock, IdempotencyProperties properties) {
        return new IdempotencyStore(jdbc, clock, properties);
    }

    /** Boot adds every TransactionExecutionListener bean to the transaction manager. */
    @Bean
    TransactionExecutionListener idempotencyCommitMarker(IdempotencyStore store) {
        return IdempotentRequests.commitMarker(store);
    }

    /** The header in each service's OpenAPI document, for the consoles' developers. */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer idempotencyKeyApiDocs() {
        return IdempotencyApiDocs.customizer();
    }

    /** After Spring Security's filter chain (order −100): a key belongs to the caller the token names. */
    @Bean
    FilterRegistrationBean<IdempotentRequests> idempotentRequestsFilter(IdempotencyStore store,
                                                                       IdempotencyProperties properties,
                                                                       MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new IdempotentRequests(store, properties, meters));
        registration.setOrder(-90);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimitFilter(
            @Value("${zhenwu.web.max-request-bytes:5MB}") DataSize max) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimit(max.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
