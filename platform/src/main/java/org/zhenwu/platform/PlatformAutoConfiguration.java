package org.zhenwu.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.zhenwu.platform.calendar.CalendarProperties;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.inbox.Inbox;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.jurisdiction.TownsProperties;
import org.zhenwu.platform.kafka.KafkaPlatformConfiguration;
import org.zhenwu.platform.outbox.DiscardingOutbox;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.outbox.OutboxProperties;
import org.zhenwu.platform.outbox.OutboxRelay;
import org.zhenwu.platform.security.JwtProperties;
import org.zhenwu.platform.security.SecurityConfiguration;
import org.zhenwu.platform.web.CorrelationId;
import org.zhenwu.platform.web.DateRanges;
import org.zhenwu.platform.web.ProblemDetailsAdvice;
import org.zhenwu.platform.web.RequestSizeLimit;
import org.zhenwu.platform.web.WellFormedStrings;

import io.micrometer.core.instrument.MeterRegistry;
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
@EnableConfigurationProperties({OutboxProperties.class, JwtProperties.class, CalendarProperties.class, TownsProperties.class})
@Import({SecurityConfiguration.class, KafkaPlatformConfiguration.class, ProblemDetailsAdvice.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, PlatformTransactionManager transactions,
                            OutboxProperties properties, Clock clock, MeterRegistry meters) {
        return new OutboxRelay(jdbc, kafka, new TransactionTemplate(transactions), properties, clock, meters);
    }

    /** With the benchmark-only profile {@value DiscardingOutbox#PROFILE} (dev/test only), events are dropped. */
    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay, Environment environment) {
        return DiscardingOutbox.chosenBy(environment) ? new DiscardingOutbox() : new Outbox(jdbc, json, relay);
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
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimitFilter(
            @Value("${zhenwu.web.max-request-bytes:5MB}") DataSize max) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimit(max.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
