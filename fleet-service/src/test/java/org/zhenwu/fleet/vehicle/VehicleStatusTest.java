package org.zhenwu.fleet.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

class VehicleStatusTest {
    private static final Instant NOW = Instant.parse("2019-01-07T01:00:00Z");

    static Stream<Arguments> every_pair() {
        List<Arguments> pairs = new ArrayList<>();
        for (VehicleStatus from : VehicleStatus.values()) {
            Set<VehicleStatus> allowed = switch (from) {
                case AVAILABLE -> EnumSet.of(VehicleStatus.IN_REPAIR, VehicleStatus.SEALED, VehicleStatus.DISPOSED);
                case IN_REPAIR, SEALED -> EnumSet.of(VehicleStatus.AVAILABLE, VehicleStatus.DISPOSED);
                case DISPOSED -> EnumSet.noneOf(VehicleStatus.class);
            };
            for (VehicleStatus to : VehicleStatus.values()) {
                pairs.add(Arguments.of(from, to, allowed.contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("every_pair")
    void only_the_registers_moves_are_allowed(VehicleStatus from, VehicleStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void a_registered_vehicle_is_available_with_one_audit_line_and_one_event() {
        Vehicle vehicle = registered();
        assertThat(vehicle.status()).isEqualTo(VehicleStatus.AVAILABLE);
        assertThat(vehicle.plate()).isEqualTo("粤XD12345");
        assertThat(vehicle.tankLitres()).isEqualTo(new BigDecimal("55.0"));
        assertThat(vehicle.transitions()).singleElement().satisfies(t -> {
            assertThat(t.fromStatus()).isNull();
            assertThat(t.toStatus()).isEqualTo(VehicleStatus.AVAILABLE);
        });
        assertThat(vehicle.pullEvents()).singleElement().isInstanceOf(VehicleEvent.Registered.class);
    }

    @Test
    void a_repaired_vehicle_comes_back_but_a_sealed_one_is_not_repaired_back_into_service() {
        Vehicle vehicle = registered();
        vehicle.sendToRepair("manager", "定点维修厂", NOW);
        vehicle.completeRepair("manager", null, NOW);
        assertThat(vehicle.status()).isEqualTo(VehicleStatus.AVAILABLE);

        vehicle.seal("manager", "春节封存", NOW);
        assertThatThrownBy(() -> vehicle.completeRepair("manager", null, NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("SEALED");
        vehicle.unseal("manager", null, NOW);
        assertThatThrownBy(() -> vehicle.unseal("manager", null, NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("AVAILABLE");
        assertThat(vehicle.transitions()).extracting(VehicleTransition::toStatus).containsExactly(
                VehicleStatus.AVAILABLE, VehicleStatus.IN_REPAIR, VehicleStatus.AVAILABLE, VehicleStatus.SEALED,
                VehicleStatus.AVAILABLE);
    }

    @Test
    void a_disposed_vehicle_is_gone_for_good() {
        Vehicle vehicle = registered();
        vehicle.sendToRepair("manager", null, NOW);
        vehicle.dispose("manager", "报废", NOW);
        assertThatThrownBy(() -> vehicle.dispose("manager", "again", NOW))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("DISPOSED");
        assertThatThrownBy(() -> vehicle.completeRepair("manager", null, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(vehicle.status()).isEqualTo(VehicleStatus.DISPOSED);
        assertThat(vehicle.transitions()).hasSize(3);
    }

    @Test
    void a_pure_electric_vehicle_has_neither_tank_nor_fuel_norm() {
        assertThat(register("0", "0").tankLitres()).isZero();
        assertThatThrownBy(() -> register("0", "8.5"))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("fuelPer100kmNorm");
        assertThatThrownBy(() -> register("55", "0"))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("tankLitres");
    }

    @ParameterizedTest
    @ValueSource(strings = {"粤X12345", "粤X·12345", "粤x 12345", "粤X·D12345", "粤XF1234", "粤X12345D", "粤X1234警", "粤X1234应急",
            "京AB1234"})
    void usual_ways_of_writing_a_chinese_plate_are_accepted(String written) {
        assertThat(Plate.parse(written).value()).doesNotContain("·", " ").matches("\\p{IsHan}[A-Z].+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X12345", "粤12345", "粤X1234", "粤X123456", "粤XO1234", "粤I12345", "AB12345", "粤X·D1234A", "火X12345"})
    void anything_else_is_refused_naming_the_plate(String written) {
        assertThatThrownBy(() -> Plate.parse(written))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("plate");
    }

    @Test
    void the_same_plate_written_differently_is_the_same_plate() {
        assertThat(Plate.parse("粤X·D12345")).isEqualTo(Plate.parse("粤XD12345"));
    }

    private static Vehicle registered() {
        return Vehicle.register(UUID.randomUUID(), "440606104", new Vehicle.Registration(Plate.parse("粤X·D12345"),
                VehicleClass.GENERAL_OFFICIAL, VehicleCategory.PLATFORM, true, 5, new BigDecimal("55"),
                new BigDecimal("8.5"), 48210), "manager", NOW);
    }

    private static Vehicle register(String tank, String norm) {
        return Vehicle.register(UUID.randomUUID(), "440606104", new Vehicle.Registration(Plate.parse("粤X12345"),
                VehicleClass.LAW_ENFORCEMENT, VehicleCategory.RESERVED, true, null, new BigDecimal(tank),
                new BigDecimal(norm), 0), "manager", NOW);
    }
}
