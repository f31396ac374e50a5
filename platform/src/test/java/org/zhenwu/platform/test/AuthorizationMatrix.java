package org.zhenwu.platform.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization matrix of one running service, generated from its OpenAPI document (OWASP API1 BOLA and
 * API5 function-level authorization). Every operation in {@code /v3/api-docs} is called as no token, as
 * {@code DISTRICT_ADMIN}, and as every town role both from the town that owns the fixture records ("own") and
 * from another town ("other"), with path ids, query parameters and bodies filled from the module's fixture.
 * The outcome of each call is compared with ONE table file per service (a classpath resource):
 * <pre>
 * # comment
 * operation,                                   anonymous, DISTRICT_ADMIN, TOWN_LEADER, HOTLINE_AGENT, …
 * POST /api/hotline/work-orders,               deny,      allow,          deny,        own,           …
 * </pre>
 * Cells of {@code anonymous} and {@code DISTRICT_ADMIN}: {@code allow} or {@code deny}. Cells of town roles:
 * {@code own} (allowed in the fixture's town, denied from another), {@code both}, {@code deny}, or {@code other}.
 * Deny is 401, 403 or 404 (a record of another town, or one the caller's department may not see, does not
 * exist for them), and for another town's caller also 400 (a body that names a record of the fixture's town:
 * "unknown termId"); allow is anything else below 500 (400 and 409 come after authorization). A 5xx always fails,
 * and so does an operation the table does not classify (a new endpoint must be classified), an operation of the
 * table the service no longer has, an operation no caller is allowed to reach (a fixture is missing), an
 * operation no caller gets past validation and state (a body is missing) unless the table denies it to
 * everybody (a catch-all that answers 404), and a 2xx answer to another town's
 * caller that contains one of the fixture's ids (a leak through a list or a search).
 * <p>
 * Fixtures: {@link #fixture(Function)} makes a fresh set of records in a town and names them
 * ({@code id -> …, into -> …}), {@link #record(String, Function)} makes one record when a call first needs it;
 * the harness reuses them until a state-changing call that used them succeeds, then makes new ones, so each
 * call sees the records in the state the fixture made. {@code ${name}} placeholders in paths
 * (OpenAPI's {@code {name}}), query parameters and body templates are filled from that set, plus {@code town}.
 * Query parameters are sent when the set names them (always {@code town}), required ones must be named.
 * The observed table is written to {@code target/authorization-matrix.actual.csv} for review.
 */
public final class AuthorizationMatrix {
    public static final String ANONYMOUS = "anonymous";
    public static final String DISTRICT_ADMIN = "DISTRICT_ADMIN";
    /** Every role of {@code org.zhenwu.platform.security.Roles}, in the table's column order. */
    public static final List<String> ALL_ROLES = List.of(DISTRICT_ADMIN, "TOWN_LEADER", "OFFICE_CLERK", "HOTLINE_AGENT",
            "DEPARTMENT_HANDLER", "HALL_CLERK", "FLEET_MANAGER", "OA_INTAKE", "CONGRESS_STAFF", "CONGRESS_DEPUTY");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final int port;
    private final JsonMapper json;
    private String tableResource;
    private String town = "440606104";
    private String otherTown = "440606105";
    private List<String> roles = ALL_ROLES;
    private final Map<String, String> departments = new HashMap<>();
    private final Map<String, String> clearances = new HashMap<>();
    private final Map<String, Function<String, String>> subjects = new HashMap<>();
    private Function<String, Map<String, String>> fixture = t -> Map.of();
    private final Map<String, Function<String, String>> recordMakers = new HashMap<>();
    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, String> contentTypes = new HashMap<>();
    private final List<String> pathPrefixes = new ArrayList<>(List.of("/"));
    private final List<String> publicPrefixes = new ArrayList<>();

    private AuthorizationMatrix(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    public static AuthorizationMatrix of(int port, JsonMapper json) {
        return new AuthorizationMatrix(port, json);
    }

    /** The table file on the test classpath, e.g. {@code /security/authorization-matrix.csv}. */
    public AuthorizationMatrix table(String classpathResource) {
        this.tableResource = classpathResource;
        return this;
    }

    /** The town the fixture's records belong to, and the town "other" callers come from. */
    public AuthorizationMatrix towns(String own, String other) {
        this.town = own;
        this.otherTown = other;
        return this;
    }

    /** The roles to try (the table's columns after {@code anonymous}); default {@link #ALL_ROLES}. */
    public AuthorizationMatrix roles(List<String> roles) {
        this.roles = List.copyOf(roles);
        return this;
    }

    /** The {@code department} claim of a role's callers (e.g. the department the fixture's order was sent to). */
    public AuthorizationMatrix department(String role, String department) {
        departments.put(role, department);
        return this;
    }

    /** The {@code clearance} claim of a role's callers; default NONE (TOP_SECRET for DISTRICT_ADMIN). */
    public AuthorizationMatrix clearance(String role, String clearance) {
        clearances.put(role, clearance);
        return this;
    }

    /** The token subject of a role's callers, by town (e.g. a deputy's id); default {@code <role>-<town>}. */
    public AuthorizationMatrix subject(String role, Function<String, String> subjectByTown) {
        subjects.put(role, subjectByTown);
        return this;
    }

    /** Makes a fresh set of records in the given town and names them for the placeholders. */
    public AuthorizationMatrix fixture(Function<String, Map<String, String>> fixture) {
        this.fixture = fixture;
        return this;
    }

    /**
     * Makes one record in the given town, only when a call needs it, and again after a call that used it
     * changed something. The name is what a placeholder asks for: {@code "matters.id"} fills the {@code {id}}
     * of {@code /matters/{id}/…} (the path segment before the variable, a dot, the variable), {@code "id"} any
     * {@code {id}}, {@code "GET /api/x/{id}/rating:id"} the {@code {id}} of that one operation; body templates name
     * theirs exactly ({@code ${matters.id}}).
     */
    public AuthorizationMatrix record(String name, Function<String, String> maker) {
        recordMakers.put(name, maker);
        return this;
    }

    /** The body template of one operation ({@code "POST /api/x/{id}/y"}); default {@code {}} for JSON bodies. */
    public AuthorizationMatrix body(String operation, String template) {
        bodies.put(operation, template);
        return this;
    }

    /** The body and its content type, for operations that take no JSON. */
    public AuthorizationMatrix body(String operation, String contentType, String template) {
        bodies.put(operation, template);
        contentTypes.put(operation, contentType);
        return this;
    }

    /** Only operations under these path prefixes are the service's (default: all of its document). */
    public AuthorizationMatrix paths(String... prefixes) {
        pathPrefixes.clear();
        pathPrefixes.addAll(List.of(prefixes));
        return this;
    }

    /**
     * Paths whose answers are public by design (e.g. Open311's reads): a record of the fixture's town showing up
     * there for another town's caller is no leak. Their authorization is still checked against the table.
     */
    public AuthorizationMatrix publicPaths(String... prefixes) {
        publicPrefixes.addAll(List.of(prefixes));
        return this;
    }

    /** Runs the whole matrix and fails with every mismatch at once. */
    public void verify() {
        Api anonymous = new Api(port);
        Api.Response docs = anonymous.get("/v3/api-docs");
        if (docs.status() != 200) {
            throw new AssertionError("GET /v3/api-docs answered " + docs.status() + ": " + docs.body());
        }
        Map<String, Operation> operations = operations(json.readTree(docs.body()));
        Map<String, Map<String, String>> expected = readTable();

        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> observed = new TreeMap<>();
        Records records = new Records();
        for (Operation op : operations.values()) {
            Map<String, String> cells = new LinkedHashMap<>();
            Map<String, Integer> statuses = new LinkedHashMap<>();
            boolean anyAllowed = false;
            boolean anyPassed = false;
            for (Call call : calls()) {
                records.used.clear();
                Api.Response r;
                try {
                    r = send(op, call, records);
                } catch (IllegalArgumentException missing) {
                    problems.add(op.key() + ": " + missing.getMessage());
                    break;
                }
                statuses.put(call.label(), r.status());
                if (r.status() >= 500) {
                    problems.add(op.key() + " as " + call.label() + " answered " + r.status() + ": " + snippet(r.body()));
                }
                // From another town, a 400 means a body named a record the caller cannot see ("unknown termId"):
                // the bodies are valid, so nothing else of the request can be wrong.
                boolean allowed = !(r.status() == 401 || r.status() == 403 || r.status() == 404
                        || (!call.own() && r.status() == 400));
                anyAllowed |= allowed && call.role() != null;
                anyPassed |= r.status() / 100 == 2 || r.status() == 409;
                if (!call.own() && r.status() / 100 == 2 && publicPrefixes.stream().noneMatch(op.path()::startsWith)) {
                    for (String value : records.values.values()) {
                        if (UUID_LIKE.matcher(value).matches() && r.body() != null && r.body().contains(value)) {
                            problems.add(op.key() + " as " + call.label() + " leaks the other town's record " + value
                                    + ": " + snippet(r.body()));
                        }
                    }
                }
                record(cells, call, allowed);
                if (!"GET".equals(op.method()) && r.status() / 100 == 2) {
                    records.changed(); // the next call gets fresh records of what this one touched
                }
            }
            observed.put(op.key(), cells);
            Map<String, String> want = expected.get(op.key());
            boolean deniedToAll = want != null && want.values().stream().allMatch("deny"::equals);
            if (deniedToAll) {
                // classified as reachable by nobody (a catch-all that answers 404): nothing more to check
            } else if (!anyAllowed) {
                problems.add(op.key() + ": no caller is allowed (a fixture or a path variable is missing?) " + statuses);
            } else if (!anyPassed) {
                problems.add(op.key() + ": no caller got past validation and state (give it a valid body) " + statuses);
            }
            if (want == null) {
                problems.add(op.key() + ": not in the table; observed " + line(op.key(), cells));
            } else if (!want.equals(cells)) {
                problems.add(op.key() + ": expected " + line(op.key(), want) + "\n      observed " + line(op.key(), cells)
                        + "\n      statuses " + statuses);
            }
        }
        for (String stale : expected.keySet()) {
            if (!operations.containsKey(stale)) {
                problems.add(stale + ": in the table but not in the service's OpenAPI document");
            }
        }
        writeObserved(observed);
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " authorization matrix problem(s) over " + operations.size()
                    + " operations (observed table: target/authorization-matrix.actual.csv):\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** How many operations the document has (for a test's own sanity check). */
    public int operationCount() {
        return operations(json.readTree(new Api(port).get("/v3/api-docs").body())).size();
    }

    // ---- calls -------------------------------------------------------------------------------------------------

    record Call(String role, String callerTown, boolean own) {
        String label() {
            if (role == null) {
                return ANONYMOUS;
            }
            return DISTRICT_ADMIN.equals(role) ? role : role + (own ? "@own" : "@other");
        }
    }

    private List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call(null, null, true));
        for (String role : roles) {
            if (DISTRICT_ADMIN.equals(role)) {
                calls.add(new Call(role, "DISTRICT", true));
            } else {
                calls.add(new Call(role, town, true));
                calls.add(new Call(role, otherTown, false));
            }
        }
        return calls;
    }

    private String token(Call call) {
        String subject = subjects.containsKey(call.role()) ? subjects.get(call.role()).apply(call.callerTown())
                : call.role().toLowerCase(java.util.Locale.ROOT) + "-" + call.callerTown();
        String clearance = clearances.getOrDefault(call.role(), DISTRICT_ADMIN.equals(call.role()) ? "TOP_SECRET" : "NONE");
        return TestTokens.tokenWith(subject, call.callerTown(), departments.get(call.role()), clearance, call.role());
    }

    /** One call, ready to send: the caller's client, the path with its ids and query, the body. */
    record Prepared(Api api, String method, String uri, String contentType, String body) {
        Api.Response send(String otherBody) {
            HttpRequest.Builder request = api.request(uri);
            String b = otherBody != null ? otherBody : body;
            if (b != null) {
                request.header("Content-Type", contentType)
                        .method(method, HttpRequest.BodyPublishers.ofString(b, StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return api.send(request);
        }
    }

    private Api.Response send(Operation op, Call call, Records records) {
        return prepare(op, call, records).send(null);
    }

    Prepared prepare(Operation op, Call call, Records records) {
        Api api = call.role() == null ? new Api(port) : new Api(port).as(token(call));
        StringBuilder path = new StringBuilder();
        Matcher m = PATH_VARIABLE.matcher(op.path());
        while (m.find()) {
            String before = op.path().substring(0, m.start());
            String segment = before.endsWith("/") ? before.substring(before.lastIndexOf('/', before.length() - 2) + 1,
                    before.length() - 1) : "";
            String forOperation = op.key() + ":" + m.group(1);
            String qualified = segment + "." + m.group(1);
            String name = records.has(forOperation) ? forOperation : records.has(qualified) ? qualified : m.group(1);
            m.appendReplacement(path, Matcher.quoteReplacement(encode(records.get(name, op))));
        }
        m.appendTail(path);
        List<String> query = new ArrayList<>();
        for (Map.Entry<String, Boolean> p : op.queryParameters().entrySet()) {
            if (records.has(p.getKey())) {
                query.add(p.getKey() + "=" + encode(records.get(p.getKey(), op)));
            } else if (p.getValue()) {
                throw new IllegalArgumentException("the fixture names no value for the required query parameter '"
                        + p.getKey() + "'");
            }
        }
        String uri = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        if (op.bodyContentType() != null || bodies.containsKey(op.key())) {
            String contentType = contentTypes.getOrDefault(op.key(),
                    op.bodyContentType() == null ? "application/json" : op.bodyContentType());
            String body = fill(bodies.getOrDefault(op.key(), contentType.contains("json") ? "{}" : ""), records, op);
            return new Prepared(api, op.method(), uri, contentType, body);
        }
        return new Prepared(api, op.method(), uri, null, null);
    }

    // ---- for BadInput ----------------------------------------------------------------------------------------

    Records newRecords() {
        return new Records();
    }

    /** The first caller the table allows to call the operation: a town role in its own town, else the district. */
    Call allowedCaller(String operation) {
        Map<String, String> row = readTable().get(operation);
        if (row == null) {
            return null;
        }
        for (String role : roles) {
            String cell = row.get(role);
            if (!DISTRICT_ADMIN.equals(role) && ("own".equals(cell) || "both".equals(cell))) {
                return new Call(role, town, true);
            }
        }
        return "allow".equals(row.get(DISTRICT_ADMIN)) ? new Call(DISTRICT_ADMIN, "DISTRICT", true) : null;
    }

    int port() {
        return port;
    }

    JsonMapper json() {
        return json;
    }

    private String fill(String template, Records records, Operation op) {
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(records.get(m.group(1), op)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The fixture's records in the own town, made when first needed and made again after a call changed them. */
    final class Records {
        final Map<String, String> values = new HashMap<>();
        final Set<String> fromFixture = new java.util.HashSet<>();
        final Set<String> used = new java.util.HashSet<>();
        private boolean fixtureLoaded;

        boolean has(String name) {
            loadFixture();
            return values.containsKey(name) || recordMakers.containsKey(name);
        }

        String get(String name, Operation op) {
            loadFixture();
            String v = values.get(name);
            if (v == null && recordMakers.containsKey(name)) {
                v = recordMakers.get(name).apply(town);
                values.put(name, v);
            }
            if (v == null) {
                throw new IllegalArgumentException("the fixture names no value for '" + name + "' " + op.path());
            }
            used.add(name);
            return v;
        }

        void changed() {
            for (String name : used) {
                if (fromFixture.contains(name)) {
                    values.keySet().removeAll(fromFixture);
                    fromFixture.clear();
                    fixtureLoaded = false;
                } else if (!"town".equals(name)) {
                    values.remove(name);
                }
            }
            used.clear();
        }

        private void loadFixture() {
            if (!fixtureLoaded) {
                fixtureLoaded = true;
                Map<String, String> made = fixture.apply(town);
                values.putAll(made);
                fromFixture.addAll(made.keySet());
                values.putIfAbsent("town", town);
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- the table -----------------------------------------------------------------------------------------

    private void record(Map<String, String> cells, Call call, boolean allowed) {
        if (call.role() == null || DISTRICT_ADMIN.equals(call.role())) {
            cells.put(call.role() == null ? ANONYMOUS : DISTRICT_ADMIN, allowed ? "allow" : "deny");
        } else if (call.own()) {
            cells.put(call.role(), allowed ? "own" : "deny");
        } else {
            String own = cells.get(call.role());
            cells.put(call.role(), allowed ? ("own".equals(own) ? "both" : "other") : own);
        }
    }

    private List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add(ANONYMOUS);
        columns.addAll(roles);
        return columns;
    }

    private String line(String key, Map<String, String> cells) {
        StringBuilder b = new StringBuilder(key);
        for (String c : columns()) {
            b.append(", ").append(cells.getOrDefault(c, "?"));
        }
        return b.toString();
    }

    private Map<String, Map<String, String>> readTable() {
        if (tableResource == null) {
            throw new IllegalStateException("name the table file: .table(\"/security/authorization-matrix.csv\")");
        }
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        InputStream in = AuthorizationMatrix.class.getResourceAsStream(tableResource);
        if (in == null) {
            return table; // every operation is then reported as unclassified, with its observed line
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = null;
            String raw;
            int n = 0;
            while ((raw = reader.readLine()) != null) {
                n++;
                String l = raw.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(l.split("\\s*,\\s*"));
                if (header == null) {
                    header = cells;
                    if (!header.subList(1, header.size()).equals(columns())) {
                        throw new IllegalStateException(tableResource + ": columns must be operation, " + columns());
                    }
                    continue;
                }
                if (cells.size() != header.size()) {
                    throw new IllegalStateException(tableResource + ":" + n + ": " + header.size() + " cells expected");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i < cells.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                if (table.put(cells.get(0), row) != null) {
                    throw new IllegalStateException(tableResource + ":" + n + ": " + cells.get(0) + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    private void writeObserved(Map<String, Map<String, String>> observed) {
        int width = observed.keySet().stream().mapToInt(String::length).max().orElse(10) + 1;
        StringBuilder out = new StringBuilder("# observed by AuthorizationMatrix; own town " + town + ", other town "
                + otherTown + "\n");
        out.append(pad("operation,", width + 1));
        List<String> columns = columns();
        for (int i = 0; i < columns.size(); i++) {
            out.append(' ').append(i == columns.size() - 1 ? columns.get(i) : pad(columns.get(i) + ",", columns.get(i).length() + 1));
        }
        out.append('\n');
        observed.forEach((key, cells) -> {
            out.append(pad(key + ",", width + 1));
            for (int i = 0; i < columns.size(); i++) {
                String cell = cells.getOrDefault(columns.get(i), "?");
                out.append(' ').append(i == columns.size() - 1 ? cell : pad(cell + ",", columns.get(i).length() + 1));
            }
            out.append('\n');
        });
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("authorization-matrix.actual.csv"), out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String snippet(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    // ---- the OpenAPI document --------------------------------------------------------------------------------

    /** One operation of the document: {@code key} is {@code "METHOD /path/{var}"}. */
    public record Operation(String method, String path, Map<String, Boolean> queryParameters, String bodyContentType,
                            boolean bodyRequired) {
        public String key() {
            return method + " " + path;
        }
    }

    /** Every operation of an OpenAPI 3 document, sorted by path then method. */
    public Map<String, Operation> operations(JsonNode document) {
        Map<String, Operation> operations = new TreeMap<>();
        JsonNode paths = document.get("paths");
        if (paths == null) {
            return operations;
        }
        for (Map.Entry<String, JsonNode> p : paths.properties()) {
            if (pathPrefixes.stream().noneMatch(p.getKey()::startsWith)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> o : p.getValue().properties()) {
                if (!METHODS.contains(o.getKey())) {
                    continue;
                }
                Map<String, Boolean> query = new LinkedHashMap<>();
                JsonNode parameters = o.getValue().get("parameters");
                if (parameters != null) {
                    for (JsonNode parameter : parameters) {
                        // a map of parameters (a form, a Pageable) is not one value to fill in
                        if ("query".equals(parameter.path("in").asString())
                                && !"object".equals(parameter.path("schema").path("type").asString())) {
                            query.put(parameter.path("name").asString(), parameter.path("required").asBoolean(false));
                        }
                    }
                }
                String contentType = null;
                JsonNode content = o.getValue().path("requestBody").path("content");
                if (content.isObject() && !content.isEmpty()) {
                    Set<String> types = new TreeSet<>(content.propertyNames());
                    contentType = types.contains("application/json") ? "application/json" : types.iterator().next();
                }
                Operation op = new Operation(o.getKey().toUpperCase(java.util.Locale.ROOT), p.getKey(), query, contentType,
                        o.getValue().path("requestBody").path("required").asBoolean(false));
                operations.put(op.path() + " " + op.method(), op);
            }
        }
        Map<String, Operation> byKey = new LinkedHashMap<>();
        operations.values().forEach(op -> byKey.put(op.key(), op));
        return byKey;
    }
}
