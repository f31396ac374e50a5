package org.zhenwu.document.security;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.zhenwu.platform.test.BadInput;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input over every JSON POST/PUT body, generated from the OpenAPI schemas: always a 4xx problem+json and
 * not one row written. jqwik runs it; Spring's test context (the same cached one as the other tests of this
 * module) is joined by hand.
 */
@ZhenwuIntegrationTest
class BadInputPropertiesTest {
    private static final TestContextManager SPRING = new TestContextManager(BadInputPropertiesTest.class);
    private static BadInput badInput;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @BeforeProperty
    void joinSpring() throws Exception {
        SPRING.prepareTestInstance(this);
        if (badInput == null) {
            badInput = new BadInput(new SecurityFixture(port, json, jdbc).matrix(), jdbc);
        }
    }

    @Property(tries = 1500, shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void every_bad_body_is_a_4xx_problem_and_writes_nothing(@ForAll("badRequests") BadInput.Case bad) {
        badInput.check(bad);
    }

    @Provide
    Arbitrary<BadInput.Case> badRequests() {
        return badInput.cases();
    }

    /** This service takes up to 25 MB (attachments of 20 MB and their multipart overhead): one byte more is refused. */
    @Example
    void a_body_over_the_25_mb_limit_is_413_with_or_without_a_content_length_on_six_routes() {
        badInput.checkOversizedBodies(25 * 1024 * 1024 + 1, 6);
    }
}
