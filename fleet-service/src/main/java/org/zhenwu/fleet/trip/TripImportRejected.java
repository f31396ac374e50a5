package org.zhenwu.fleet.trip;

import java.util.List;

/** An import file had bad rows; nothing of it was written. → 400 listing every row's problems. */
class TripImportRejected extends RuntimeException {
    private final List<TripImportFile.RowError> errors;

    TripImportRejected(List<TripImportFile.RowError> errors) {
        super(errors.size() + " problem(s) in the import file; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    List<TripImportFile.RowError> errors() {
        return errors;
    }
}
