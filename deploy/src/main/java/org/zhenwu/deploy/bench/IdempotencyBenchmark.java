package org.zhenwu.deploy.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.zhenwu.platform.test.RawHttp;

/**
 * What an {@code Idempotency-Key} costs: the same {@code POST /api/hotline/work-orders} straight to hotline-service
 * without a key (the baseline), with a new key on each request (what a console sends), and resent with keys already
 * used (what a console sends after a lost answer: answered from the stored answer, nothing carried out). Closed loop,
 * in turns. The run fails unless the resends created nothing: exactly {@link #RESENT} orders carry the resent bodies,
 * and every order has its one {@code WorkOrderCreated}. Run by {@code deploy/bench/idempotency.sh}.
 */
public final class IdempotencyBenchmark {
    static final int SLICES = 8;
    /** Distinct requests the resend load cycles through. */
    static final int RESENT = 200;

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("clients", 16);
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 3));
        Duration measure = Duration.ofSeconds(Long.getLong("seconds", 16));
        try (BenchStack stack = BenchStack.start(Set.of("hotline-service"), Map.of(), Map.of())) {
            List<String> tokens = Bench.agentTokens(Integer.getInteger("agents", 200));
            String url = stack.url("hotline-service") + "/api/hotline/work-orders";
            String run = UUID.randomUUID().toString().substring(0, 8);
            AtomicLong keys = new AtomicLong();
            Load.Calls plain = n -> Load.Call.post("plain", url, tokens.get((int) (n % tokens.size())),
                    Bench.workOrder(n));
            // a window restarts n at 0: the keys come from a counter of their own, so each is new
            Load.Calls keyed = n -> Load.Call.post("keyed", url, tokens.get((int) (n % tokens.size())),
                    Bench.workOrder(n)).withHeader("Idempotency-Key", run + "-" + keys.incrementAndGet());
            Load.Calls resent = n -> {
                int i = (int) (n % RESENT);
                return Load.Call.post("resent", url, tokens.get(i % tokens.size()), resentBody(run, i))
                        .withHeader("Idempotency-Key", run + "-resent-" + i);
            };
            // classes loaded and code compiled; then each resent request carried out once, before any resend
            Load.closedLoop(keyed, 1, Duration.ZERO, Duration.ofSeconds(Long.getLong("coldStart", 15)));
            java.net.URI base = java.net.URI.create(url);
            RawHttp http = new RawHttp(base.getHost(), base.getPort());
            for (int i = 0; i < RESENT; i++) {
                RawHttp.Reply reply = http.send(resent.next(i).bytes());
                if (reply.status() != 201) {
                    throw new IllegalStateException("creating resent request " + i + ": " + reply);
                }
            }
            String load = Bench.quietMoment(2.0);

            List<Load.Result> r = Load.interleaved(List.of(plain, keyed, resent),
                    (calls, window) -> Load.closedLoop(calls, clients, Duration.ZERO, window), warmup, measure, SLICES);
            Checks checks = checks(stack, run);
            long errors = r.stream().mapToLong(Load.Result::errors).sum();
            String row = "| " + Bench.now() + " | " + load + " | " + clients
                    + " | " + Bench.f1(r.get(0).perSecond()) + " (" + Bench.p50p99(r.get(0)) + ")"
                    + " | " + Bench.f1(r.get(1).perSecond()) + " (" + Bench.p50p99(r.get(1)) + ")"
                    + " | **" + Bench.f2(r.get(1).perSecond() / r.get(0).perSecond()) + "**"
                    + " | " + Bench.f1(r.get(2).perSecond()) + " (" + Bench.p50p99(r.get(2)) + ")"
                    + " | " + Bench.f2(r.get(2).perSecond() / r.get(0).perSecond())
                    + " | " + checks + " | " + errors + " |";
            Bench.appendRows("idempotency.md", HEAD, List.of(row));
            if (!checks.hold() || errors > 0) {
                throw new IllegalStateException("resends created orders, or requests failed: " + checks
                        + ", " + errors + " errors");
            }
        }
    }

    private static String resentBody(String run, int i) {
        return Bench.workOrder(i).replace("基准测试工单 " + i, "重发工单 " + run + "-" + i);
    }

    /** Orders carrying a resent body (must be {@link #RESENT}), all orders, and their events. */
    record Checks(long resentOrders, long distinctResent, long orders, long events) {
        boolean hold() {
            return resentOrders == RESENT && distinctResent == RESENT && orders == events;
        }

        @Override
        public String toString() {
            return String.format("%,d / %,d / %,d", resentOrders, orders, events) + (hold() ? "" : " **broken**");
        }
    }

    private static Checks checks(BenchStack stack, String run) throws SQLException {
        try (Connection c = stack.connect("hotline-service"); Statement s = c.createStatement()) {
            String resent = "FROM work_order WHERE content LIKE '重发工单 " + run + "-%'";
            return new Checks(Bench.count(s, "SELECT COUNT(*) " + resent),
                    Bench.count(s, "SELECT COUNT(DISTINCT content) " + resent),
                    Bench.count(s, "SELECT COUNT(*) FROM work_order"),
                    Bench.count(s, "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'hotline.WorkOrderCreated'"));
        }
    }

    static final String HEAD = """
            # What an Idempotency-Key costs

            Command: `deploy/bench/idempotency.sh` (options `-Dclients=16 -Dseconds=16 -Dwarmup=3 -Dagents=200`). It
            starts Kafka, MariaDB's bench schema and hotline-service as in the dev stack (`java -jar`, lean flags) and
            sends `POST /api/hotline/work-orders` straight to it from a second JVM on loopback (`Load`, keep-alive
            sockets), closed loop with 16 clients, in turns (8 windows each after a 3 s warm-up of each):
            - **plain**: no key (the baseline);
            - **keyed**: a new `Idempotency-Key` on every request, as a console sends them: the key is claimed
              (INSERT), marked inside the order's transaction (UPDATE), and the answer stored with it (UPDATE);
            - **resent**: 200 requests already carried out, sent again and again with their keys, as a console does
              after a lost answer: each is answered from the stored answer and nothing is carried out.
            Checks: orders with a resent body (must be 200) / all orders / their `WorkOrderCreated` outbox rows (equal).
            Requests/s (p50 / p99 in ms).

            | when (UTC) | load avg | clients | plain | keyed | keyed ÷ plain | resent | resent ÷ plain | checks: resent orders / orders / events | errors |
            |---|---|---|---|---|---|---|---|---|---|
            """;
}
