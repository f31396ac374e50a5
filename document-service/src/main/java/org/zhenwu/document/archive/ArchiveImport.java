package org.zhenwu.document.archive;

import java.time.LocalDate;
import java.util.List;

import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;

/**
 * Items of an earlier archive register, one per row, with their historical 件号. Columns: sourceId, year, category,
 * retention, itemNumber, title, kind (DOCUMENT|DOSSIER, default DOCUMENT), documentNumber, arrangedOn (the day it was
 * arranged, for the figures). The counters continue after the highest imported 件号.
 */
final class ArchiveImport {
    private ArchiveImport() {
    }

    record Row(int line, String sourceId, int year, ArchiveCategory category, Retention retention, int itemNumber,
               String title, ArchiveItemKind kind, String documentNumber, LocalDate arrangedOn) {
    }

    static List<Row> rows(ImportFile file) {
        return file.rows(ArchiveImport::row, Row::sourceId);
    }

    private static Row row(RowReader f) {
        String sourceId = f.text("sourceId", 100, true);
        Integer year = DocumentImports.integer(f, "year", 1949, 2199);
        if (year == null && !f.hasError("year")) {
            f.error("year", "is required");
        }
        ArchiveCategory category = f.enumValue("category", ArchiveCategory.class, true);
        Retention retention = f.enumValue("retention", Retention.class, true);
        Integer number = DocumentImports.integer(f, "itemNumber", 1, 999_999);
        if (number == null && !f.hasError("itemNumber")) {
            f.error("itemNumber", "is required");
        }
        String title = f.text("title", 300, true);
        ArchiveItemKind kind = f.enumValue("kind", ArchiveItemKind.class, false);
        String documentNumber = f.text("documentNumber", 100, false);
        LocalDate arrangedOn = f.date("arrangedOn", true);
        if (year != null && arrangedOn != null && arrangedOn.getYear() < year) {
            f.error("arrangedOn", "is before the item's year");
        }
        if (!f.ok()) {
            return null;
        }
        return new Row(f.line(), sourceId, year, category, retention, number, title,
                kind == null ? ArchiveItemKind.DOCUMENT : kind, documentNumber, arrangedOn);
    }
}
