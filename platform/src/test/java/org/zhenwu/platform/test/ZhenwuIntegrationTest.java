package org.zhenwu.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full service on a random port against real infrastructure: a fresh MySQL/MariaDB schema (server at
 * {@code ZHENWU_TEST_DB_URL}, default {@code jdbc:mysql://127.0.0.1:3306/}, root with an empty password) and the
 * one Kafka broker of this test JVM (spring-kafka-test's embedded KRaft broker, started once and shared).
 * The schema is made when the Spring context is made, so classes that share a context (and its cache entry)
 * share a schema: tests write their own, unique data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestInfrastructure.class)
public @interface ZhenwuIntegrationTest {
}
