package org.zhenwu.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment descriptors, checked offline with the real tools as processes: {@code docker-compose config}
 * (Debian's docker-compose 1.29 needs no engine for it), {@code kubectl kustomize} for both overlays, and the
 * schema validation in {@code deploy/k8s/validate} (node + the npm package kubernetes-models), and the PromQL of the
 * Grafana dashboards parsed with Prometheus' grammar (npm {@code @prometheus-io/lezer-promql}). Then a few facts
 * that a valid file could still get wrong: probes, limits, rollout strategy, who is exposed, Kafka durability.
 *
 * <p>A missing tool skips the test locally and fails it when {@code CI} is set: {@code .ci/run} installs them.
 */
class ManifestsTest {

    static final List<String> SERVICES = List.of(
            "document-service", "service-hall-service", "hotline-service", "fleet-service", "congress-service");
    static final List<String> PROCESSES = Stream.concat(SERVICES.stream(), Stream.of("gateway")).toList();
    static final Map<String, String> SCHEMAS = Map.of(
            "document-service", "zhenwu_document", "service-hall-service", "zhenwu_service_hall",
            "hotline-service", "zhenwu_hotline", "fleet-service", "zhenwu_fleet", "congress-service", "zhenwu_congress");

    static Path deploy;

    @BeforeAll
    static void findDeployDirectory() {
        Path cwd = Path.of("").toAbsolutePath();
        deploy = Files.exists(cwd.resolve("compose.yaml")) ? cwd : cwd.resolve("deploy");
        assertThat(deploy.resolve("compose.yaml")).as("deploy/compose.yaml").exists();
    }

    // ---------------------------------------------------------------- compose

    @Test
    void compose_file_is_valid_for_docker_compose(@TempDir Path tmp) throws Exception {
        Result r = compose(tmp, true, "config", "-q");
        assertThat(r.exit).as("docker-compose config -q: %s", r.err).isZero();
    }

    @Test
    void compose_refuses_to_start_without_a_jwt_key_and_a_root_password(@TempDir Path tmp) throws Exception {
        Result r = compose(tmp, false, "config", "-q");
        assertThat(r.exit).isNotZero();
        assertThat(r.err).containsAnyOf("ZHENWU_JWT_SECRET", "MYSQL_ROOT_PASSWORD");
    }

    @Test
    @SuppressWarnings("unchecked")
    void compose_stack_is_durable_healthchecked_and_exposes_only_the_gateway(@TempDir Path tmp) throws Exception {
        Result r = compose(tmp, true, "config");
        assertThat(r.exit).as(r.err).isZero();
        Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(r.out)).get("services");

        // Kafka: 3 KRaft nodes, RF 3, min.insync.replicas 2, no unclean leader election, no auto-created topics
        for (String node : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> env = env(services, node);
            assertThat(str(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).split(",")).as(node).hasSize(3);
            assertThat(str(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR"))).as(node).isEqualTo("3");
            assertThat(str(env.get("KAFKA_MIN_INSYNC_REPLICAS"))).as(node).isEqualTo("2");
            assertThat(str(env.get("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE"))).as(node).isEqualTo("false");
            assertThat(str(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"))).as(node).isEqualTo("3");
            assertThat(str(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))).as(node).isEqualTo("false");
            assertThat(service(services, node)).containsKey("healthcheck");
        }
        assertThat(str(env(services, "kafka-topics").get("TOPIC_REPLICATION_FACTOR"))).isEqualTo("3");
        assertThat(str(env(services, "kafka-topics").get("TOPIC_MIN_INSYNC_REPLICAS"))).isEqualTo("2");

        Set<String> users = new TreeSet<>();
        for (String name : SERVICES) {
            Map<String, Object> svc = service(services, name);
            Map<String, Object> env = env(services, name);
            assertThat(svc).as(name).containsKey("healthcheck").doesNotContainKey("ports");
            assertThat(dependsOn(svc)).as(name)
                    .containsEntry("mysql", "service_healthy")
                    .containsEntry("kafka-topics", "service_completed_successfully");
            assertThat(str(env.get("DB_URL"))).as(name).isEqualTo("jdbc:mysql://mysql:3306/" + SCHEMAS.get(name));
            users.add(str(env.get("DB_USER")));
            assertThat(str(env.get("KAFKA_BOOTSTRAP")).split(",")).as(name).hasSize(3);
            assertThat(env).as(name).containsKeys("SERVER_PORT", "DB_PASSWORD", "ZHENWU_JWT_SECRET",
                    "LOGGING_STRUCTURED_FORMAT_CONSOLE");
        }
        assertThat(users).as("one database user per service").hasSize(SERVICES.size()).doesNotContain("root");

        Map<String, Object> gateway = service(services, "gateway");
        assertThat(gateway).containsKeys("healthcheck", "ports");
        assertThat(dependsOn(gateway)).containsOnlyKeys(SERVICES).allSatisfy((k, v) -> assertThat(v).isEqualTo("service_healthy"));
        assertThat(env(services, "gateway")).containsEntry("HOTLINE_URL", "http://hotline-service:8083")
                .containsKeys("DOCUMENT_URL", "SERVICE_HALL_URL", "FLEET_URL", "CONGRESS_URL", "ZHENWU_CORS_ORIGINS");

        // traces: every process exports to the collector, which forwards to Jaeger (the same config file as k8s)
        for (String name : PROCESSES) {
            assertThat(env(services, name)).as(name)
                    .containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                            "http://otel-collector:4318/v1/traces")
                    .containsEntry("MANAGEMENT_TRACING_EXPORT_ENABLED", "true");
        }
        assertThat(str(env(services, "otel-collector").get("TRACES_BACKEND"))).isEqualTo("jaeger:4317");
        assertThat(String.valueOf(service(services, "otel-collector").get("volumes")))
                .contains("k8s/base/otel/collector.yaml");

        // only the gateway, Prometheus, Grafana and Jaeger's UI publish a host port, the last three on loopback only
        Set<String> published = services.entrySet().stream()
                .filter(e -> ((Map<String, Object>) e.getValue()).containsKey("ports"))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(published).containsExactly("gateway", "grafana", "jaeger", "prometheus");
        for (String local : List.of("prometheus", "grafana", "jaeger")) {
            assertThat(String.valueOf(service(services, local).get("ports"))).as(local).contains("127.0.0.1");
        }
    }

    @Test
    void mysql_init_gives_each_service_user_its_own_schema_only() throws IOException {
        String init = Files.readString(deploy.resolve("compose/mysql/initdb/01-zhenwu-schemas.sh"));
        assertThat(init).contains("GRANT ALL PRIVILEGES ON \\`${schema}\\`.* TO '${svc}'@'%';")
                .contains("for svc in document service_hall hotline fleet congress");
        assertThat(init.lines().filter(l -> l.contains("GRANT ALL"))).allSatisfy(l -> assertThat(l).doesNotContain("*.*"));
        // the dev overlay carries a copy (kustomize reads no file outside its folder): the two must not drift
        assertThat(deploy.resolve("k8s/overlays/dev/mysql/01-zhenwu-schemas.sh")).hasSameTextualContentAs(
                deploy.resolve("compose/mysql/initdb/01-zhenwu-schemas.sh"));
        assertThat(deploy.resolve("k8s/overlays/dev/mysql/zhenwu.cnf")).hasSameTextualContentAs(
                deploy.resolve("compose/mysql/conf.d/zhenwu.cnf"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheus_scrapes_every_process_and_grafana_has_a_dashboard_for_each() throws IOException {
        Map<String, Object> prometheus = new Yaml().load(Files.readString(deploy.resolve("compose/prometheus/prometheus.yml")));
        Set<String> jobs = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).stream()
                .filter(j -> "/actuator/prometheus".equals(j.get("metrics_path")))
                .map(j -> (String) j.get("job_name")).collect(Collectors.toSet());
        assertThat(jobs).containsExactlyInAnyOrderElementsOf(PROCESSES);

        for (String name : PROCESSES) {
            Path file = deploy.resolve("compose/grafana/dashboards/zhenwu-" + name + ".json");
            Map<String, Object> dashboard = new Yaml().load(Files.readString(file));
            assertThat(dashboard.get("uid")).as(file.toString()).isEqualTo("zhenwu-" + name);
            String queries = exprs(dashboard).toString();
            assertThat(queries).as(name).contains("application=\"" + name + "\"", "http_server_requests_seconds_bucket",
                    "jvm_memory_used_bytes");
            if (!name.equals("gateway")) {
                assertThat(queries).as(name).contains("zhenwu_outbox_pending", "zhenwu_outbox_sent_total",
                        "kafka_consumer_fetch_manager_records_lag_max", "spring_kafka_listener_seconds_count",
                        "tasks_scheduled_execution_seconds_count", "hikaricp_connections_pending");
            } else {
                assertThat(queries).contains("spring_cloud_gateway_requests_seconds_count", "resilience4j_circuitbreaker_state");
            }
        }
    }

    // ---------------------------------------------------------------- Kubernetes

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void overlay_renders_with_probes_limits_safe_rollouts_and_only_the_gateway_exposed(String overlay) throws Exception {
        List<Map<String, Object>> objects = render(overlay);
        Map<String, List<Map<String, Object>>> byKind = objects.stream()
                .collect(Collectors.groupingBy(o -> (String) o.get("kind"), LinkedHashMap::new, Collectors.toList()));
        assertThat(byKind).containsKeys("Namespace", "Deployment", "Service", "ConfigMap", "Secret", "Job",
                "NetworkPolicy", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress");

        Map<String, Map<String, Object>> deployments = named(byKind.get("Deployment"));
        assertThat(deployments).containsKeys(PROCESSES.toArray(String[]::new));
        for (String name : PROCESSES) {
            Map<String, Object> d = deployments.get(name);
            Map<String, Object> spec = map(d, "spec");
            Map<String, Object> pod = map(d, "spec", "template", "spec");
            assertThat(map(d, "spec", "strategy", "rollingUpdate")).as(name)
                    .containsEntry("maxUnavailable", 0).containsEntry("maxSurge", 1);
            assertThat((Integer) pod.get("terminationGracePeriodSeconds")).as(name).isGreaterThan(20 + 10);
            assertThat(map(pod, "securityContext")).as(name).containsEntry("runAsNonRoot", true);
            Map<String, Object> c = first(pod.get("containers"));
            assertThat(str(map(c, "readinessProbe", "httpGet").get("path"))).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(str(map(c, "livenessProbe", "httpGet").get("path"))).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(map(c, "startupProbe", "httpGet")).as(name).containsKey("path");
            assertThat(map(c, "resources", "limits")).as(name).containsKeys("cpu", "memory");
            assertThat(map(c, "resources", "requests")).as(name).containsKeys("cpu", "memory");
            assertThat(String.valueOf(map(c, "lifecycle", "preStop"))).as(name).contains("sleep");
            int replicas = (Integer) spec.get("replicas");
            if (overlay.equals("prod")) {
                assertThat(replicas).as(name).isGreaterThanOrEqualTo(2);
            } else {
                assertThat(replicas).as(name).isEqualTo(1);
            }
        }

        // HPA and PDB for every process; in prod at least 2 replicas and minAvailable 1
        Map<String, Map<String, Object>> hpas = named(byKind.get("HorizontalPodAutoscaler"));
        Map<String, Map<String, Object>> pdbs = named(byKind.get("PodDisruptionBudget"));
        assertThat(hpas).containsOnlyKeys(PROCESSES);
        assertThat(pdbs).containsOnlyKeys(PROCESSES);
        if (overlay.equals("prod")) {
            hpas.forEach((n, h) -> assertThat((Integer) map(h, "spec").get("minReplicas")).as(n).isGreaterThanOrEqualTo(2));
            pdbs.forEach((n, p) -> assertThat(map(p, "spec")).as(n).containsEntry("minAvailable", 1));
        }

        // only the gateway is reachable from outside: no LoadBalancer/NodePort Service, the Ingress points at it
        for (Map<String, Object> svc : byKind.get("Service")) {
            Object type = map(svc, "spec").getOrDefault("type", "ClusterIP");
            assertThat(type).as(name(svc)).isEqualTo("ClusterIP");
        }
        Set<String> ingressBackends = new TreeSet<>();
        for (Map<String, Object> ingress : byKind.get("Ingress")) {
            for (Object rule : (List<?>) map(ingress, "spec").get("rules")) {
                for (Object path : (List<?>) map((Map<String, Object>) rule, "http").get("paths")) {
                    ingressBackends.add(str(map((Map<String, Object>) path, "backend", "service").get("name")));
                }
            }
        }
        assertThat(ingressBackends).containsExactly("gateway");

        Map<String, Map<String, Object>> policies = named(byKind.get("NetworkPolicy"));
        assertThat(map(policies.get("default-deny"), "spec").get("policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
        assertThat(map(policies.get("default-deny"), "spec", "podSelector")).isEmpty();
        assertThat(String.valueOf(map(policies.get("services-ingress"), "spec").get("ingress")))
                .contains("zhenwu.org/tier=gateway").doesNotContain("zhenwu.org/tier=service");

        // the topics job runs the shared script; RF/min ISR come from the ConfigMap
        Map<String, Object> job = named(byKind.get("Job")).get("kafka-topics");
        assertThat(String.valueOf(map(job, "spec", "template", "spec").get("containers"))).contains("/scripts/create-topics.sh");
        Map<String, Object> config = named(byKind.get("ConfigMap")).get("zhenwu-config");
        // traces: every pod exports to the collector, which may receive from them and reach the trace store
        assertThat(map(config, "data"))
                .containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                        "http://otel-collector:4318/v1/traces")
                .containsKey("TRACES_BACKEND");
        assertThat(deployments).containsKey("otel-collector");
        assertThat(String.valueOf(map(policies.get("services-egress"), "spec").get("egress")))
                .contains("zhenwu.org/tier=telemetry", "port=4318");
        assertThat(String.valueOf(map(policies.get("gateway-egress"), "spec").get("egress")))
                .contains("zhenwu.org/tier=telemetry", "port=4318");
        assertThat(String.valueOf(map(policies.get("telemetry"), "spec").get("ingress")))
                .contains("zhenwu.org/tier=service", "zhenwu.org/tier=gateway", "port=4318");
        if (overlay.equals("prod")) {
            assertThat(map(config, "data")).containsEntry("TOPIC_REPLICATION_FACTOR", "3").containsEntry("TOPIC_MIN_INSYNC_REPLICAS", "2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rendered_overlay_passes_the_kubernetes_schema_validation(String overlay, @TempDir Path tmp) throws Exception {
        Path rendered = tmp.resolve(overlay + ".yaml");
        Files.writeString(rendered, kustomize(overlay).out);
        Result r = validate(rendered);
        assertThat(r.exit).as("validate.mjs:%n%s%s", r.out, r.err).isZero();
        assertThat(r.out).contains(" 0 invalid");
    }

    @Test
    void every_dashboard_query_parses_as_promql() throws Exception {
        Result r = node("promql.mjs", deploy.resolve("compose/grafana/dashboards"));
        assertThat(r.exit).as("promql.mjs:%n%s%s", r.out, r.err).isZero();
        assertThat(r.out).contains(" 0 invalid");
    }

    @Test
    void schema_validation_rejects_a_typo_and_a_wrong_type(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: app
                          image: x
                          readinesProbe: {httpGet: {path: /actuator/health/readiness, port: 8080}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: wrong-type}
                spec: {ports: [{port: eighty}]}
                """);
        Result r = validate(bad);
        assertThat(r.exit).isNotZero();
        assertThat(r.out).contains("unknown field /spec/template/spec/containers/0/readinesProbe", "2 invalid");
    }

    // ---------------------------------------------------------------- helpers

    /** docker-compose with an empty env file, so a developer's deploy/.env cannot change the outcome. */
    private Result compose(Path tmp, boolean withSecrets, String... args) throws Exception {
        String tool = requireTool("docker-compose", "apt-get install --no-install-recommends docker-compose");
        Path emptyEnv = Files.writeString(tmp.resolve("empty.env"), "");
        List<String> cmd = new ArrayList<>(List.of(tool, "--env-file", emptyEnv.toString(),
                "-f", deploy.resolve("compose.yaml").toString()));
        cmd.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        if (withSecrets) {
            env.put("ZHENWU_JWT_SECRET", "manifests-test-only-0123456789abcdef0123456789abcdef");
            env.put("MYSQL_ROOT_PASSWORD", "manifests-test-only");
        }
        return run(cmd, env, null);
    }

    private Result kustomize(String overlay) throws Exception {
        String kubectl = requireTool("kubectl", "apt-get install kubernetes-client");
        Result r = run(List.of(kubectl, "kustomize", deploy.resolve("k8s/overlays/" + overlay).toString()), Map.of(), null);
        assertThat(r.exit).as("kubectl kustomize %s: %s", overlay, r.err).isZero();
        return r;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> render(String overlay) throws Exception {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object o : new Yaml().loadAll(kustomize(overlay).out)) {
            if (o != null) objects.add((Map<String, Object>) o);
        }
        return objects;
    }

    private Result validate(Path file) throws Exception {
        return node("validate.mjs", file);
    }

    /** A script of deploy/k8s/validate, whose npm dependencies {@code npm ci --prefix deploy/k8s/validate} installs. */
    private Result node(String script, Path argument) throws Exception {
        String node = requireTool("node", "apt-get install nodejs npm (or the machine's Node.js 18+)");
        Path dir = deploy.resolve("k8s/validate");
        if (!Files.isDirectory(dir.resolve("node_modules/kubernetes-models"))
                || !Files.isDirectory(dir.resolve("node_modules/@prometheus-io/lezer-promql"))) {
            missing("deploy/k8s/validate/node_modules (run: npm ci --prefix deploy/k8s/validate)");
        }
        return run(List.of(node, dir.resolve(script).toString(), argument.toString()), Map.of(), dir);
    }

    private static String requireTool(String name, String install) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) return candidate.toString();
        }
        missing(name + " (" + install + ")");
        return null;
    }

    private static void missing(String what) {
        if (System.getenv("CI") != null) {
            fail("CI must provide " + what + ": .ci/run installs it");
        }
        Assumptions.abort("not installed here: " + what);
    }

    record Result(int exit, String out, String err) {}

    private static Result run(List<String> cmd, Map<String, String> extraEnv, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (dir != null) pb.directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ZHENWU_") || k.startsWith("MYSQL_")
                || k.equals("COMPOSE_FILE") || k.equals("COMPOSE_PROJECT_NAME") || k.equals("KUBECONFIG"));
        pb.environment().putAll(extraEnv);
        Path out = Files.createTempFile("manifests", ".out");
        Path err = Files.createTempFile("manifests", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + String.join(" ", cmd));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> services, String name) {
        Object svc = services.get(name);
        assertThat(svc).as("compose service " + name).isNotNull();
        return (Map<String, Object>) svc;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> services, String name) {
        Object env = service(services, name).get("environment");
        assertThat(env).as(name + " environment (a map after docker-compose config)").isInstanceOf(Map.class);
        return (Map<String, Object>) env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> dependsOn(Map<String, Object> svc) {
        Map<String, String> out = new LinkedHashMap<>();
        Object deps = svc.get("depends_on");
        if (deps instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put((String) k, str(((Map<String, Object>) v).get("condition"))));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> exprs(Object node) {
        List<String> out = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("expr".equals(k) && v instanceof String s) out.add(s);
                else out.addAll(exprs(v));
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> out.addAll(exprs(v)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> root, String... path) {
        Object cur = root;
        for (String p : path) {
            assertThat(cur).as("%s in %s", p, name(root)).isInstanceOf(Map.class);
            cur = ((Map<String, Object>) cur).get(p);
        }
        assertThat(cur).as("%s in %s", String.join(".", path), name(root)).isInstanceOf(Map.class);
        return (Map<String, Object>) cur;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Object list) {
        assertThat(list).isInstanceOf(List.class);
        return (Map<String, Object>) ((List<Object>) list).get(0);
    }

    private static Map<String, Map<String, Object>> named(List<Map<String, Object>> objects) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> o : objects == null ? List.<Map<String, Object>>of() : objects) out.put(name(o), o);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String name(Map<String, Object> object) {
        Object metadata = object.get("metadata");
        return metadata instanceof Map<?, ?> m ? str(((Map<String, Object>) m).get("name")) : "?";
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
