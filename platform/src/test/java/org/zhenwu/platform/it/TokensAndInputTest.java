package org.zhenwu.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Every kind of bad token is 401 problem+json; bodies that are too large or not well-formed Unicode are refused. */
@ZhenwuIntegrationTest
class TokensAndInputTest {
    static final String TOWN = "440606104";
    static final String NOTE = "{\"text\":\"a note\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    JWTClaimsSet.Builder valid() {
        return new JWTClaimsSet.Builder().subject("clerk").issuer("zhenwu").audience("zhenwu")
                .expirationTime(new Date(System.currentTimeMillis() + 600_000)).claim("jurisdiction", TOWN)
                .claim("roles", List.of("OFFICE_CLERK"));
    }

    void refused(String token, String what) {
        Api.Response r = new Api(port).as(token).post("/api/notes", NOTE);
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(401);
        assertThat(r.isProblem()).as(what).isTrue();
        assertThat(r.header("WWW-Authenticate")).as(what).startsWith("Bearer");
    }

    @Test
    void a_valid_token_is_accepted_so_the_refusals_below_are_about_the_token() {
        assertThat(new Api(port).as(TestTokens.sign(TestTokens.SECRET, valid().build())).post("/api/notes", NOTE).status())
                .isEqualTo(201);
    }

    @Test
    void missing_malformed_and_empty_tokens_are_401() {
        Api.Response none = new Api(port).post("/api/notes", NOTE);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();
        refused("not-a-jwt", "malformed");
        refused("a.b.c", "three garbage parts");
        Api.Response basic = new Api(port).send(new Api(port).request("/api/notes").header("Authorization", "Basic YTpi")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(NOTE)));
        assertThat(basic.status()).as("another scheme").isEqualTo(401);
    }

    @Test
    void expired_not_yet_valid_and_everlasting_tokens_are_401() {
        refused(TestTokens.sign(TestTokens.SECRET, valid().expirationTime(new Date(System.currentTimeMillis() - 600_000)).build()),
                "expired");
        refused(TestTokens.sign(TestTokens.SECRET, valid().notBeforeTime(new Date(System.currentTimeMillis() + 600_000)).build()),
                "not before in the future");
        refused(TestTokens.sign(TestTokens.SECRET, valid().expirationTime(null).build()), "no expiry at all");
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_that_reveals_nothing_but_a_reference() {
        Api clerk = new Api(port).as(TestTokens.sign(TestTokens.SECRET, valid().build()));
        Api.Response r = clerk.send(clerk.request("/api/notes/failing").header("X-Correlation-Id", "corr-500-test").GET());
        assertThat(r.status()).as(r.body()).isEqualTo(500);
        assertThat(r.isProblem()).as(r.contentType()).isTrue();
        assertThat(r.body()).contains("\"reference\":\"corr-500-test\"").doesNotContain("hunter2")
                .doesNotContain("jdbc:").doesNotContain("IllegalStateException");
    }

    @Test
    void published_reads_need_no_token_and_ignore_a_bad_one() {
        assertThat(new Api(port).get("/public/notes/motto").status()).isEqualTo(200);
        Api.Response withGarbage = new Api(port).as("not-a-jwt").get("/public/notes/motto");
        assertThat(withGarbage.status()).as("a stray bearer header is not judged on a public path").isEqualTo(200);
        assertThat(new Api(port).as("not-a-jwt").get("/api/notes/failing").status()).as("but elsewhere it is")
                .isEqualTo(401);
    }

    @Test
    void wrong_signature_audience_or_issuer_are_401() {
        refused(TestTokens.sign("another-secret-that-is-long-enough-to-be-hmac-key", valid().build()), "wrong key");
        refused(TestTokens.sign(TestTokens.SECRET, valid().audience("elsewhere").build()), "wrong audience");
        refused(TestTokens.sign(TestTokens.SECRET, valid().audience((String) null).build()), "no audience");
        refused(TestTokens.sign(TestTokens.SECRET, valid().issuer("https://evil.example").build()), "wrong issuer");
        refused(TestTokens.sign(TestTokens.SECRET, valid().issuer(null).build()), "no issuer");
        String good = TestTokens.sign(TestTokens.SECRET, valid().build());
        String tampered = good.substring(0, good.indexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(valid().subject("admin").claim("roles",
                List.of("DISTRICT_ADMIN")).claim("jurisdiction", "DISTRICT").build().toString().getBytes(StandardCharsets.UTF_8))
                + good.substring(good.lastIndexOf('.'));
        refused(tampered, "claims changed after signing");
    }

    @Test
    void unsigned_and_other_algorithm_tokens_are_401() throws Exception {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(valid().build().toString().getBytes(StandardCharsets.UTF_8));
        for (String alg : List.of("none", "None", "NONE")) {
            String header = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
            refused(header + "." + payload + ".", "alg " + alg);
        }
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), valid().build());
        hs512.sign(new MACSigner((TestTokens.SECRET + TestTokens.SECRET).getBytes(StandardCharsets.UTF_8)));
        refused(hs512.serialize(), "HS512 instead of HS256");
    }

    @Test
    void a_chunked_body_past_the_limit_is_413_and_writes_nothing() {
        long before = notes();
        byte[] body = ("{\"text\":\"" + "x".repeat(30_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Api clerk = new Api(port).as(TestTokens.token("clerk-" + UUID.randomUUID(), TOWN, "OFFICE_CLERK"));
        Api.Response r = clerk.send(clerk.request("/api/notes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.isProblem()).isTrue();
        assertThat(notes()).isEqualTo(before);
    }

    @Test
    void text_that_is_not_well_formed_unicode_is_400_naming_the_field() {
        long before = notes();
        Api clerk = new Api(port).as(TestTokens.token("clerk-" + UUID.randomUUID(), TOWN, "OFFICE_CLERK"));
        for (String text : List.of("\\ud800", "abc\\udfff", "\\udc00\\ud800")) {
            Api.Response r = clerk.post("/api/notes", "{\"text\":\"" + text + "\"}");
            assertThat(r.status()).as(text + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"text\"");
        }
        assertThat(clerk.post("/api/notes", "{\"text\":\"\\ud83d\\ude00 paired is fine\"}").status()).isEqualTo(201);
        assertThat(notes()).isEqualTo(before + 1);
    }

    private long notes() {
        return jdbc.sql("SELECT COUNT(*) FROM note").query(Long.class).single();
    }
}
