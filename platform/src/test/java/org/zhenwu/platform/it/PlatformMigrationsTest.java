package org.zhenwu.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.zhenwu.platform.test.TestInfrastructure;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

/**
 * Platform migrations released after a service's own (here V0_2, the outbox's trace context, and V0_3, the
 * idempotency keys, arriving when the service is at V1) must run on that service's existing database when the new
 * version starts.
 */
@ZhenwuIntegrationTest
class PlatformMigrationsTest {
    @Autowired
    ObjectProvider<FlywayConfigurationCustomizer> customizers;

    @Test
    void a_later_platform_migration_upgrades_a_database_already_past_it(@TempDir Path before) throws IOException {
        // the database as the previous release left it: platform V0_1 and the service's V1 applied
        copy("db/platform/V0_1__platform_outbox_inbox.sql", before);
        copy("db/platform-test/V1__notes.sql", before);
        String schema = TestInfrastructure.freshSchema();
        flyway(schema, "filesystem:" + before).load().migrate();

        List<String> locations = List.of("classpath:db/platform-test", "classpath:db/platform");
        assertThatThrownBy(() -> flyway(schema, locations.toArray(String[]::new)).load().migrate())
                .as("plain Flyway refuses the lower version: what the platform's setting is for")
                .hasMessageContaining("0.2");

        FluentConfiguration configured = flyway(schema, locations.toArray(String[]::new));
        customizers.orderedStream().forEach(c -> c.customize(configured));
        configured.load().migrate();
        assertThat(configured.load().info().current().getVersion().getVersion()).isEqualTo("1");
        assertThat(configured.load().info().applied()).extracting(m -> m.getVersion().getVersion())
                .containsExactly("0.1", "1", "0.2", "0.3");
    }

    private static FluentConfiguration flyway(String schema, String... locations) {
        return Flyway.configure()
                .dataSource(TestInfrastructure.jdbcUrl(schema), TestInfrastructure.DB_USER,
                        TestInfrastructure.DB_PASSWORD)
                .locations(locations);
    }

    private static void copy(String resource, Path dir) throws IOException {
        try (InputStream in = PlatformMigrationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, dir.resolve(Path.of(resource).getFileName()));
        }
    }
}
