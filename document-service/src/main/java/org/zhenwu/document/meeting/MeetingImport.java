package org.zhenwu.document.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;
import org.zhenwu.platform.web.InvalidFieldException;

/**
 * Past meetings from the office's registers (会议记录簿), one per row. Columns: sourceId, type (a {@link MeetingType}
 * name), title, host, startsAt, endsAt, place, agenda (items separated by {@code ;}), attendees (names separated by
 * {@code ;}), onLeave (those of the attendees who were excused), status (HELD, MINUTED or CANCELLED; default
 * MINUTED), cancelReason (required for CANCELLED). Attendees not on leave are recorded as signed in.
 */
final class MeetingImport {
    private static final Set<MeetingStatus> FINAL = Set.of(MeetingStatus.HELD, MeetingStatus.MINUTED,
            MeetingStatus.CANCELLED);

    private MeetingImport() {
    }

    record Row(int line, String sourceId, Meeting.Plan plan, Set<String> onLeave, MeetingStatus status,
               String cancelReason) {
    }

    static List<Row> rows(ImportFile file) {
        return file.rows(MeetingImport::row, Row::sourceId);
    }

    private static Row row(RowReader f) {
        String sourceId = f.text("sourceId", 100, true);
        MeetingType type = f.enumValue("type", MeetingType.class, true);
        String title = f.text("title", 300, true);
        String host = f.text("host", 100, true);
        Instant startsAt = f.time("startsAt", true);
        Instant endsAt = f.time("endsAt", true);
        String place = f.text("place", 200, true);
        List<String> agenda = DocumentImports.items(f, "agenda", 500);
        List<String> attendees = DocumentImports.items(f, "attendees", 100);
        Set<String> onLeave = Set.copyOf(DocumentImports.items(f, "onLeave", 100));
        if (!attendees.containsAll(onLeave)) {
            f.error("onLeave", "names someone who is not among the attendees");
        }
        MeetingStatus status = f.enumValue("status", MeetingStatus.class, false);
        if (status != null && !FINAL.contains(status)) {
            f.error("status", "must be one of " + FINAL);
        }
        MeetingStatus s = status == null ? MeetingStatus.MINUTED : status;
        String cancelReason = f.text("cancelReason", 2000, s == MeetingStatus.CANCELLED);
        Meeting.Window window = null;
        if (startsAt != null && endsAt != null) {
            try {
                window = new Meeting.Window(startsAt, endsAt);
            } catch (InvalidFieldException e) {
                f.error(e.field(), e.getMessage());
            }
        }
        if (!f.ok()) {
            return null;
        }
        return new Row(f.line(), sourceId, new Meeting.Plan(type, title, host, agenda,
                attendees.stream().map(a -> new Meeting.Attendee(a, null)).toList(), window, null, place, null),
                onLeave, s, cancelReason);
    }
}
