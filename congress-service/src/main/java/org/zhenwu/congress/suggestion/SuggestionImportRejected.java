package org.zhenwu.congress.suggestion;

import java.util.List;

/** An import file had bad rows; nothing of it was written. → 400 listing every row's problems. */
class SuggestionImportRejected extends RuntimeException {
    private final List<SuggestionImportFile.RowError> errors;

    SuggestionImportRejected(List<SuggestionImportFile.RowError> errors) {
        super(errors.size() + " problem(s) in the import file; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    List<SuggestionImportFile.RowError> errors() {
        return errors;
    }
}
