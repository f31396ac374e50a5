package org.zhenwu.platform.web;

/** A business rule on one request field failed (bean validation can't see it). → 400 naming the field. */
public class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
