package org.zhenwu.deploy.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load from this JVM over loopback, bounded in time: closed loop (a fixed number of clients, each sending its next
 * request when the last one answered: the saturation throughput) and open loop (requests sent on schedule whether or
 * not earlier ones answered, latency counted from the scheduled time, so a backed-up server shows in it).
 */
final class Load {

    /** The n-th request of a load, tagged with its kind (a mixed load reports each kind too). */
    record Call(String kind, HttpRequest request) { }

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

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** {@code clients} threads, each sending request after request; warm-up first, then the measured window. */
    static Result closedLoop(HttpClient http, Calls calls, int clients, Duration warmup, Duration measure)
            throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        Recorder recorder = new Recorder();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (true) {
                    long started = System.nanoTime();
                    if (started >= end) {
                        return;
                    }
                    Call call = calls.next(sequence.getAndIncrement());
                    int status;
                    try {
                        status = http.send(call.request(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long finished = System.nanoTime();
                    if (started >= measureFrom && finished <= end) {
                        recorder.record(call.kind(), status, finished - started);
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

    /** {@code rate} requests per second on schedule: the warm-up window, then the measured one. */
    static Result openLoop(HttpClient http, Calls calls, double rate, Duration warmup, Duration measure) {
        AtomicLong sequence = new AtomicLong();
        if (!warmup.isZero()) {
            drive(http, calls, sequence, rate, warmup);
        }
        return drive(http, calls, sequence, rate, measure);
    }

    private static Result drive(HttpClient http, Calls calls, AtomicLong sequence, double rate, Duration window) {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + window.toNanos();
        Recorder recorder = new Recorder();
        ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
        long n = 0;
        for (long due = start; due < end; due = start + (++n) * interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            long scheduled = due;
            Call call = calls.next(sequence.getAndIncrement());
            inFlight.add(http.sendAsync(call.request(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) ->
                    recorder.record(call.kind(), e == null ? r.statusCode() : -1, System.nanoTime() - scheduled)));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return recorder.result(window);
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
