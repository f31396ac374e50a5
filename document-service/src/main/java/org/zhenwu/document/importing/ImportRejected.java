package org.zhenwu.document.importing;

import java.util.List;

/** An import file had bad rows; nothing of it was written. → 400 listing every row's problems. */
public class ImportRejected extends RuntimeException {
    private final List<ImportFile.RowError> errors;

    public ImportRejected(List<ImportFile.RowError> errors) {
        super(errors.size() + " problem(s) in the import file; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    public List<ImportFile.RowError> errors() {
        return errors;
    }
}
