package org.zhenwu.fleet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhenwu.platform.web.IllegalTransitionException;

class DriverStatusTest {
    static Stream<Arguments> every_pair() {
        List<Arguments> pairs = new ArrayList<>();
        for (DriverStatus from : DriverStatus.values()) {
            Set<DriverStatus> allowed = switch (from) {
                case ACTIVE -> EnumSet.of(DriverStatus.SUSPENDED, DriverStatus.RETIRED);
                case SUSPENDED -> EnumSet.of(DriverStatus.ACTIVE, DriverStatus.RETIRED);
                case RETIRED -> EnumSet.noneOf(DriverStatus.class);
            };
            for (DriverStatus to : DriverStatus.values()) {
                pairs.add(Arguments.of(from, to, allowed.contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("every_pair")
    void only_the_driver_tables_moves_are_allowed(DriverStatus from, DriverStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} drives {1} seats: {2}")
    @CsvSource({"C1, 5, true", "C1, 9, true", "C1, 12, false", "B1, 19, true", "B1, 33, false", "A1, 45, true",
            "C2, , true", "B2, 12, false"})
    void a_licence_class_drives_vehicles_up_to_its_seats(LicenceClass licence, Integer seats, boolean drives) {
        assertThat(licence.drives(seats)).isEqualTo(drives);
    }

    @Test
    void a_retired_driver_stays_retired() {
        Driver driver = Driver.register(UUID.randomUUID(), "440606104", new Driver.Registration("陈建华", null,
                "440606198001011234", LicenceClass.B1, LocalDate.of(2030, 1, 1)), "manager", Instant.now());
        driver.suspend("年休假");
        driver.reinstate(null);
        driver.retire("退休");
        assertThatThrownBy(() -> driver.reinstate(null))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("RETIRED");
    }
}
