package org.zhenwu.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with Zhenwu's type URIs: {@code https://zhenwu.org/problems/<slug>}. */
public final class Problems {
    public static final String TYPE_BASE = "https://zhenwu.org/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    /** One bad field, in the same shape bean validation uses: {@code errors: [{field, message}]}. */
    public static ProblemDetail invalidField(String field, String message) {
        ProblemDetail problem = of(HttpStatusCode.valueOf(400), "invalid-request", "Invalid request",
                field + ": " + message);
        problem.setProperty("errors", java.util.List.of(new FieldError(field, message)));
        return problem;
    }

    public record FieldError(String field, String message) {
    }

    /** A problem+json body as text, for filters that answer before Spring MVC runs. */
    public static String json(int status, String slug, String title, String detail) {
        return "{\"type\":\"" + TYPE_BASE + slug + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
    }

    /** {@link #invalidField} as text, for filters that answer before Spring MVC runs. */
    public static String invalidFieldJson(int status, String slug, String title, String field, String message) {
        String problem = json(status, slug, title, field + ": " + message);
        return problem.substring(0, problem.length() - 1) + ",\"errors\":[{\"field\":\"" + escape(field)
                + "\",\"message\":\"" + escape(message) + "\"}]}";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
