package org.zhenwu.document.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.MassAssignment;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * A client can't set ids, status, town, department, version, audit fields or counters through a request body:
 * every JSON POST/PUT, with such fields planted, is refused or ignores them.
 */
@ZhenwuIntegrationTest
class MassAssignmentTest {
    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fields_a_client_must_not_set_are_ignored_or_refused_on_every_write() {
        MassAssignment planted = new MassAssignment(new SecurityFixture(port, json, jdbc).matrix(),
                SecurityFixture.OTHER_TOWN);
        assertThat(planted.operations()).isNotEmpty();
        assertThat(planted.violations()).isEmpty();
    }
}
