package org.zhenwu.document.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.json.JsonMapper;

/** Every endpoint × every role × own/other town, against {@code security/authorization-matrix.csv}. */
@ZhenwuIntegrationTest
class AuthorizationMatrixTest {
    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void every_endpoint_allows_exactly_the_roles_and_towns_the_table_says() {
        new SecurityFixture(port, json, jdbc).matrix().verify();
    }
}
