package org.zhenwu.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.zhenwu.platform.web.Problems;

import io.micrometer.core.instrument.MeterRegistry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Idempotency-Key} on POST and PATCH (IETF draft-ietf-httpapi-idempotency-key-header): a clerk's console
 * that got no answer (the gateway's 503 after its time limit, a dropped connection) sends the same request again with
 * the same key, and it is carried out once. Keys are per caller (the token's subject); a request without the header,
 * a safe method, or a caller without a token (Open311, {@code /public}) is handled as before.
 * <ul>
 * <li>first time: the key is claimed, the request runs, and a successful answer (2xx), or any answer of a request
 * that changed data, is stored with it; a request that failed without changing anything frees the key again</li>
 * <li>again, same method, path and body: the stored answer, with {@code Idempotent-Replayed: true}</li>
 * <li>while the first still runs: 409 {@code idempotency-key-in-progress}, with {@code Retry-After}</li>
 * <li>same key, another request: 422 {@code idempotency-key-reused}</li>
 * <li>the first changed data but its instance stopped before its answer was stored: 409
 * {@code idempotency-key-answer-lost} (never carried out twice)</li>
 * <li>the first changed nothing and its instance stopped: once its claim is older than
 * {@code zhenwu.web.idempotency.abandoned-after}, a resend carries it out in its place</li>
 * </ul>
 * Whether a request changed data is known exactly: {@link #commitMarker} marks the key inside every write transaction
 * the request commits, so the mark commits with the data or not at all.
 */
public class IdempotentRequests extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern SANE = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();
    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    private final IdempotencyStore store;
    private final long maxStoredBody;
    private final MeterRegistry meters;

    public IdempotentRequests(IdempotencyStore store, IdempotencyProperties properties, MeterRegistry meters) {
        this.store = store;
        this.maxStoredBody = properties.maxStoredBody().toBytes();
        this.meters = meters;
    }

    /** The keyed request running on this thread, and whether one of its transactions has committed. */
    private static final class Current {
        final String caller;
        final String key;
        final Instant claimed;
        boolean committed;

        Current(String caller, String key, Instant claimed) {
            this.caller = caller;
            this.key = key;
            this.claimed = claimed;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("POST".equals(method) || "PATCH".equals(method)) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caller = callerOf();
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (!SANE.matcher(key).matches()) {
            write(response, 400, Problems.invalidFieldJson(400, "invalid-request", "Invalid request", HEADER,
                    "must be 1 to 128 visible ASCII characters (a UUID is best)"));
            return;
        }
        // a form's fields are the container's to read from the body, and come back in a canonical order
        boolean form = MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType(request));
        byte[] body = form ? formFields(request) : request.getInputStream().readAllBytes();
        Instant now = store.now();
        IdempotencyStore.Claimed claimed = store.claim(caller, key, fingerprint(request, body), now);
        // how often consoles resend, and why: many replays mean answers are being lost on the way
        meters.counter("zhenwu.idempotency.requests", "claim",
                claimed.claim().name().toLowerCase(java.util.Locale.ROOT)).increment();
        switch (claimed.claim()) {
            case OWNED -> carryOut(new Current(caller, key, now), form ? request : new CachedBody(request, body),
                    response, chain);
            case REPLAY -> replay(response, claimed.stored());
            case IN_PROGRESS -> {
                response.setHeader("Retry-After", "1");
                problem(response, 409, "idempotency-key-in-progress", "Request in progress",
                        "A request with this Idempotency-Key is still being handled; send it again shortly");
            }
            case MISMATCH -> write(response, 422, Problems.invalidFieldJson(422, "idempotency-key-reused",
                    "Idempotency-Key reused", HEADER, "this key was used for a different request (method, path or "
                            + "body); use a new key for a new request"));
            case ANSWER_LOST -> problem(response, 409, "idempotency-key-answer-lost", "Answer not kept",
                    "The request with this Idempotency-Key was carried out, but its answer was not kept; look the "
                            + "result up instead of sending it again");
        }
    }

    private void carryOut(Current current, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var captured = new ContentCachingResponseWrapper(response);
        CURRENT.set(current);
        try {
            chain.doFilter(request, captured);
        } catch (IOException | ServletException | RuntimeException e) {
            CURRENT.remove();
            try {
                if (current.committed) {
                    store.complete(current.caller, current.key, current.claimed, 500, null, null, null);
                } else {
                    store.release(current.caller, current.key, current.claimed);
                }
            } catch (RuntimeException storing) {
                e.addSuppressed(storing);
            }
            throw e;
        }
        CURRENT.remove();
        int status = captured.getStatus();
        try {
            if (status >= 200 && status < 300 || current.committed) {
                byte[] answer = captured.getContentAsByteArray();
                store.complete(current.caller, current.key, current.claimed, status, captured.getContentType(),
                        captured.getHeader("Location"), answer.length <= maxStoredBody ? answer : null);
            } else {
                store.release(current.caller, current.key, current.claimed);
            }
        } catch (RuntimeException e) {
            // the work is done (or refused) either way: the caller still gets its answer; a resend of a request that
            // changed data then gets 409 answer-lost, never a second run
            log.warn("Could not store the answer for Idempotency-Key {} of {}: {}", current.key, current.caller,
                    e.toString());
        }
        captured.copyBodyToResponse();
    }

    private static void replay(HttpServletResponse response, IdempotencyStore.Row replay) throws IOException {
        response.setStatus(replay.status());
        response.setHeader(REPLAYED, "true");
        if (replay.contentType() != null) {
            response.setContentType(replay.contentType());
        }
        if (replay.location() != null) {
            response.setHeader("Location", replay.location());
        }
        response.setContentLength(replay.body().length);
        response.getOutputStream().write(replay.body());
    }

    /** Marks the keyed request's key in each of its write transactions, just before it commits. */
    public static TransactionExecutionListener commitMarker(IdempotencyStore store) {
        return new TransactionExecutionListener() {
            @Override
            public void beforeCommit(TransactionExecution transaction) {
                Current current = CURRENT.get();
                if (current != null && transaction.isNewTransaction() && !transaction.isReadOnly()) {
                    store.markCommitted(current.caller, current.key, current.claimed);
                }
            }

            @Override
            public void afterCommit(TransactionExecution transaction, Throwable failure) {
                Current current = CURRENT.get();
                if (current != null && failure == null && transaction.isNewTransaction() && !transaction.isReadOnly()) {
                    current.committed = true;
                }
            }
        };
    }

    private static String callerOf() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken ? null
                : auth.getName();
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return null;
        }
    }

    private static byte[] formFields(HttpServletRequest request) {
        StringBuilder fields = new StringBuilder();
        new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                fields.append(name).append('=').append(value).append('\n');
            }
        });
        return fields.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String fingerprint(HttpServletRequest request, byte[] body) {
        return fingerprint(request.getMethod(), request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()), body);
    }

    /** SHA-256 of the method, the path with its query, and the body: what makes two requests "the same". */
    public static String fingerprint(String method, String target, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + ' ' + target + '\n').getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void problem(HttpServletResponse response, int status, String slug, String title, String detail)
            throws IOException {
        write(response, status, Problems.json(status, slug, title, detail));
    }

    private static void write(HttpServletResponse response, int status, String problemJson) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problemJson);
    }

    /** The request with its body already read (for the fingerprint), readable again by the handler. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
