package org.zhenwu.hotline.support;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.zhenwu.platform.test.LoadRun;
import org.zhenwu.platform.test.TestInfrastructure;

/**
 * A schema of its own, migrated by the service's Flyway scripts, for tests that load rows in bulk and read plans or
 * migrations without starting the service; {@link #close()} drops it. Holds a table {@code plan_digit} (0–9) to make
 * numbers from: {@code FROM plan_digit a, plan_digit b, …}.
 */
public final class MigratedSchema implements AutoCloseable {
    private final String schema;
    private final SingleConnectionDataSource dataSource;
    private final JdbcClient jdbc;

    private MigratedSchema(String target) {
        schema = TestInfrastructure.freshSchema();
        dataSource = new SingleConnectionDataSource(TestInfrastructure.jdbcUrl(schema), TestInfrastructure.DB_USER,
                TestInfrastructure.DB_PASSWORD, true);
        migrate(target);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE plan_digit (d INT PRIMARY KEY)").update();
        jdbc.sql("INSERT INTO plan_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)").update();
    }

    /** Migrated to the latest version. */
    public static MigratedSchema latest() {
        return new MigratedSchema(null);
    }

    /** Migrated up to {@code version} only; {@link #migrate} the rest later. */
    public static MigratedSchema upTo(String version) {
        return new MigratedSchema(version);
    }

    /** Applies the migrations up to {@code target} (null: all). */
    public void migrate(String target) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/platform");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        dataSource.destroy();
        LoadRun.dropSchema(schema);
    }
}
