package org.zhenwu.deploy.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * How much of a hotline's day the stack carries on this machine: a mixed load through the gateway at rising rates
 * (open loop), each step warmed up and then measured, until p99 reaches 200 ms or requests fail. The mix is what an
 * agent's console does around each new work order: per order taken (intake), one claim from the dispatch queue, four
 * reads of an order, two list pages and one look at the queue sizes, 9 requests in all, spread over 200 agents.
 * document-service runs too and counts every new order from its event. The result is stated in new work orders per
 * second as a multiple of Beijing 12345's peak (~2.5/s). Run by {@code deploy/bench/capacity.sh}.
 */
public final class CapacityBenchmark {

    static final double BEIJING_PEAK_ORDERS_PER_SECOND = 2.5;
    /** One new work order and what agents do around it. */
    static final String[] MIX = {"intake", "get", "list", "get", "claim", "get", "queues", "list", "get"};

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream(System.getProperty("rates", "18,36,54,72,90,135,180,225,270,360,450").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 3));
        Duration measure = Duration.ofSeconds(Long.getLong("seconds", 8));
        // -DstackEnv="NAME=value;…": the same settings for the gateway and both services (trace sampling, say)
        Map<String, String> variant = Bench.environmentVariant("stackEnv");
        try (BenchStack stack = BenchStack.start(Set.of("gateway", "hotline-service", "document-service"),
                variant, variant)) {
            HttpClient http = Load.client();
            List<String> tokens = Bench.agentTokens(200);
            String gateway = stack.url("gateway");
            List<String> ids = Bench.createWorkOrders(http, gateway, tokens, 300);
            Load.Calls mixed = n -> {
                String token = tokens.get((int) (n % tokens.size()));
                String kind = MIX[(int) (n % MIX.length)];
                String api = gateway + "/api/hotline";
                return switch (kind) {
                    case "intake" -> Load.Call.post(kind, api + "/work-orders", token, Bench.workOrder(n));
                    case "claim" -> Load.Call.post(kind, api + "/queues/DISPATCH/claims", token, "");
                    case "get" -> Load.Call.get(kind, api + "/work-orders/" + ids.get((int) (n / MIX.length
                            % ids.size())), token);
                    case "list" -> Load.Call.get(kind, api + "/work-orders?size=20&page=" + (n / MIX.length % 5), token);
                    default -> Load.Call.get(kind, api + "/queues", token);
                };
            };
            // every kind of request once per agent, one at a time: classes loaded, queries planned, code compiled,
            // so that the first step does not open the gateway's circuit breaker with a cold service
            Load.closedLoop(mixed, 1, Duration.ZERO, Duration.ofSeconds(Long.getLong("coldStart", 15)));
            Bench.quietMoment(2.0);
            List<String> rows = new ArrayList<>();
            String best = null;
            for (int rate : rates) {
                String load = Bench.loadAverage();
                long[] cpuBefore = cpu(stack);
                Load.Result r = Load.openLoop(mixed, rate, warmup, measure);
                long[] cpuAfter = cpu(stack);
                boolean steady = r.ms(.99) < 200 && r.errorRate() < 0.01 && r.perSecond() >= 0.95 * rate;
                // CPU per request over the step, warm-up included (the load runs at the target rate throughout)
                double requests = rate * (double) (warmup.toMillis() + measure.toMillis()) / 1000;
                StringBuilder perRequest = new StringBuilder();
                for (int i = 0; i < cpuBefore.length; i++) {
                    perRequest.append(i == 0 ? "" : " / ").append(Bench.f2((cpuAfter[i] - cpuBefore[i]) / requests));
                }
                String label = Matcher.quoteReplacement(Bench.variantLabel(variant) + " |");
                String cells = row(rate, r, steady).replaceFirst(" \\|", label) + " " + perRequest + " |";
                rows.add("| " + Bench.now() + " | " + load + " | " + cells);
                System.out.println(rows.get(rows.size() - 1));
                if (!steady) {
                    break;
                }
                best = "| " + Bench.now() + " | " + load + " | **highest steady:** " + cells;
            }
            rows.add(best != null ? best : "| " + Bench.now() + " | " + Bench.loadAverage()
                    + " | **no step was steady** | | | | | | | | | |");
            Bench.appendRows("capacity.md", HEAD, rows);
        }
    }

    /** CPU used so far (ms): gateway, hotline-service, document-service, MariaDB, Kafka, this load generator. */
    private static long[] cpu(BenchStack stack) {
        return new long[] {stack.cpuMillis("gateway"), stack.cpuMillis("hotline-service"),
                stack.cpuMillis("document-service"), BenchStack.databaseCpuMillis(), stack.brokerCpuMillis(),
                java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                        .getProcessCpuTime() / 1_000_000};
    }

    /** The cells after "load avg": target, achieved, new orders/s, × Beijing, latencies, errors, per kind, steady. */
    private static String row(int rate, Load.Result r, boolean steady) {
        double orders = r.kinds().containsKey("intake") ? r.kinds().get("intake").perSecond() : 0;
        StringBuilder kinds = new StringBuilder();
        r.kinds().forEach((k, v) -> kinds.append(kinds.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(Bench.f1(v.ms(.99))));
        return rate + " | " + Bench.f1(r.perSecond()) + " | " + Bench.f1(orders)
                + " | " + Bench.f1(orders / BEIJING_PEAK_ORDERS_PER_SECOND) + "× | " + Bench.p50p99(r)
                + " | " + Bench.f1(r.ms(1)) + " | " + r.errors() + " | " + kinds
                + " | " + (steady ? "yes" : "**no**") + " |";
    }

    static final String HEAD = """
            # Capacity: the highest steady mixed load through the gateway

            Command: `deploy/bench/capacity.sh` (options `-Drates=45,90,… -Dwarmup=3 -Dseconds=8`). It starts Kafka,
            MariaDB's bench schemas, the gateway, hotline-service and document-service as in the dev stack (`java -jar`,
            lean flags: SerialGC, C1 only, 256 MB heap each), creates 300 work orders, sends the mix one request at a
            time for 15 s (a cold service would open the gateway's circuit breaker on the first step), then drives a
            mixed load through the gateway from a second JVM on loopback, open loop (latency from the scheduled send),
            at rising rates: 3 s warm-up and 8 s measured per step, stopping at the first step that is not steady (p99 ≥
            200 ms, ≥ 1% errors, or under 95% of the rate achieved). The mix, per new work order: 1 intake (`POST
            /work-orders`, with its event counted by document-service), 1 claim (`POST /queues/DISPATCH/claims`), 4
            reads by id, 2 list pages (`GET /work-orders?size=20`), 1 look at the queue sizes: 9 requests, over 200
            agents (one JWT subject each, below the gateway's 100/s per client). Capacity is stated in new work orders
            per second, as a multiple of Beijing 12345's peak (~2.5 new work orders/s). Goal: ≥ 100×. Latencies in ms;
            per-kind column: p99.

            | when (UTC) | load avg | target req/s | achieved req/s | new orders/s | × Beijing peak | p50 / p99 | max \
            | errors | p99 per kind | steady \
            | CPU ms per request: gateway / hotline / document / MariaDB / Kafka / load generator |
            |---|---|---|---|---|---|---|---|---|---|---|---|
            """;
}
