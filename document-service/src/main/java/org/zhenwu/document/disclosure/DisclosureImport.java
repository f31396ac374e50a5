package org.zhenwu.document.disclosure;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;

/**
 * Items published in an earlier system (the 2018–2019 政务公开 register), one per row. Columns: sourceId, title, body,
 * category, channels (separated by {@code ;}), publishedAt. They come in as PUBLISHED and count in the figures.
 */
final class DisclosureImport {
    private DisclosureImport() {
    }

    record Row(int line, String sourceId, String title, String body, DisclosureCategory category,
               Set<DisclosureChannel> channels, Instant publishedAt) {
    }

    static List<Row> rows(ImportFile file) {
        return file.rows(DisclosureImport::row, Row::sourceId);
    }

    private static Row row(RowReader f) {
        String sourceId = f.text("sourceId", 100, true);
        String title = f.text("title", 300, true);
        String body = f.text("body", 100_000, false);
        DisclosureCategory category = f.enumValue("category", DisclosureCategory.class, true);
        Set<DisclosureChannel> channels = channels(f);
        Instant publishedAt = f.time("publishedAt", true);
        return f.ok() ? new Row(f.line(), sourceId, title, body, category, channels, publishedAt) : null;
    }

    private static Set<DisclosureChannel> channels(RowReader f) {
        String v = f.text("channels", 200, true);
        Set<DisclosureChannel> channels = EnumSet.noneOf(DisclosureChannel.class);
        if (v == null) {
            return channels;
        }
        for (String c : v.split(";")) {
            try {
                channels.add(DisclosureChannel.valueOf(c.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                f.error("channels", "'" + c.strip() + "' is not one of " + List.of(DisclosureChannel.values()));
            }
        }
        return channels;
    }
}
