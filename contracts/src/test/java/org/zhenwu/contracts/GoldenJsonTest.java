package org.zhenwu.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.contracts.hotline.v1.WorkOrderDispatched;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every contract record serializes to its golden file, and a consumer still reads it with an unknown field added. */
class GoldenJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("hotline/v1/WorkOrderCreated.json", new WorkOrderCreated(
                        UUID.fromString("0b7e2f4c-1a8d-4c3e-9f51-2d6a7c8e9b10"), 1, Instant.parse("2019-03-04T01:30:00Z"),
                        "440606104", UUID.fromString("5f0c2a9e-8b7d-4e61-a3c2-1f9e8d7c6b5a"), "440606104-20190304-00001",
                        "COMPLAINT", "PHONE", "城市管理/占道经营", "NORMAL", LocalDate.parse("2019-03-21"))),
                Arguments.of("hotline/v1/WorkOrderDispatched.json", new WorkOrderDispatched(
                        UUID.fromString("3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), 1, Instant.parse("2019-03-04T02:00:00Z"),
                        "440606104", UUID.fromString("5f0c2a9e-8b7d-4e61-a3c2-1f9e8d7c6b5a"), "城市管理办",
                        LocalDate.parse("2019-03-21"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void the_record_serializes_to_its_golden_json(String golden, IntegrationEvent event) throws IOException {
        assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(read(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void a_consumer_reads_the_golden_json_even_with_an_unknown_field(String golden, IntegrationEvent event) throws IOException {
        ObjectNode tree = (ObjectNode) read(golden);
        tree.put("addedInALaterMinorVersion", "ignored");
        assertThat(JSON.treeToValue(tree, event.getClass())).isEqualTo(event);
    }

    private static JsonNode read(String golden) throws IOException {
        try (InputStream in = GoldenJsonTest.class.getResourceAsStream("/golden/" + golden)) {
            assertThat(in).as(golden).isNotNull();
            return JSON.readTree(in);
        }
    }
}
