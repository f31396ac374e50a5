package org.zhenwu.deploy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.zhenwu.platform.test.RawHttp;

/**
 * Load from this JVM over loopback, bounded in time: closed loop (a fixed number of clients, each sending its next
 * request when the last one answered: the saturation throughput) and open loop (requests sent on schedule whether or
 * not earlier ones answered, latency counted from the scheduled time, so a backed-up server shows in it). Requests go
 * over keep-alive sockets as wrk sends them ({@code RawHttp}: ~0.2 ms of CPU per request, where the JDK
 * {@code HttpClient} used until 2026-11-27 08:45 cost this JVM 1.5–2 ms on the same cores as the stack it measures).
 */
final class Load {

    /** The n-th request of a load, tagged with its kind (a mixed load reports each kind too). */
    record Call(String kind, String method, URI url, String token, String json, Map<String, String> headers) {
        static Call get(String kind, String url, String token) {
            return new Call(kind, "GET", URI.create(url), token, null, Map.of());
        }

        static Call post(String kind, String url, String token, String json) {
            return new Call(kind, "POST", URI.create(url), token, json, Map.of());
        }

        Call withHeader(String name, String value) {
            var more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Call(kind, method, url, token, json, Map.copyOf(more));
        }

        byte[] bytes() {
            String path = url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
            return RawHttp.request(method, url.getHost(), url.getPort(), path, token, json, headers);
        }
    }

    interface Calls {
        Call next(long n);
    }

    /** What one measured window gave: 2xx answers count as done, anything else (or no answer) as an error. */
    record Result(double seconds, long done, long errors, long[] sortedNanos, Map<String, Result> kinds) {

        double perSecond() {
            return done / seconds;
        }

        double errorRate() {
            return done + errors == 0 ? 0 : errors / (double) (done + errors);
        }

        /** Milliseconds at quantile q (0.5, 0.99, 1.0 for the maximum). */
        double ms(double q) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int i = (int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(sortedNanos.length * q) - 1));
            return sortedNanos[i] / 1e6;
        }
    }

    private Load() {
    }

    /** For setting a run up (creating its data): the JDK client, one request at a time. */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** One thread's keep-alive connections, one per host and port it sends to. */
    private static final class Connections implements AutoCloseable {
        private final Map<String, RawHttp> open = new HashMap<>();

        /** The reply's status, or -1 when there was no reply (the connection is then closed and reopened). */
        int send(Call call) {
            RawHttp http = open.computeIfAbsent(call.url().getHost() + ":" + call.url().getPort(),
                    k -> new RawHttp(call.url().getHost(), call.url().getPort()));
            try {
                return http.send(call.bytes()).status();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void close() {
            open.values().forEach(RawHttp::close);
        }
    }

    /** {@code clients} threads, each sending request after request; warm-up first, then the measured window. */
    static Result closedLoop(Calls calls, int clients, Duration warmup, Duration measure) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        Recorder recorder = new Recorder();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try (Connections connections = new Connections()) {
                    while (true) {
                        long started = System.nanoTime();
                        if (started >= end) {
                            return;
                        }
                        Call call = calls.next(sequence.getAndIncrement());
                        int status = connections.send(call);
                        long finished = System.nanoTime();
                        if (started >= measureFrom && finished <= end) {
                            recorder.record(call.kind(), status, finished - started);
                        }
                    }
                }
            }, "closed-loop-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return recorder.result(measure);
    }

    /** One measured window of one target. */
    interface Window {
        Result run(Calls calls, Duration window) throws InterruptedException;
    }

    /**
     * Several targets measured in turns ({@code slices} short windows each, A B A B …) after a warm-up of each: on a
     * shared machine whatever else runs then weighs on all of them alike, which one long window each would not do.
     */
    static List<Result> interleaved(List<Calls> targets, Window window, Duration warmup, Duration measure, int slices)
            throws InterruptedException {
        for (Calls target : targets) {
            window.run(target, warmup);
        }
        Duration slice = measure.dividedBy(slices);
        List<List<Result>> parts = new ArrayList<>();
        targets.forEach(t -> parts.add(new ArrayList<>()));
        for (int s = 0; s < slices; s++) {
            for (int t = 0; t < targets.size(); t++) {
                parts.get(t).add(window.run(targets.get(t), slice));
            }
        }
        return parts.stream().map(Load::merge).toList();
    }

    private static Result merge(List<Result> parts) {
        double seconds = parts.stream().mapToDouble(Result::seconds).sum();
        long done = parts.stream().mapToLong(Result::done).sum();
        long errors = parts.stream().mapToLong(Result::errors).sum();
        long[] sorted = parts.stream().flatMapToLong(r -> Arrays.stream(r.sortedNanos())).sorted().toArray();
        return new Result(seconds, done, errors, sorted, Map.of());
    }

    /** Connections of the open loop: more than the requests a steady step ever has in flight at once. */
    static final int OPEN_LOOP_CONNECTIONS = Integer.getInteger("connections", 128);

    /** {@code rate} requests per second on schedule: the warm-up window, then the measured one. */
    static Result openLoop(Calls calls, double rate, Duration warmup, Duration measure) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        if (!warmup.isZero()) {
            drive(calls, sequence, rate, warmup);
        }
        return drive(calls, sequence, rate, measure);
    }

    private record Scheduled(Call call, long due) {
    }

    private static final Scheduled STOP = new Scheduled(null, 0);

    /**
     * The schedule is kept by one thread; a pool of senders, one keep-alive connection each, takes the due requests
     * in order (as wrk2 does). A request waiting for a free sender is late, and its latency counts from when it was
     * due, so a backed-up server shows in the figures instead of slowing the schedule.
     */
    private static Result drive(Calls calls, AtomicLong sequence, double rate, Duration window)
            throws InterruptedException {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + window.toNanos();
        Recorder recorder = new Recorder();
        BlockingQueue<Scheduled> due = new LinkedBlockingQueue<>();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < OPEN_LOOP_CONNECTIONS; i++) {
            Thread t = new Thread(() -> {
                try (Connections connections = new Connections()) {
                    for (Scheduled next = take(due); next != STOP; next = take(due)) {
                        int status = connections.send(next.call());
                        recorder.record(next.call().kind(), status, System.nanoTime() - next.due());
                    }
                }
            }, "open-loop-" + i);
            t.start();
            senders.add(t);
        }
        long n = 0;
        for (long at = start; at < end; at = start + (++n) * interval) {
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.add(new Scheduled(calls.next(sequence.getAndIncrement()), at));
        }
        senders.forEach(t -> due.add(STOP));
        for (Thread t : senders) {
            t.join();
        }
        return recorder.result(window);
    }

    private static Scheduled take(BlockingQueue<Scheduled> due) {
        try {
            return due.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return STOP;
        }
    }

    /** Latencies and outcomes, overall and per kind, from many threads. */
    private static final class Recorder {
        private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> done = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        private final AtomicBoolean reportedError = new AtomicBoolean();

        void record(String kind, int status, long nanos) {
            latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos);
            boolean ok = status >= 200 && status < 300;
            (ok ? done : errors).computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            if (!ok && reportedError.compareAndSet(false, true)) {
                System.out.println("  first error: " + kind + " answered " + (status < 0 ? "nothing" : status));
            }
        }

        Result result(Duration window) {
            double seconds = window.toNanos() / 1e9;
            Map<String, Result> kinds = new TreeMap<>();
            long allDone = 0;
            long allErrors = 0;
            List<long[]> all = new ArrayList<>();
            for (String kind : latencies.keySet()) {
                long[] sorted = latencies.get(kind).stream().mapToLong(Long::longValue).sorted().toArray();
                long d = done.getOrDefault(kind, new AtomicLong()).get();
                long e = errors.getOrDefault(kind, new AtomicLong()).get();
                kinds.put(kind, new Result(seconds, d, e, sorted, Map.of()));
                allDone += d;
                allErrors += e;
                all.add(sorted);
            }
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(seconds, allDone, allErrors, merged, kinds);
        }
    }
}
