package org.zhenwu.platform.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A service's benchmark load over HTTP from a second JVM ({@link LoadRun#inSecondProcess}): prepared requests sent
 * by {@code clients} threads, one keep-alive connection each ({@link RawHttp}). Either each request once, in order,
 * whichever client is free taking the next ({@link Mode#EACH_ONCE}: a queue of trips to dispatch), or over and over
 * ({@link Mode#REPEAT}: client i sends requests i, i + clients, … in turn: the same inbox page). The driver counts the
 * answers by status and fails on a status the benchmark did not expect, or on an expected one whose body lacks the
 * text expected with it ({@code 409~double-booking}); the counts come back as counters {@code status_200},
 * {@code status_409}, … for every expected status, zero included (warm-up included, so they can be checked against
 * the database).
 */
public final class HttpLoad {
    private HttpLoad() {
    }

    public enum Mode { EACH_ONCE, REPEAT }

    /** One request: method, path (with its query), bearer token (none when null), JSON body (none when null). */
    public record Request(String method, String path, String token, String json) {
        public static Request get(String path, String token) {
            return new Request("GET", path, token, null);
        }

        public static Request post(String path, String token, String json) {
            return new Request("POST", path, token, json);
        }

        String line() {
            for (String part : new String[] {method, path, token, json}) {
                if (part != null && (part.contains("\t") || part.contains("\n"))) {
                    throw new IllegalArgumentException("a request part holds a tab or a line break: " + part);
                }
            }
            return String.join("\t", method, path, token == null ? "-" : token, json == null ? "-" : json);
        }

        static Request parse(String line) {
            String[] f = line.split("\t", 4);
            return new Request(f[0], f[1], f[2].equals("-") ? null : f[2], f[3].equals("-") ? null : f[3]);
        }
    }

    /**
     * Sends {@code requests} to the service on {@code port} from a second JVM; {@code expected} are the answers that
     * count: a status ({@code "200"}), or a status and a text its body must hold ({@code "409~double-booking"}).
     */
    public static LoadRun.Remote fromSecondProcess(String name, int port, int clients, Duration warmup, Duration measure,
                                                   Mode mode, List<Request> requests, Set<String> expected)
            throws Exception {
        Path file = Files.createTempFile("http-load", ".tsv");
        try {
            Files.write(file, requests.stream().map(Request::line).toList());
            return LoadRun.inSecondProcess(Driver.class, name.replace(' ', '_'), String.valueOf(port),
                    String.valueOf(clients), String.valueOf(warmup.toMillis()), String.valueOf(measure.toMillis()),
                    mode.name(), file.toString(), String.join(",", expected));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The second JVM: {@code name port clients warmupMs measureMs mode requestsFile expectedStatuses}. */
    public static final class Driver {
        public static void main(String[] args) throws Exception {
            String name = args[0].replace('_', ' ');
            int port = Integer.parseInt(args[1]);
            int clients = Integer.parseInt(args[2]);
            Mode mode = Mode.valueOf(args[5]);
            List<Request> requests = Files.readAllLines(Path.of(args[6])).stream().map(Request::parse).toList();
            Map<Integer, String> expected = Arrays.stream(args[7].split(",")).map(e -> e.split("~", 2))
                    .collect(Collectors.toMap(e -> Integer.valueOf(e[0]), e -> e.length > 1 ? e[1] : ""));
            AtomicInteger next = new AtomicInteger();
            Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
            expected.keySet().forEach(status -> statuses.put(status, new AtomicLong()));   // reported even when none
            byte[][] prepared = requests.stream().map(r -> RawHttp.request(r.method(), "localhost", port, r.path(),
                    r.token(), r.json())).toArray(byte[][]::new);
            LoadRun.Result result = LoadRun.run(name, clients, Duration.ofMillis(Long.parseLong(args[3])),
                    Duration.ofMillis(Long.parseLong(args[4])), i -> {
                        RawHttp http = new RawHttp(port);
                        return new LoadRun.Client() {
                            private int turn = i;

                            @Override
                            public boolean once() throws Exception {
                                int k;
                                if (mode == Mode.EACH_ONCE) {
                                    k = next.getAndIncrement();
                                    if (k >= prepared.length) {
                                        return false;
                                    }
                                } else {
                                    k = turn % prepared.length;
                                    turn += clients;
                                }
                                RawHttp.Reply reply = http.send(prepared[k]);
                                String text = expected.get(reply.status());
                                if (text == null || !reply.body().contains(text)) {
                                    throw new IllegalStateException(requests.get(k).method() + " " + requests.get(k).path()
                                            + " answered " + reply.status() + ": " + reply.body());
                                }
                                statuses.get(reply.status()).incrementAndGet();
                                return true;
                            }

                            @Override
                            public void close() {
                                http.close();
                            }
                        };
                    });
            Map<String, Long> counters = new TreeMap<>();
            statuses.forEach((status, count) -> counters.put("status_" + status, count.get()));
            LoadRun.report(result, counters);
        }
    }
}
