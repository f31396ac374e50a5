package org.zhenwu.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP service behind the gateway (JDK server on a random port). What it answers depends on the path:
 * {@code /actuator/health}, {@code /v3/api-docs}, and paths containing {@code conflict}, {@code slow},
 * {@code once-503}, {@code always-503} or {@code always-500}; anything else is echoed back as JSON.
 */
final class TestBackend {

    static final String CONFLICT_BODY = """
            {"type":"https://zhenwu.org/problems/hotline/illegal-ticket-transition",\
            "title":"Ticket is not in a state that allows this action","status":409,\
            "detail":"Ticket 42 is CLOSED","instance":"/api/documents/conflict","currentStatus":"CLOSED"}""";

    record Received(String method, String pathAndQuery, Headers headers, int bodyBytes) {
    }

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hitsByPath = new ConcurrentHashMap<>();

    private TestBackend(String name, int port) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        this.server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "backend-" + name);
            thread.setDaemon(true);
            return thread;
        }));
        this.server.createContext("/", this::answer);
        this.server.start();
    }

    static TestBackend start(String name) {
        return start(name, 0);
    }

    /** A service coming (back) up on a given port, e.g. the one that was down. */
    static TestBackend start(String name, int port) {
        try {
            return new TestBackend(name, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service goes down again: its port refuses connections. */
    void stop() {
        server.stop(0);
    }

    /** A port nobody listens on: a service that is down. */
    static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int hits() {
        return received.size();
    }

    int hits(String path) {
        AtomicInteger count = hitsByPath.get(path);
        return count == null ? 0 : count.get();
    }

    Received last(String path) {
        return received.stream().filter(r -> r.pathAndQuery().startsWith(path)).reduce((a, b) -> b).orElse(null);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String pathAndQuery = query == null ? path : path + "?" + query;
            received.add(new Received(exchange.getRequestMethod(), pathAndQuery, exchange.getRequestHeaders(),
                    body.length));
            int hit = hitsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();

            if (path.equals("/actuator/health")) {
                respond(exchange, 200, "application/json", "{\"status\":\"UP\",\"service\":\"" + name + "\"}");
            } else if (path.equals("/v3/api-docs")) {
                respond(exchange, 200, "application/json",
                        "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "\",\"version\":\"1\"}}");
            } else if (path.contains("conflict")) {
                respond(exchange, 409, "application/problem+json", CONFLICT_BODY);
            } else if (path.contains("slow")) {
                sleep(2_500);
                respond(exchange, 200, "application/json", "{\"slow\":true}");
            } else if (path.contains("once-503") && hit == 1) {
                respond(exchange, 503, "text/plain", "warming up");
            } else if (path.contains("always-503")) {
                respond(exchange, 503, "text/plain", "overloaded");
            } else if (path.contains("always-500")) {
                respond(exchange, 500, "text/plain", "bug");
            } else {
                String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
                respond(exchange, 200, "application/json", "{\"service\":\"" + name + "\",\"method\":\""
                        + exchange.getRequestMethod() + "\",\"path\":\"" + pathAndQuery + "\",\"correlationId\":\""
                        + correlationId + "\",\"bodyBytes\":" + body.length + "}");
            }
        } catch (IOException gatewayGaveUp) {
            // the gateway's time limiter closed the connection first: expected for slow answers
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
