package org.zhenwu.document.legal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;

/**
 * The office's old registers of legal opinions and cases, one record per row.
 * <p>
 * Opinions (all issued): sourceId, subjectArea, question, opinion, counsel, issuedOn. Numbers are taken from the
 * town's register of the year of issue, in file order.
 * <p>
 * Cases: sourceId, caseNumber, court, kind, ourRole, counterparty, counsel, cause (optional), registeredOn, status
 * (REGISTERED|IN_PROGRESS|JUDGED|CLOSED, default CLOSED), judgedOn and judgment (required when JUDGED), outcome and
 * closedOn (required when CLOSED; without judgedOn only SETTLED or WITHDRAWN).
 */
final class LegalImport {
    private static final Set<CaseStatus> CASE_STATES = Set.of(CaseStatus.REGISTERED, CaseStatus.IN_PROGRESS,
            CaseStatus.JUDGED, CaseStatus.CLOSED);

    private LegalImport() {
    }

    record OpinionRow(String sourceId, SubjectArea area, String question, String opinion, String counsel,
                      LocalDate issuedOn) {
    }

    record CaseRow(int line, String sourceId, LegalCase.Parties parties, LocalDate registeredOn, CaseStatus status,
                   LocalDate judgedOn, String judgment, CaseOutcome outcome, LocalDate closedOn) {
    }

    static List<OpinionRow> opinions(ImportFile file, LocalDate today) {
        return file.rows(f -> opinion(f, today), OpinionRow::sourceId);
    }

    static List<CaseRow> cases(ImportFile file, LocalDate today) {
        return file.rows(f -> legalCase(f, today), CaseRow::sourceId);
    }

    private static OpinionRow opinion(RowReader f, LocalDate today) {
        String sourceId = f.text("sourceId", 100, true);
        SubjectArea area = f.enumValue("subjectArea", SubjectArea.class, true);
        String question = f.text("question", 5000, true);
        String opinion = f.text("opinion", 20000, true);
        String counsel = f.text("counsel", 100, true);
        LocalDate issuedOn = past(f, "issuedOn", true, today);
        return f.ok() ? new OpinionRow(sourceId, area, question, opinion, counsel, issuedOn) : null;
    }

    private static CaseRow legalCase(RowReader f, LocalDate today) {
        String sourceId = f.text("sourceId", 100, true);
        String number = f.text("caseNumber", 100, true);
        String court = f.text("court", 200, true);
        CaseKind kind = f.enumValue("kind", CaseKind.class, true);
        PartyRole role = f.enumValue("ourRole", PartyRole.class, true);
        String counterparty = f.text("counterparty", 300, true);
        String counsel = f.text("counsel", 100, true);
        String cause = f.text("cause", 300, false);
        LocalDate registeredOn = past(f, "registeredOn", true, today);
        CaseStatus status = f.enumValue("status", CaseStatus.class, false);
        if (status != null && !CASE_STATES.contains(status)) {
            f.error("status", "must be one of " + CASE_STATES);
        }
        CaseStatus s = status == null ? CaseStatus.CLOSED : status;
        LocalDate judgedOn = past(f, "judgedOn", s == CaseStatus.JUDGED, today);
        String judgment = f.text("judgment", 4000, s == CaseStatus.JUDGED);
        CaseOutcome outcome = f.enumValue("outcome", CaseOutcome.class, s == CaseStatus.CLOSED);
        LocalDate closedOn = past(f, "closedOn", s == CaseStatus.CLOSED, today);
        if (outcome != null && judgedOn == null && !outcome.withoutJudgment()) {
            f.error("outcome", "a case that was never judged closes SETTLED or WITHDRAWN");
        }
        if (registeredOn != null && judgedOn != null && judgedOn.isBefore(registeredOn)) {
            f.error("judgedOn", "is before registeredOn");
        }
        if (registeredOn != null && closedOn != null && closedOn.isBefore(registeredOn)) {
            f.error("closedOn", "is before registeredOn");
        }
        if (!f.ok()) {
            return null;
        }
        boolean closed = s == CaseStatus.CLOSED;
        return new CaseRow(f.line(), sourceId, new LegalCase.Parties(number, court, kind, role, counterparty, counsel,
                cause), registeredOn, s, judgedOn, judgment, closed ? outcome : null, closed ? closedOn : null);
    }

    private static LocalDate past(RowReader f, String field, boolean required, LocalDate today) {
        LocalDate d = f.date(field, required);
        if (d != null && d.isAfter(today)) {
            f.error(field, "is in the future");
            return null;
        }
        return d;
    }
}
