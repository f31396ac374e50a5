package org.zhenwu.congress.suggestion;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;

import tools.jackson.databind.json.JsonMapper;

/**
 * A file of past suggestions, motions and proposals (JSON lines or CSV with a header row, UTF-8), read and checked
 * row by row. Fields: sourceId, kind (SUGGESTION|MOTION|PROPOSAL), proposerType, proposerGroup, session, title,
 * content, deputies (a JSON array, or names separated by {@code ;} or {@code 、}), submittedAt, status
 * (SUBMITTED|REGISTERED|ASSIGNED|REPLIED|TRACKING|CLOSED), registeredAt, leadUnit, coUnits, assignedAt, category
 * (A–D), reply, repliedAt, satisfaction, feedbackAt. Times are ISO instants ({@code 2019-03-04T09:30:00Z}) or local
 * Beijing times ({@code 2019-03-04T09:30:00}); a missing step time is the previous step's.
 */
final class SuggestionImportFile {
    static final int MAX_ROWS = 20_000;
    private static final Set<SuggestionStatus> FINAL_STATES = Set.of(SuggestionStatus.SUBMITTED, SuggestionStatus.REGISTERED,
            SuggestionStatus.ASSIGNED, SuggestionStatus.REPLIED, SuggestionStatus.TRACKING, SuggestionStatus.CLOSED);

    private SuggestionImportFile() {
    }

    record Row(int line, String sourceId, Suggestion.Submission submission, SuggestionStatus status, Instant registeredAt,
               String leadUnit, List<String> coUnits, Instant assignedAt, ReplyCategory category, String reply,
               Instant repliedAt, Satisfaction satisfaction, Instant feedbackAt) {
    }

    /** The good rows; the file's problems are in {@code file.errors()}. */
    record Parsed(ImportFile file, List<Row> rows) {
    }

    static Parsed parseJsonLines(String body, JsonMapper json) {
        return read(ImportFile.jsonLines(body, json, MAX_ROWS));
    }

    static Parsed parseCsv(String body) {
        return read(ImportFile.csv(body, MAX_ROWS));
    }

    private static Parsed read(ImportFile file) {
        return new Parsed(file, file.rows(SuggestionImportFile::row, Row::sourceId));
    }

    private static Row row(RowReader r) {
        String sourceId = r.text("sourceId", 100, true);
        SuggestionKind kind = r.enumValue("kind", SuggestionKind.class, false);
        ProposerType proposerType = r.enumValue("proposerType", ProposerType.class, false);
        String proposerGroup = r.text("proposerGroup", 100, false);
        String session = r.text("session", 100, true);
        String title = r.text("title", 200, true);
        String content = r.text("content", 20000, true);
        List<String> deputies = list(r, "deputies");
        Instant submittedAt = r.time("submittedAt", true);
        SuggestionStatus status = r.enumValue("status", SuggestionStatus.class, true);
        if (status != null && !FINAL_STATES.contains(status)) {
            r.error("status", "must be one of " + FINAL_STATES);
        }
        Instant registeredAt = r.time("registeredAt", false);
        String leadUnit = r.text("leadUnit", 100, false);
        List<String> coUnits = list(r, "coUnits");
        Instant assignedAt = r.time("assignedAt", false);
        ReplyCategory category = r.enumValue("category", ReplyCategory.class, false);
        String reply = r.text("reply", 20000, false);
        Instant repliedAt = r.time("repliedAt", false);
        Satisfaction satisfaction = r.enumValue("satisfaction", Satisfaction.class, false);
        Instant feedbackAt = r.time("feedbackAt", false);
        if (status != null) {
            if (status.ordinal() >= SuggestionStatus.ASSIGNED.ordinal() && leadUnit == null) {
                r.error("leadUnit", "is required once a suggestion was assigned (交办)");
            }
            boolean replied = status == SuggestionStatus.REPLIED || status == SuggestionStatus.TRACKING
                    || status == SuggestionStatus.CLOSED;
            if (replied && category == null) {
                r.error("category", "is required once a suggestion was answered");
            }
            if (replied && reply == null) {
                r.error("reply", "is required once a suggestion was answered");
            }
            if ((status == SuggestionStatus.TRACKING || status == SuggestionStatus.CLOSED) && satisfaction == null) {
                r.error("satisfaction", "is required for a tracked or closed suggestion");
            }
        }
        r.notBefore("registeredAt", submittedAt, registeredAt);
        r.notBefore("assignedAt", registeredAt != null ? registeredAt : submittedAt, assignedAt);
        r.notBefore("repliedAt", assignedAt, repliedAt);
        r.notBefore("feedbackAt", repliedAt, feedbackAt);
        if (!r.ok()) {
            return null;
        }
        var submission = new Suggestion.Submission(kind == null ? SuggestionKind.SUGGESTION : kind, session, title,
                content, deputies, submittedAt, proposerType, proposerGroup);
        return new Row(r.line(), sourceId, submission, status, registeredAt, leadUnit, coUnits, assignedAt, category,
                reply, repliedAt, satisfaction, feedbackAt);
    }

    private static List<String> list(RowReader r, String field) {
        String v = r.raw(field);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split("[;；、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
