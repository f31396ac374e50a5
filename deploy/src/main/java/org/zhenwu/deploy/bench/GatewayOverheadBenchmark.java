package org.zhenwu.deploy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the gateway costs an agent's console: the same real read (one work order by id, one indexed DB read behind a
 * JWT check) sent straight to hotline-service and through the gateway, in the same run. Closed loop for the saturation
 * throughput, then open loop at half of it for the latency. Then again with 50 more routes in the gateway, added
 * through its actuator route API for this run only (the real route configuration is not touched), ordered before the
 * real ones so every request tests them all first. Run by {@code deploy/bench/gateway.sh}.
 */
public final class GatewayOverheadBenchmark {

    static final int EXTRA_ROUTES = 50;
    /** Direct and gateway are measured in turns, this many short windows each. */
    static final int SLICES = 8;

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("clients", 16);
        int agents = Integer.getInteger("agents", 200);
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 3));
        Duration measure = Duration.ofSeconds(Long.getLong("seconds", 16));
        Map<String, String> gatewayEnv = new java.util.HashMap<>(Map.of(
                // the route API, for this run's gateway only
                "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,prometheus,gateway",
                "MANAGEMENT_ENDPOINT_GATEWAY_ACCESS", "unrestricted"));
        // -DgatewayJfr=/tmp/gateway.jfr: a flight recording (profile settings) of the gateway for the whole run
        String jfr = System.getProperty("gatewayJfr");
        if (jfr != null) {
            gatewayEnv.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        // -DgatewayEnv="NAME=value;NAME2=value2": one run with the gateway configured otherwise (a filter or a
        // metric turned off, to see what it costs); the settings are named in the row
        Map<String, String> variant = Bench.environmentVariant("gatewayEnv");
        gatewayEnv.putAll(variant);
        try (BenchStack stack = BenchStack.start(Set.of("gateway", "hotline-service"), gatewayEnv, Map.of())) {
            HttpClient http = Load.client();
            List<String> tokens = Bench.agentTokens(agents);
            String direct = stack.url("hotline-service");
            String gateway = stack.url("gateway");
            List<String> ids = Bench.createWorkOrders(http, direct, tokens, 200);
            String load = Bench.quietMoment(2.0);

            List<String> rows = new ArrayList<>();
            String jit = ", " + BenchStack.jitLabel() + Bench.variantLabel(variant);
            rows.add(compare(stack, http, "15 (as configured)" + jit, direct, gateway, ids, tokens, clients, warmup, measure,
                    load));
            if (Boolean.parseBoolean(System.getProperty("extraRoutes", "true"))) {
                addRoutes(http, gateway, stack.url("hotline-service"), tokens.get(0));
                rows.add(compare(stack, http, "65 (+50, tested first)" + jit, direct, gateway, ids, tokens, clients,
                        warmup, measure, Bench.loadAverage()));
            }
            Bench.appendRows("gateway.md", HEAD, rows);
        }
    }

    /** Direct then through the gateway: saturation, then both at half of the lower saturation. */
    private static String compare(BenchStack stack, HttpClient http, String routes, String direct, String gateway,
                                  List<String> ids,
                                  List<String> tokens, int clients, Duration warmup, Duration measure, String load)
            throws Exception {
        List<Load.Calls> targets = List.of(reads(direct, ids, tokens), reads(gateway, ids, tokens));
        System.out.println("routes " + routes + ": closed loop, " + clients + " clients, in turns");
        long gatewayCpu = stack.cpuMillis("gateway");
        long serviceCpu = stack.cpuMillis("hotline-service");
        List<Load.Result> saturated = Load.interleaved(targets,
                (calls, window) -> Load.closedLoop(calls, clients, Duration.ZERO, window),
                warmup, measure, SLICES);
        Load.Result satDirect = saturated.get(0);
        Load.Result satGateway = saturated.get(1);
        // CPU per request at saturation (warm-up included on both sides of the division)
        double requests = (satDirect.perSecond() + satGateway.perSecond()) * (measure.toSeconds() + warmup.toSeconds());
        String cpu = Bench.f2((stack.cpuMillis("gateway") - gatewayCpu) / (satGateway.perSecond()
                * (measure.toSeconds() + warmup.toSeconds()))) + " / " + Bench.f2((stack.cpuMillis("hotline-service")
                - serviceCpu) / requests);
        double rate = Math.max(1, Math.min(satDirect.perSecond(), satGateway.perSecond()) / 2);
        System.out.println("routes " + routes + ": open loop at " + Bench.f1(rate) + "/s, in turns");
        List<Load.Result> half = Load.interleaved(targets,
                (calls, window) -> Load.openLoop(calls, rate, Duration.ZERO, window), warmup, measure, SLICES);
        Load.Result halfDirect = half.get(0);
        Load.Result halfGateway = half.get(1);
        long errors = satDirect.errors() + satGateway.errors() + halfDirect.errors() + halfGateway.errors();
        return "| " + Bench.now() + " | " + load + " | " + routes + " | " + clients
                + " | " + Bench.f1(satDirect.perSecond()) + " (" + Bench.p50p99(satDirect) + ")"
                + " | " + Bench.f1(satGateway.perSecond()) + " (" + Bench.p50p99(satGateway) + ")"
                + " | **" + Bench.f2(satGateway.perSecond() / satDirect.perSecond()) + "** | " + cpu
                + " | " + Bench.f1(rate)
                + " | " + Bench.p50p99(halfDirect) + " | " + Bench.p50p99(halfGateway)
                + " | **" + Bench.f2(halfGateway.ms(.99) / halfDirect.ms(.99)) + "**"
                + " | " + errors + " |";
    }

    /** GET one work order by id, round-robin over the orders and over the agents (one JWT subject each). */
    private static Load.Calls reads(String base, List<String> ids, List<String> tokens) {
        return n -> Load.Call.get("get", base + "/api/hotline/work-orders/" + ids.get((int) (n % ids.size())),
                tokens.get((int) (n % tokens.size())));
    }

    /** 50 routes to paths nobody calls, ordered before the real ones; checked through the route list. */
    static void addRoutes(HttpClient http, String gateway, String backend, String token) throws Exception {
        for (int i = 0; i < EXTRA_ROUTES; i++) {
            String id = "bench-extra-" + i;
            String body = "{\"id\":\"" + id + "\",\"uri\":\"" + backend + "\",\"order\":-1,"
                    + "\"predicates\":[{\"name\":\"Path\",\"args\":{\"_genkey_0\":\"/api/bench-extra-" + i + "/**\"}}],"
                    + "\"filters\":[{\"name\":\"CircuitBreaker\",\"args\":{\"name\":\"hotline\"}}]}";
            expect(http, HttpRequest.newBuilder(URI.create(gateway + "/actuator/gateway/routes/" + id))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
        }
        expect(http, HttpRequest.newBuilder(URI.create(gateway + "/actuator/gateway/refresh"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
        String routes = http.send(Bench.get(gateway + "/actuator/gateway/routes", token),
                HttpResponse.BodyHandlers.ofString()).body();
        long count = routes.split("\"route_id\"", -1).length - 1;
        if (count < 15 + EXTRA_ROUTES) {
            throw new IllegalStateException("the gateway lists " + count + " routes, expected " + (15 + EXTRA_ROUTES));
        }
        System.out.println("gateway now has " + count + " routes");
    }

    private static void expect(HttpClient http, HttpRequest request, int status) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static final String HEAD = """
            # Gateway overhead: the same read direct and through the gateway
            <!-- index-rows: 2 -->

            Command: `deploy/bench/gateway.sh` (options `-Dclients=16 -Dseconds=16 -Dwarmup=3 -Dagents=200 -Djit=c1|c2`).
            It starts Kafka, MariaDB's bench schemas, hotline-service and the gateway as in the dev stack (`java -jar`,
            lean flags: SerialGC, C1 only, 256 MB heap; with `-Djit=c2` the same flags with the default JIT, as the
            Kubernetes base runs them; the routes column names the JIT) on ports 25080/25083, creates 200 work orders, then from a second JVM
            on loopback sends `GET /api/hotline/work-orders/{id}` (JWT check, one indexed read by id and town, JSON)
            straight to hotline-service and through the gateway (JWT check, per-client rate limit, correlation id,
            access log, circuit breaker, retry, metrics), in the same run, in turns (8 windows of 2 s each, direct and
            gateway alternating, so that the other work on the shared machine weighs on both alike). **Saturation**:
            closed loop, that many clients each sending its next request when the last answered (req/s, p50 / p99 ms).
            **Half load**: open loop at half the lower of the two saturations, latency from the scheduled send (p50 /
            p99 ms). Goals: throughput ratio ≥ 0.85, p99 at half load ≤ 1.3× direct. The second row has 50 more routes
            (Path predicates on unused paths, a circuit breaker each), added for the run through the gateway's actuator
            route API with order −1, so every request tests them before the real ones. The gateway's limit of 100
            requests/s per client (burst 200) is left as configured: the load is spread over 200 agents, each its own
            JWT subject (`DevTokens.forRoleAs`). The machine has 2 cores: load generator, gateway, service, MariaDB and
            Kafka share them, and the load average (1/5/15 min) at the start of each row is given.

            | when (UTC) | load avg | routes | clients | direct req/s (p50 / p99) | gateway req/s (p50 / p99) \
            | throughput ratio | CPU ms per request: gateway / service | half load req/s | direct p50 / p99 \
            | gateway p50 / p99 | p99 ratio | errors |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|
            """;
}
