package org.zhenwu.document.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/** The reporting limits: defaults, per-level overrides, and what the validation refuses. */
class EmergencyPropertiesTest {
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void a_level_may_have_its_own_limits_and_the_others_keep_the_defaults() {
        var p = properties(Duration.ofMinutes(30), Duration.ofMinutes(60),
                Map.of(EmergencyLevel.ESPECIALLY_MAJOR, new EmergencyProperties.Limits(Duration.ofMinutes(15), null)));
        assertThat(VALIDATOR.validate(p)).isEmpty();
        assertThat(p.phoneWithin(EmergencyLevel.ESPECIALLY_MAJOR)).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.writtenWithin(EmergencyLevel.ESPECIALLY_MAJOR)).isEqualTo(Duration.ofMinutes(60));
        assertThat(p.phoneWithin(EmergencyLevel.GENERAL)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void zero_limits_and_a_written_report_due_before_the_phone_report_are_refused() {
        assertThat(VALIDATOR.validate(properties(Duration.ZERO, Duration.ofMinutes(60), null)))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("phoneWithin");
        assertThat(VALIDATOR.validate(properties(Duration.ofMinutes(30), Duration.ofMinutes(20), null))).isNotEmpty();
        assertThat(VALIDATOR.validate(properties(Duration.ofMinutes(30), Duration.ofMinutes(60),
                Map.of(EmergencyLevel.MAJOR, new EmergencyProperties.Limits(Duration.ofMinutes(90), null)))))
                .as("a level whose phone limit passes the written one").isNotEmpty();
    }

    private static EmergencyProperties properties(Duration phone, Duration written,
                                                  Map<EmergencyLevel, EmergencyProperties.Limits> levels) {
        return new EmergencyProperties(phone, written, levels, Duration.ofSeconds(60), Duration.ofSeconds(30));
    }
}
