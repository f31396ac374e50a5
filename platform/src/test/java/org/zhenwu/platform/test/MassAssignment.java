package org.zhenwu.platform.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.zhenwu.platform.test.AuthorizationMatrix.Operation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mass assignment (OWASP API3): every JSON POST/PUT of a running service is sent twice by a caller the
 * authorization table allows, on fresh fixture records each time: once with the matrix's valid body, once with
 * fields a client must not set added to it (ids, status, town, department, version, audit fields, counters) —
 * only those the operation's request schema does not declare. The second call may be refused (4xx) or succeed,
 * but what it answers must not carry any of the planted values unless the clean call's answer carries the same
 * one, and it must not succeed where the clean call did not.
 */
public final class MassAssignment {
    public static final String PLANTED_ID = "00000000-0000-4000-8000-00000000bad1";
    private static final String PLANTED_TIME = "2001-02-03T04:05:06Z";

    private final AuthorizationMatrix matrix;
    private final String otherTown;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, Set<String>> declared = new LinkedHashMap<>();

    public MassAssignment(AuthorizationMatrix matrix, String otherTown) {
        this.matrix = matrix;
        this.otherTown = otherTown;
        JsonNode document = matrix.json().readTree(new Api(matrix.port()).get("/v3/api-docs").body());
        for (Operation op : matrix.operations(document).values()) {
            if (("POST".equals(op.method()) || "PUT".equals(op.method())) && "application/json".equals(op.bodyContentType())
                    && matrix.allowedCaller(op.key()) != null) {
                operations.add(op);
                Set<String> names = new TreeSet<>();
                JsonNode operation = document.path("paths").path(op.path()).path(op.method().toLowerCase(java.util.Locale.ROOT));
                JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
                for (int i = 0; i < 10 && schema.has("$ref"); i++) {
                    String ref = schema.get("$ref").asString();
                    schema = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
                }
                schema.path("properties").propertyNames().forEach(names::add);
                declared.put(op.key(), names);
            }
        }
    }

    /** The fields planted, with the values: none a legitimate call would produce. */
    Map<String, Object> planted() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", PLANTED_ID);
        p.put("status", "CLOSED");
        p.put("town", otherTown);
        p.put("townCode", otherTown);
        p.put("jurisdiction", otherTown);
        p.put("department", "篡改办");
        p.put("version", 4242);
        for (String audit : List.of("createdAt", "updatedAt", "acceptedAt", "submittedAt", "closedAt", "repliedAt",
                "completedAt", "approvedAt", "registeredAt", "assignedAt")) {
            p.put(audit, PLANTED_TIME);
        }
        for (String who : List.of("createdBy", "updatedBy", "acceptedBy", "actor", "requester", "requestedBy", "leasedBy",
                "approvedBy", "owner")) {
            p.put(who, "mallory");
        }
        p.put("orderNumber", "HACK-00001");
        p.put("number", "HACK-00001");
        p.put("escalated", true);
        p.put("reopenCount", 42);
        p.put("urgeCount", 42);
        p.put("callCount", 42);
        p.put("transitions", List.of());
        return p;
    }

    /** Runs every operation; returns one line per violation (empty: none). */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        for (Operation op : operations) {
            AuthorizationMatrix.Call caller = matrix.allowedCaller(op.key());
            AuthorizationMatrix.Prepared clean = matrix.prepare(op, caller, matrix.newRecords());
            Api.Response a = clean.send(null);
            AuthorizationMatrix.Prepared dirty = matrix.prepare(op, caller, matrix.newRecords());
            Map<String, Object> planted = new LinkedHashMap<>(planted());
            planted.keySet().removeAll(declared.get(op.key()));
            String body = plant(dirty.body(), planted);
            Api.Response b = dirty.send(body);
            String who = op.key() + " as " + caller.role();
            if (b.status() >= 500) {
                violations.add(who + ": the planted fields made it fail with " + b.status() + ": " + snippet(b.body()));
                continue;
            }
            if (b.status() / 100 == 2 && a.status() / 100 != 2) {
                violations.add(who + ": succeeds only with the planted fields (" + a.status() + " → " + b.status() + ")");
            }
            if (b.status() / 100 != 2 || b.body() == null || b.body().isBlank()) {
                continue;
            }
            JsonNode answer = matrix.json().readTree(b.body());
            JsonNode cleanAnswer = a.status() / 100 == 2 && a.body() != null && !a.body().isBlank()
                    ? matrix.json().readTree(a.body()) : matrix.json().createObjectNode();
            for (Map.Entry<String, Object> p : planted.entrySet()) {
                JsonNode got = answer.path(p.getKey());
                String value = String.valueOf(p.getValue());
                if (!got.isMissingNode() && !got.isNull() && !got.isContainer() && value.equals(got.asString())
                        && !value.equals(cleanAnswer.path(p.getKey()).asString())) {
                    violations.add(who + ": took the client's " + p.getKey() + " = " + value);
                }
            }
            if (b.body().contains(PLANTED_ID)) {
                violations.add(who + ": the planted id " + PLANTED_ID + " shows in the answer");
            }
        }
        return violations;
    }

    /** The operations it covers. */
    public List<String> operations() {
        return operations.stream().map(Operation::key).toList();
    }

    private String plant(String valid, Map<String, Object> planted) {
        JsonNode tree = matrix.json().readTree(valid == null || valid.isBlank() ? "{}" : valid);
        ObjectNode body = tree.isObject() ? (ObjectNode) tree : matrix.json().createObjectNode();
        planted.forEach((k, v) -> body.set(k, matrix.json().valueToTree(v)));
        return matrix.json().writeValueAsString(body);
    }

    private static String snippet(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
