package org.zhenwu.hotline.workorder;

import java.util.List;

/** An import file had bad rows; nothing of it was written. → 400 listing every row's problems. */
class WorkOrderImportRejected extends RuntimeException {
    private final List<WorkOrderImportFile.RowError> errors;

    WorkOrderImportRejected(List<WorkOrderImportFile.RowError> errors) {
        super(errors.size() + " problem(s) in the import file; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    List<WorkOrderImportFile.RowError> errors() {
        return errors;
    }
}
