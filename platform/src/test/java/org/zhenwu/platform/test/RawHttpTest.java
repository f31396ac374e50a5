package org.zhenwu.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The benchmarks' raw keep-alive client against a real HTTP server on loopback (the JDK's), and its second process. */
class RawHttpTest {
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<String> connections = ConcurrentHashMap.newKeySet();
    private final List<String> paths = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void noDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");   // else Nagle and delayed acks: 40 ms a reply
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", e -> answer(e, 200, "fixed " + body(e), false));
        server.createContext("/chunked", e -> answer(e, 201, "chunked ".repeat(1000), true));
        server.createContext("/empty", e -> {
            count(e);
            e.sendResponseHeaders(204, -1);
            e.close();
        });
        server.createContext("/trips/", e -> {
            boolean odd = Integer.parseInt(e.getRequestURI().getPath().substring(7)) % 2 == 1;
            paths.add(e.getRequestURI().getPath());
            answer(e, odd ? 409 : 200, odd ? "{\"type\":\"double-booking\"}" : "{}", false);
        });
        server.createContext("/closing", e -> {
            e.getResponseHeaders().add("Connection", "close");
            answer(e, 409, "{\"type\":\"double-booking\"}", false);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void count(HttpExchange e) {
        requests.incrementAndGet();
        connections.add(e.getRemoteAddress().toString());
    }

    private String body(HttpExchange e) throws IOException {
        String auth = e.getRequestHeaders().getFirst("Authorization");
        String type = e.getRequestHeaders().getFirst("Content-Type");
        return auth + " " + type + " " + new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private void answer(HttpExchange e, int status, String text, boolean chunked) throws IOException {
        count(e);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        e.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    private int port() {
        return server.getAddress().getPort();
    }

    @Test
    void keepsOneConnectionForLengthChunkedAndEmptyReplies() throws Exception {
        try (RawHttp http = new RawHttp("127.0.0.1", port())) {
            RawHttp.Reply fixed = http.send("POST", "/fixed", "t0k3n", "{\"名称\":\"乐从\"}");
            assertThat(fixed.status()).isEqualTo(200);
            assertThat(fixed.body()).isEqualTo("fixed Bearer t0k3n application/json {\"名称\":\"乐从\"}");
            RawHttp.Reply chunked = http.send("GET", "/chunked", null, null);
            assertThat(chunked.status()).isEqualTo(201);
            assertThat(chunked.body()).hasSize(8_000);
            assertThat(http.send("POST", "/empty", "t", "").status()).isEqualTo(204);
            assertThat(http.send("GET", "/fixed", null, null).body()).isEqualTo("fixed null null ");
        }
        assertThat(requests).hasValue(4);
        assertThat(connections).hasSize(1);
    }

    @Test
    void opensANewConnectionAfterTheServerClosesOne() throws Exception {
        try (RawHttp http = new RawHttp("127.0.0.1", port())) {
            RawHttp.Reply refused = http.send("POST", "/closing", "t", "{}");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.closed()).isTrue();
            assertThat(http.send("GET", "/fixed", null, null).status()).isEqualTo(200);
        }
        assertThat(connections).hasSize(2);
    }

    @Test
    void failsOnAServerThatIsGone() {
        RawHttp http = new RawHttp("127.0.0.1", port());
        server.stop(0);
        assertThatThrownBy(() -> http.send("GET", "/fixed", null, null)).isInstanceOf(IOException.class);
    }

    @Test
    void runsClientsInASecondProcessAndReportsTheirCounters() throws Exception {
        LoadRun.Remote remote = LoadRun.inSecondProcess(Driver.class, String.valueOf(port()));

        assertThat(remote.result().name()).isEqualTo("second process");
        assertThat(remote.result().operations()).isPositive();
        assertThat(remote.result().p99()).isGreaterThanOrEqualTo(remote.result().p50()).isPositive();
        // the driver counted every reply, warm-up included; the server saw each of those requests, nothing else
        assertThat(remote.counter("replies")).isEqualTo(requests.get()).isGreaterThan(remote.result().operations());
        assertThat(remote.counters()).containsEntry("clients", 2L);
        assertThat(connections).hasSize(2);
    }

    @Test
    void sendsEachRequestOnceFromASecondProcessAndCountsTheAnswers() throws Exception {
        List<HttpLoad.Request> trips = IntStream.range(0, 300)
                .mapToObj(i -> HttpLoad.Request.post("/trips/" + i, "t", "{\"vehicleId\":\"v" + i + "\"}")).toList();

        LoadRun.Remote remote = HttpLoad.fromSecondProcess("dispatch", port(), 3, Duration.ofMillis(100),
                Duration.ofSeconds(30), HttpLoad.Mode.EACH_ONCE, trips, Set.of("200", "201", "409~double-booking"));

        assertThat(paths).hasSize(300).doesNotHaveDuplicates();
        assertThat(remote.counter("status_200")).isEqualTo(150);
        assertThat(remote.counter("status_409")).isEqualTo(150);
        assertThat(remote.counter("status_201")).isZero();   // expected, never answered: reported as none
        assertThat(remote.result().operations()).isLessThanOrEqualTo(300);
    }

    @Test
    void failsTheRunOnAnAnswerItDidNotExpect() {
        List<HttpLoad.Request> trips = List.of(HttpLoad.Request.post("/trips/2", "t", "{}"),
                HttpLoad.Request.post("/trips/3", "t", "{}"));

        assertThatThrownBy(() -> HttpLoad.fromSecondProcess("dispatch", port(), 1, Duration.ZERO, Duration.ofSeconds(30),
                HttpLoad.Mode.REPEAT, trips, Set.of("200", "409~some-other-problem")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
    }

    /** The second process of {@link #runsClientsInASecondProcessAndReportsTheirCounters}: {@code port}. */
    public static final class Driver {
        public static void main(String[] args) throws Exception {
            int port = Integer.parseInt(args[0]);
            AtomicInteger replies = new AtomicInteger();
            LoadRun.Result result = LoadRun.run("second process", 2, Duration.ofMillis(500), Duration.ofMillis(700), i -> {
                RawHttp http = new RawHttp("127.0.0.1", port);
                byte[] request = http.prepare("GET", "/fixed", null, null);
                return new LoadRun.Client() {
                    @Override
                    public boolean once() throws Exception {
                        if (http.send(request).status() != 200) {
                            throw new IllegalStateException("not 200");
                        }
                        replies.incrementAndGet();
                        return true;
                    }

                    @Override
                    public void close() {
                        http.close();
                    }
                };
            });
            LoadRun.report(result, Map.of("replies", (long) replies.get(), "clients", 2L));
        }
    }
}
