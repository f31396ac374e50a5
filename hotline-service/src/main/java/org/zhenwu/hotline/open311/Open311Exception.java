package org.zhenwu.hotline.open311;

/** An error the spec names, answered as {@code <errors><error><code>…} with that HTTP status (400, 403 or 404). */
class Open311Exception extends RuntimeException {
    private final int status;

    private Open311Exception(int status, String description) {
        super(description);
        this.status = status;
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(400, description);
    }

    static Open311Exception forbidden(String description) {
        return new Open311Exception(403, description);
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(404, description);
    }

    int status() {
        return status;
    }
}
