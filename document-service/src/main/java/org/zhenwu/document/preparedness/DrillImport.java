package org.zhenwu.document.preparedness;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;

/**
 * Past drills (应急演练台账), one per row. Columns: sourceId, heldOn, type (a {@link PlanType}; required without
 * planId), planId (an emergency plan of this town), place, scenario, participants, evaluation.
 */
final class DrillImport {
    private DrillImport() {
    }

    record Row(int line, String sourceId, EmergencyDrill.Held held) {
    }

    static List<Row> rows(ImportFile file) {
        return file.rows(DrillImport::row, Row::sourceId);
    }

    private static Row row(RowReader f) {
        String sourceId = f.text("sourceId", 100, true);
        LocalDate heldOn = f.date("heldOn", true);
        PlanType type = f.enumValue("type", PlanType.class, false);
        UUID planId = null;
        String plan = f.text("planId", 36, false);
        if (plan != null) {
            try {
                planId = UUID.fromString(plan);
            } catch (IllegalArgumentException e) {
                f.error("planId", "must be a plan id (UUID)");
            }
        }
        if (type == null && plan == null && !f.hasError("type")) {
            f.error("type", "is required when the drill has no plan");
        }
        String place = f.text("place", 200, true);
        String scenario = f.text("scenario", 2000, true);
        Integer participants = DocumentImports.integer(f, "participants", 1, 100_000);
        if (participants == null && !f.hasError("participants")) {
            f.error("participants", "is required");
        }
        String evaluation = f.text("evaluation", 5000, false);
        if (!f.ok()) {
            return null;
        }
        return new Row(f.line(), sourceId, new EmergencyDrill.Held(planId, type, heldOn, place, scenario, participants,
                evaluation));
    }
}
