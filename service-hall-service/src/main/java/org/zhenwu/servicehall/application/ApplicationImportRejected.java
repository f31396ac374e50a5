package org.zhenwu.servicehall.application;

import java.util.List;

/** An import file had bad rows; nothing of it was written. → 400 listing every row's problems. */
class ApplicationImportRejected extends RuntimeException {
    private final List<ApplicationImportFile.RowError> errors;

    ApplicationImportRejected(List<ApplicationImportFile.RowError> errors) {
        super(errors.size() + " problem(s) in the import file; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    List<ApplicationImportFile.RowError> errors() {
        return errors;
    }
}
