package org.zhenwu.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.AuthorizationMatrix.Operation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input for every JSON POST/PUT body of a running service, generated from its OpenAPI request schemas
 * (jqwik arbitraries): wrong types, missing or null required fields, huge strings, lone surrogates, impossible
 * or out-of-range dates, injection strings in typed fields, deeply nested JSON, broken JSON. Each case is sent by
 * a caller the authorization table allows, with the path ids and the otherwise valid body of the matrix's
 * fixture; the answer must be a 4xx {@code application/problem+json} (never a 5xx, never a success), no event
 * may carry the request's correlation id, and the service's tables must hold the same number of rows before and
 * after (a change is retried twice, so that a scheduled job writing meanwhile is not blamed on the request). Open311-style non-JSON bodies (forms,
 * imports) are not generated here.
 */
public final class BadInput {
    private static final String RAW = "\"__bad_input_raw__\"";
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE outbox_event; --",
            "${jndi:ldap://127.0.0.1:1/a}", "<script>alert(1)</script>", "../../../../etc/passwd", "%00", "\\u0000",
            "{{7*7}}", "#{7*7}", "admin'--", "\" OR \"\"=\"");
    private static final List<String> BAD_DATES = List.of("2019-02-30", "2019-13-01", "2019-00-10", "+10000-01-01",
            "-0001-01-01", "0000-00-00", "99999-12-31", "2019-1-1", "yesterday");
    private static final List<String> BAD_DATE_TIMES = List.of("2019-02-30T09:00:00Z", "2019-01-01T25:00:00Z",
            "+10000-01-01T00:00:00Z", "-1000000-01-01T00:00:00Z", "2019-01-01 09:00", "1e309", "now");

    private final AuthorizationMatrix matrix;
    private final JdbcClient jdbc;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, List<Field>> fields = new LinkedHashMap<>();
    private AuthorizationMatrix.Records records;
    private List<String> tables;

    /** One top-level property of a request schema. */
    public record Field(String name, String type, String format, boolean required, boolean constrained,
                        Integer maxLength) {
    }

    /** One bad request: the operation, what was done to its body, and the raw JSON put in (or the whole body). */
    public record Case(String operation, String mutation, String field, String raw) {
        @Override
        public String toString() {
            String shown = raw == null ? "" : raw.length() > 80 ? raw.substring(0, 80) + "…(" + raw.length() + ")" : raw;
            return operation + " " + mutation + (field == null ? "" : " " + field) + " " + shown;
        }
    }

    public BadInput(AuthorizationMatrix matrix, JdbcClient jdbc) {
        this.matrix = matrix;
        this.jdbc = jdbc;
        JsonNode document = matrix.json().readTree(new Api(matrix.port()).get("/v3/api-docs").body());
        for (Operation op : matrix.operations(document).values()) {
            if (("POST".equals(op.method()) || "PUT".equals(op.method())) && "application/json".equals(op.bodyContentType())
                    && matrix.allowedCaller(op.key()) != null) {
                operations.add(op);
                fields.put(op.key(), fieldsOf(document, op));
            }
        }
    }

    /** The operations the cases cover. */
    public List<String> operations() {
        return operations.stream().map(Operation::key).toList();
    }

    /** Every kind of bad request, over every operation alike. */
    public Arbitrary<Case> cases() {
        return Arbitraries.of(operations).flatMap(op -> casesFor(op, fields.get(op.key())));
    }

    private Arbitrary<Case> casesFor(Operation operation, List<Field> all) {
        String op = operation.key();
        List<Arbitrary<Case>> kinds = new ArrayList<>();
        List<Field> required = all.stream().filter(Field::required).toList();
        List<Field> strings = all.stream().filter(f -> "string".equals(f.type())).toList();
        List<Field> dates = all.stream().filter(f -> "date".equals(f.format()) || "date-time".equals(f.format())).toList();
        List<Field> typed = all.stream().filter(Field::constrained).toList();
        if (!required.isEmpty()) {
            kinds.add(Arbitraries.of(required).map(f -> new Case(op, "missing", f.name(), null)));
            kinds.add(Arbitraries.of(required).map(f -> new Case(op, "null", f.name(), "null")));
        }
        if (!all.isEmpty()) {
            kinds.add(Arbitraries.of(all).flatMap(f -> wrongType(f).map(raw -> new Case(op, "wrong-type", f.name(), raw))));
            kinds.add(Combinators.combine(Arbitraries.of(all), Arbitraries.integers().between(600, 5000))
                    .as((f, depth) -> new Case(op, "deep-nesting", f.name(), "[".repeat(depth) + "]".repeat(depth))));
        }
        if (!strings.isEmpty()) {
            kinds.add(Arbitraries.of(strings).flatMap(f -> Arbitraries.integers()
                    .between(f.maxLength() == null ? 100_000 : f.maxLength() + 1,
                            f.maxLength() == null ? 400_000 : Math.max(f.maxLength() + 1, f.maxLength() * 3))
                    .map(n -> new Case(op, "huge-string", f.name(), "\"" + "长".repeat(n) + "\""))));
            kinds.add(Combinators.combine(Arbitraries.of(strings), Arbitraries.of("\\ud800", "\\udfff", "\\udc00\\ud800",
                            "x\\ud83dy"), Arbitraries.strings().alpha().ofMaxLength(8))
                    .as((f, surrogate, text) -> new Case(op, "lone-surrogate", f.name(), "\"" + text + surrogate + text + "\"")));
        }
        if (!dates.isEmpty()) {
            kinds.add(Arbitraries.of(dates).flatMap(f -> Arbitraries.of("date".equals(f.format()) ? BAD_DATES : BAD_DATE_TIMES)
                    .map(d -> new Case(op, "bad-date", f.name(), quote(d)))));
        }
        if (!typed.isEmpty()) {
            kinds.add(Combinators.combine(Arbitraries.of(typed), Arbitraries.of(INJECTIONS))
                    .as((f, s) -> new Case(op, "injection", f.name(), quote(s))));
        }
        List<String> broken = new ArrayList<>(List.of("{", "{\"", "[]", "\"text\"", "42", "{\"a\":}", "{}}", "\u0000"));
        if (operation.bodyRequired()) {
            broken.addAll(List.of("", "null")); // an optional body may be left out
        }
        kinds.add(Arbitraries.of(broken).map(body -> new Case(op, "broken-json", null, body)));
        return Arbitraries.oneOf(kinds);
    }

    private static Arbitrary<String> wrongType(Field f) {
        if ("string".equals(f.type())) {
            return Arbitraries.of("{\"a\":1}", "[[1]]", "{}", "[{}]");
        }
        if ("integer".equals(f.type()) || "number".equals(f.type())) {
            return Arbitraries.of("\"zwölf\"", "{\"a\":1}", "[\"x\"]", "\"1e999999\"", "1e999999", "\"12abc\"");
        }
        if ("boolean".equals(f.type())) {
            return Arbitraries.of("\"vielleicht\"", "{\"a\":1}", "[\"x\"]", "\"2\"");
        }
        if ("array".equals(f.type())) {
            return Arbitraries.of("{\"a\":1}", "[{\"a\":[]}]", "[[\"x\"]]");
        }
        return Arbitraries.of("\"text\"", "[1]");
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    /** Sends one case and checks the answer and the tables. */
    public void check(Case c) {
        Operation op = operations.stream().filter(o -> o.key().equals(c.operation())).findFirst().orElseThrow();
        if (records == null) {
            records = matrix.newRecords();
        }
        AuthorizationMatrix.Prepared prepared = matrix.prepare(op, matrix.allowedCaller(op.key()), records);
        String body = mutate(prepared.body(), c);
        String difference = "";
        // A scheduled job of the service may write while a request is in flight: a request that writes does so
        // every time, so a change seen on three attempts in a row (or an event carrying the request's correlation
        // id) is the request's own.
        for (int attempt = 0; attempt < 3; attempt++) {
            String correlation = "bad-input-" + java.util.UUID.randomUUID();
            Map<String, Long> before = rows();
            Api.Response r = prepared.api().send(prepared.api().request(prepared.uri())
                    .header("Content-Type", prepared.contentType()).header("X-Correlation-Id", correlation)
                    .method(prepared.method(), HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)));
            Map<String, Long> after = rows();
            if (r.status() / 100 == 2) {
                records = null; // something was written: the fixture's records may have changed
            }
            assertThat(r.status()).as("%s answered %d: %s", c, r.status(), snippet(r.body())).isBetween(400, 499);
            assertThat(r.isProblem()).as("%s answered %s: %s", c, r.contentType(), snippet(r.body())).isTrue();
            assertThat(eventsOf(correlation)).as("%s published events", c).isZero();
            if (after.equals(before)) {
                return;
            }
            difference = difference(before, after);
        }
        throw new AssertionError(c + " changed the tables on each of three attempts: " + difference);
    }

    private long eventsOf(String correlation) {
        if (!rows().containsKey("outbox_event")) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE correlation_id = ?").param(correlation).query(Long.class).single();
    }

    /**
     * A body of {@code bytes} to every operation, with a Content-Length and chunked (none): 413 problem+json
     * (or the connection closed before the whole body was read: at least one of them must be answered) and no
     * event published under the request's correlation id.
     */
    public void checkOversizedBodies(int bytes) {
        checkOversizedBodies(bytes, operations.size());
    }

    /**
     * As {@link #checkOversizedBodies(int)} on {@code count} operations spread over the list: the limit is one
     * filter in front of every route, and each 10 MB upload costs about half a second.
     */
    public void checkOversizedBodies(int bytes, int count) {
        List<Operation> spread = new ArrayList<>();
        for (int i = 0; i < Math.min(count, operations.size()); i++) {
            spread.add(operations.get(i * operations.size() / Math.min(count, operations.size())));
        }
        int answered413 = 0;
        for (Operation op : spread) {
            if (records == null) {
                records = matrix.newRecords();
            }
            AuthorizationMatrix.Prepared prepared = matrix.prepare(op, matrix.allowedCaller(op.key()), records);
            for (boolean chunked : new boolean[] {false, true}) {
                String correlation = "oversized-" + java.util.UUID.randomUUID();
                HttpRequest.Builder request = prepared.api().request(prepared.uri()).header("Content-Type", "application/json")
                        .header("X-Correlation-Id", correlation);
                HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> hugeJson(bytes));
                request.method(op.method(), chunked ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, bytes));
                String what = op.key() + " with a " + bytes + "-byte body" + (chunked ? ", chunked" : "");
                Api.Response r;
                try {
                    r = prepared.api().send(request);
                } catch (IllegalStateException closed) {
                    // An upload the server refused may see the connection closed before the answer is read
                    // (Tomcat stops swallowing an unread body after 2 MB): refused all the same.
                    assertThat(eventsOf(correlation)).as("%s published events", what).isZero();
                    continue;
                }
                assertThat(r.status()).as("%s answered %d: %s", what, r.status(), snippet(r.body())).isEqualTo(413);
                answered413++;
                assertThat(r.isProblem()).as(what).isTrue();
                // the body was refused unread (413): nothing of it can have been written; a change of the row counts
                // in the meantime is a scheduled job's, as long as no event carries the request's correlation id
                assertThat(eventsOf(correlation)).as("%s published events", what).isZero();
            }
        }
        assertThat(answered413).as("no oversized upload was answered at all (each saw its connection closed)").isPositive();
    }

    /** {"a":"xxxx…"} of exactly {@code bytes} bytes. */
    private static InputStream hugeJson(int bytes) {
        byte[] head = "{\"a\":\"".getBytes();
        byte[] tail = "\"}".getBytes();
        int fill = bytes - head.length - tail.length;
        InputStream x = new InputStream() {
            int left = fill;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head), x,
                new ByteArrayInputStream(tail))));
    }

    private String mutate(String valid, Case c) {
        if ("broken-json".equals(c.mutation())) {
            return c.raw();
        }
        JsonNode tree = matrix.json().readTree(valid == null || valid.isBlank() ? "{}" : valid);
        ObjectNode body = tree.isObject() ? (ObjectNode) tree : matrix.json().createObjectNode();
        if ("missing".equals(c.mutation())) {
            body.remove(c.field());
            return matrix.json().writeValueAsString(body);
        }
        body.put(c.field(), RAW.substring(1, RAW.length() - 1));
        return matrix.json().writeValueAsString(body).replace(RAW, c.raw());
    }

    /** Rows per table of the service's schema (Flyway's history aside). */
    private Map<String, Long> rows() {
        if (tables == null) {
            tables = jdbc.sql("""
                    SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()
                    AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' ORDER BY table_name""")
                    .query(String.class).list();
        }
        StringBuilder sql = new StringBuilder();
        for (String t : tables) {
            if (!sql.isEmpty()) {
                sql.append(" UNION ALL ");
            }
            sql.append("SELECT '").append(t).append("', COUNT(*) FROM `").append(t).append('`');
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder d = new StringBuilder();
        after.forEach((t, n) -> {
            if (!n.equals(before.get(t))) {
                d.append(t).append(' ').append(before.get(t)).append(" → ").append(n).append("; ");
            }
        });
        return d.toString();
    }

    private static String snippet(String body) {
        return body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }

    // ---- schemas ------------------------------------------------------------------------------------------------

    private static List<Field> fieldsOf(JsonNode document, Operation op) {
        JsonNode operation = document.path("paths").path(op.path()).path(op.method().toLowerCase(java.util.Locale.ROOT));
        JsonNode schema = resolve(document, operation.path("requestBody").path("content").path("application/json").path("schema"));
        List<Field> out = new ArrayList<>();
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            JsonNode s = resolve(document, p.getValue());
            String type = s.path("type").asString("object");
            String format = s.path("format").isMissingNode() ? null : s.path("format").asString();
            boolean constrained = !"string".equals(type) || format != null || s.has("enum") || s.has("pattern");
            Integer max = s.has("maxLength") ? s.get("maxLength").asInt() : null;
            out.add(new Field(p.getKey(), type, format, required.contains(p.getKey()), constrained, max));
        }
        return out;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asString();
            s = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }
}
