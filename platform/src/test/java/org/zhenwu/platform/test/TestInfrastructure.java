package org.zhenwu.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/** Points a test context at a fresh schema and at the shared broker. See {@link ZhenwuIntegrationTest}. */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    public static final String DB_URL = env("ZHENWU_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
    public static final String DB_USER = env("ZHENWU_TEST_DB_USER", "root");
    public static final String DB_PASSWORD = env("ZHENWU_TEST_DB_PASSWORD", "");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = freshSchema();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("zhenwu-test-infrastructure", Map.of(
                "spring.datasource.url", jdbcUrl(schema),
                "spring.datasource.username", DB_USER,
                "spring.datasource.password", DB_PASSWORD,
                "spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                "spring.kafka.consumer.auto-offset-reset", "earliest",
                "zhenwu.security.jwt.secret", TestTokens.SECRET,
                "zhenwu.test.schema", schema)));
        // Kafka's own shutdown hook deletes the shared broker's log directory when the JVM exits, while Spring still
        // closes the test contexts: a producer closing against that failed broker waited its 30 s, and Surefire killed
        // the JVM first. Two seconds are plenty for a test context's producers.
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DefaultKafkaProducerFactory<?, ?> producers) {
                    producers.setPhysicalCloseTimeout(2);
                }
                return bean;
            }
        });
    }

    /** Creates an empty schema with a name unique to this JVM run and returns its name. */
    public static String freshSchema() {
        String schema = "zt_" + Long.toString(ProcessHandle.current().pid(), 36) + "_"
                + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36) + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema on " + DB_URL + " as " + DB_USER
                    + " (is MariaDB/MySQL running? set ZHENWU_TEST_DB_URL/USER/PASSWORD)", e);
        }
        return schema;
    }

    public static String jdbcUrl(String schema) {
        String base = DB_URL.endsWith("/") ? DB_URL : DB_URL + "/";
        return base + schema + "?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
