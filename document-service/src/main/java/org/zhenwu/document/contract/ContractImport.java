package org.zhenwu.document.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;
import org.zhenwu.platform.web.InvalidFieldException;

/**
 * Past contracts, one per row. Columns: sourceId, title, type, counterpartyName, counterpartyCreditCode (optional),
 * amount (元, two decimals), termStart, termEnd, signingUnit, status (SIGNED|IN_PERFORMANCE|COMPLETED|TERMINATED),
 * signedOn, reviewOutcome (absent: never reviewed — the contract then carries NO_REVIEW), reviewer and reviewedOn
 * (required with an outcome), closedOn (required when COMPLETED or TERMINATED), terminationReason (when TERMINATED).
 */
final class ContractImport {
    private static final Set<ContractStatus> HISTORICAL = Set.of(ContractStatus.SIGNED, ContractStatus.IN_PERFORMANCE,
            ContractStatus.COMPLETED, ContractStatus.TERMINATED);

    private ContractImport() {
    }

    record Row(String sourceId, Contract.Terms terms, Contract.History history) {
    }

    static List<Row> rows(ImportFile file) {
        return file.rows(ContractImport::row, Row::sourceId);
    }

    private static Row row(RowReader f) {
        String sourceId = f.text("sourceId", 100, true);
        String title = f.text("title", 300, true);
        ContractType type = f.enumValue("type", ContractType.class, true);
        String counterparty = f.text("counterpartyName", 200, true);
        String creditCode = f.text("counterpartyCreditCode", 18, false);
        BigDecimal amount = amount(f);
        LocalDate termStart = f.date("termStart", true);
        LocalDate termEnd = f.date("termEnd", true);
        String signingUnit = f.text("signingUnit", 100, true);
        ContractStatus status = f.enumValue("status", ContractStatus.class, true);
        if (status != null && !HISTORICAL.contains(status)) {
            f.error("status", "must be one of " + HISTORICAL);
        }
        LocalDate signedOn = f.date("signedOn", true);
        ReviewOutcome outcome = f.enumValue("reviewOutcome", ReviewOutcome.class, false);
        String reviewer = f.text("reviewer", 100, outcome != null);
        LocalDate reviewedOn = f.date("reviewedOn", outcome != null);
        boolean closed = status != null && status.closed();
        LocalDate closedOn = f.date("closedOn", closed);
        String reason = f.text("terminationReason", 2000, status == ContractStatus.TERMINATED);
        if (creditCode != null && !CreditCode.valid(creditCode.toUpperCase(Locale.ROOT))) {
            f.error("counterpartyCreditCode", "is not a valid 统一社会信用代码");
        }
        if (termStart != null && termEnd != null && termEnd.isBefore(termStart)) {
            f.error("termEnd", "is before termStart");
        }
        if (reviewedOn != null && signedOn != null && reviewedOn.isAfter(signedOn)) {
            f.error("reviewedOn", "is after signedOn");
        }
        if (closedOn != null && signedOn != null && closedOn.isBefore(signedOn)) {
            f.error("closedOn", "is before signedOn");
        }
        Contract.Terms terms = null;
        if (f.ok()) {
            try {
                terms = new Contract.Terms(title, type, counterparty, creditCode, amount, termStart, termEnd,
                        signingUnit).checked();
            } catch (InvalidFieldException e) {
                f.error(e.field(), e.getMessage());
            }
        }
        if (!f.ok()) {
            return null;
        }
        return new Row(sourceId, terms, new Contract.History(status, signedOn, outcome, reviewer, reviewedOn,
                closed ? closedOn : null, status == ContractStatus.TERMINATED ? reason : null));
    }

    private static BigDecimal amount(RowReader f) {
        String v = f.text("amount", 20, true);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(v.replace(",", ""));
            if (amount.signum() < 0 || amount.compareTo(Contract.MAX_AMOUNT) > 0
                    || amount.stripTrailingZeros().scale() > 2) {
                f.error("amount", "must be from 0 to " + Contract.MAX_AMOUNT.toPlainString() + " with two decimals");
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            f.error("amount", "must be a number of 元 such as 125000.50");
            return null;
        }
    }
}
