package org.zhenwu.platform.web;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a body larger than {@code zhenwu.web.max-request-bytes} → 413. A declared Content-Length is judged
 * before anything reads the body; a body without one (chunked) is counted while it is read, and reading past
 * the limit throws {@link TooLarge}, which {@link ProblemDetailsAdvice} answers with the same 413.
 */
public class RequestSizeLimit extends OncePerRequestFilter {
    private final long maxBytes;

    public RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            refuse(response, "The request body has " + length + " bytes; at most " + maxBytes + " are accepted");
            return;
        }
        if (length >= 0) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(new Counted(request, maxBytes), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!isTooLarge(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(response, "The request body has more than " + maxBytes + " bytes");
        }
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.json(413, "payload-too-large", "Payload too large", detail));
    }

    static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    /** Thrown while reading a body past the limit. */
    public static class TooLarge extends IOException {
        TooLarge(long max) {
            super("The request body has more than " + max + " bytes");
        }
    }

    /** A request whose body stream throws {@link TooLarge} once more than {@code max} bytes were read. */
    private static final class Counted extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final long max;
        private jakarta.servlet.ServletInputStream stream;
        private java.io.BufferedReader reader;

        Counted(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                jakarta.servlet.ServletInputStream in = super.getInputStream();
                stream = new jakarta.servlet.ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > max) {
                            throw new TooLarge(max);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(jakarta.servlet.ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
                reader = new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
            }
            return reader;
        }
    }
}
