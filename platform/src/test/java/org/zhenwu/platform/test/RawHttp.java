package org.zhenwu.platform.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A benchmark's HTTP/1.1 client as wrk is one: one keep-alive connection per client thread, requests written as
 * prepared bytes, the reply read straight off the socket (length or chunked bodies). A new connection is opened
 * when the server ends one (Tomcat closes a connection after 100 requests by default). Costs ~0.2 ms of CPU per
 * request where the JDK {@code HttpClient} costs 1.5–2 ms (docs/benchmarks/capacity.md), so the load generator
 * takes little of the cores it shares with what it measures. Not thread-safe: one per client thread. JDK only.
 */
public final class RawHttp implements AutoCloseable {
    /** A reply slower than this is a failure (as the benchmarks' JDK requests had a 30 s timeout). */
    static final int READ_TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public RawHttp(int port) {
        this("localhost", port);
    }

    /** A reply: status, body, and whether the server closes the connection after it. */
    public record Reply(int status, String body, boolean closed) {
    }

    /**
     * The bytes of one request with a bearer token (none when null); a JSON body when {@code json} is not null
     * (an empty one is sent as {@code Content-Length: 0}).
     */
    public static byte[] request(String method, String host, int port, String path, String token, String json) {
        return request(method, host, port, path, token, json, java.util.Map.of());
    }

    /** The same, with more header fields (an {@code Idempotency-Key}, say). */
    public static byte[] request(String method, String host, int port, String path, String token, String json,
                                 java.util.Map<String, String> headers) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (json != null && !json.isEmpty()) {
            head.append("Content-Type: application/json\r\n");
        }
        if (json != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    /** {@link #request(String, String, int, String, String, String)} to this client's host and port. */
    public byte[] prepare(String method, String path, String token, String json) {
        return request(method, host, port, path, token, json);
    }

    public Reply send(String method, String path, String token, String json) throws IOException {
        return send(prepare(method, path, token, json));
    }

    /** Writes one prepared request and reads its reply; a failure closes the connection (no retry: POSTs are not). */
    public Reply send(byte[] request) throws IOException {
        try {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
                out = socket.getOutputStream();
            }
            out.write(request);
            Reply reply = read(in);
            if (reply.closed()) {
                close();
            }
            return reply;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that is gone already
            }
            socket = null;
        }
    }

    static Reply read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closed = statusLine.startsWith("HTTP/1.0");
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:")) {
                closed = lower.contains("close");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                body.write(exactly(in, size));
                line(in);
            }
            for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                // trailers: none expected, skipped
            }
        } else if (length > 0) {
            body.write(exactly(in, (int) length));
        }
        return new Reply(status, body.toString(StandardCharsets.UTF_8), closed);
    }

    private static int chunkSize(String line) {
        return Integer.parseInt(line.split(";", 2)[0].trim(), 16);
    }

    private static byte[] exactly(InputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException("connection closed mid-body");
        }
        return bytes;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed mid-response");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
