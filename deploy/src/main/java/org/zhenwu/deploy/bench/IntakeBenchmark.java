package org.zhenwu.deploy.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hotline intake as issue #3 states its goal: new work orders through the gateway, sustained, with the full event
 * fan-out, p50/p99, at least 100 creations/s on 2 cores. The same {@code POST /api/hotline/work-orders} sent straight
 * to hotline-service is the baseline, measured in turns with it: the saturation throughput (closed loop), then both at
 * the goal's rate (open loop, latency from the scheduled send). Then the fan-out: every order hotline-service holds
 * must have its {@code WorkOrderCreated} in the outbox (same transaction) and be counted by document-service's annual
 * report; the row says how long after the load the last one was counted. Run by {@code deploy/bench/intake.sh}.
 */
public final class IntakeBenchmark {

    /** Direct and gateway are measured in turns, this many short windows each. */
    static final int SLICES = 8;

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("clients", 16);
        int agents = Integer.getInteger("agents", 200);
        double rate = Double.parseDouble(System.getProperty("rate", "100"));
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 3));
        Duration measure = Duration.ofSeconds(Long.getLong("seconds", 16));
        try (BenchStack stack = BenchStack.start(Set.of("gateway", "hotline-service", "document-service"),
                Map.of(), Map.of())) {
            List<String> tokens = Bench.agentTokens(agents);
            List<Load.Calls> targets = List.of(creations(stack.url("hotline-service"), tokens),
                    creations(stack.url("gateway"), tokens));
            // one request at a time through the gateway first: classes loaded, code compiled, so that the first
            // window does not open the gateway's circuit breaker with a cold service (as capacity.sh does)
            Load.closedLoop(targets.get(1), 1, Duration.ZERO, Duration.ofSeconds(Long.getLong("coldStart", 15)));
            String load = Bench.quietMoment(2.0);

            System.out.println("closed loop, " + clients + " clients, direct and through the gateway in turns");
            List<Load.Result> saturated = Load.interleaved(targets,
                    (calls, window) -> Load.closedLoop(calls, clients, Duration.ZERO, window), warmup, measure, SLICES);
            System.out.println("open loop at " + Bench.f1(rate) + "/s, in turns");
            List<Load.Result> atRate = Load.interleaved(targets,
                    (calls, window) -> Load.openLoop(calls, rate, Duration.ZERO, window), warmup, measure, SLICES);
            long loadEnded = System.nanoTime();
            FanOut fanOut = fanOut(stack, loadEnded);

            Load.Result direct = atRate.get(0);
            Load.Result gateway = atRate.get(1);
            boolean steady = gateway.ms(.99) < 200 && gateway.errorRate() < 0.01 && gateway.perSecond() >= 0.95 * rate;
            long errors = saturated.stream().mapToLong(Load.Result::errors).sum()
                    + atRate.stream().mapToLong(Load.Result::errors).sum();
            String row = "| " + Bench.now() + " | " + load + " | " + clients
                    + " | " + Bench.f1(saturated.get(0).perSecond()) + " (" + Bench.p50p99(saturated.get(0)) + ")"
                    + " | " + Bench.f1(saturated.get(1).perSecond()) + " (" + Bench.p50p99(saturated.get(1)) + ")"
                    + " | **" + Bench.f2(saturated.get(1).perSecond() / saturated.get(0).perSecond()) + "**"
                    + " | " + Bench.f1(rate) + " | " + Bench.f1(direct.perSecond()) + " (" + Bench.p50p99(direct) + ")"
                    + " | " + Bench.f1(gateway.perSecond()) + " (" + Bench.p50p99(gateway) + ")"
                    + " | " + (steady ? "yes" : "**no**") + " | " + fanOut + " | " + errors + " |";
            Bench.appendRows("intake.md", HEAD, List.of(row));
            if (!fanOut.complete()) {
                throw new IllegalStateException("the fan-out is incomplete: " + fanOut);
            }
        }
    }

    private static Load.Calls creations(String base, List<String> tokens) {
        return n -> Load.Call.post("intake", base + "/api/hotline/work-orders", tokens.get((int) (n % tokens.size())),
                Bench.workOrder(n));
    }

    /** Orders in hotline-service, their events in its outbox, the report's count, and when it caught up. */
    record FanOut(long orders, long events, long counted, double seconds) {
        boolean complete() {
            return orders == events && counted == orders;
        }

        @Override
        public String toString() {
            return String.format("%,d / %,d / %,d | %s", orders, events, counted,
                    complete() ? Bench.f1(seconds) + " s" : "**incomplete**");
        }
    }

    /** Waits (up to 2 minutes) until the report has counted every order hotline-service holds. */
    private static FanOut fanOut(BenchStack stack, long loadEnded) throws SQLException, InterruptedException {
        try (Connection hotline = stack.connect("hotline-service"); Statement h = hotline.createStatement();
             Connection document = stack.connect("document-service"); Statement d = document.createStatement()) {
            long orders = Bench.count(h, "SELECT COUNT(*) FROM work_order");
            long events = Bench.count(h,
                    "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'hotline.WorkOrderCreated'");
            long counted = 0;
            long deadline = loadEnded + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                counted = Bench.count(d,
                        "SELECT COUNT(*) FROM inbox_event WHERE consumer = 'document-service.report'");
                if (counted >= orders) {
                    break;
                }
                Thread.sleep(100);
            }
            return new FanOut(orders, events, counted, (System.nanoTime() - loadEnded) / 1e9);
        }
    }

    static final String HEAD = """
            # Hotline intake through the gateway, with full event fan-out

            Command: `deploy/bench/intake.sh` (options `-Dclients=16 -Drate=100 -Dseconds=16 -Dwarmup=3 -Dagents=200`).
            It starts Kafka, MariaDB's bench schemas, the gateway, hotline-service and document-service as in the dev
            stack (`java -jar`, lean flags: SerialGC, C1 only, 256 MB heap each) and sends `POST
            /api/hotline/work-orders` one at a time through the gateway for 15 s (a cold service would open the
            gateway's circuit breaker). Then, from a second JVM on loopback (`Load`, keep-alive sockets), the same
            creation straight to hotline-service (the baseline) and through the gateway, in turns (8 windows each after
            a 3 s warm-up of each): closed loop with 16 clients for the saturation throughput, then open loop at the
            goal's rate. The orders come from 200 agents (one JWT subject each, below the gateway's 100/s per client).
            "Steady" is the gateway's at the goal's rate: p99 < 200 ms, < 1 % errors, ≥ 95 % of the rate achieved.
            "Fan-out": orders in hotline-service / their `WorkOrderCreated` rows in its outbox (written in the order's
            transaction) / orders counted by document-service's annual report, and how long after the load the report
            had counted the last one. Goal (issue #3): ≥ 100 creations/s through the gateway on 2 cores, 40× Beijing
            12345's peak of ~2.5/s. Creations/s (p50 / p99 in ms).

            | when (UTC) | load avg | clients | direct, saturated | gateway, saturated | gateway ÷ direct | rate | direct at rate | gateway at rate | steady | fan-out: orders / events / counted | counted after | errors |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|
            """;
}
