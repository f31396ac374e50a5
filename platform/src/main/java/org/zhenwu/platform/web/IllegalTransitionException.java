package org.zhenwu.platform.web;

/**
 * A state change the aggregate's state machine does not allow from its current status. → 409.
 * Aggregates throw it from their single {@code moveTo}; services never catch it.
 */
public class IllegalTransitionException extends RuntimeException {
    private final String aggregate;
    private final Object id;
    private final String currentStatus;
    private final String attemptedStatus;

    public IllegalTransitionException(String aggregate, Object id, Enum<?> current, Enum<?> attempted) {
        this(aggregate, id, current.name(), attempted == null ? null : attempted.name(),
                aggregate + " " + id + " cannot move from " + current.name()
                        + (attempted == null ? "" : " to " + attempted.name()));
    }

    public IllegalTransitionException(String aggregate, Object id, String current, String attempted, String message) {
        super(message);
        this.aggregate = aggregate;
        this.id = id;
        this.currentStatus = current;
        this.attemptedStatus = attempted;
    }

    public String aggregate() {
        return aggregate;
    }

    public Object id() {
        return id;
    }

    public String currentStatus() {
        return currentStatus;
    }

    public String attemptedStatus() {
        return attemptedStatus;
    }
}
