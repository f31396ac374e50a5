package org.zhenwu.platform.importing;

import java.util.List;

/**
 * An import file had bad rows; nothing of it was written. → 400 {@code invalid-request} listing every problem as
 * {@code errors: [{field: "line N: field", message}]} (see {@code ProblemDetailsAdvice}).
 */
public class ImportRejected extends RuntimeException {
    private final List<RowError> errors;

    public ImportRejected(List<RowError> errors) {
        super(errors.size() + " problem(s) in the import file; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
