package org.zhenwu.document.element;

import java.time.LocalDate;

import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The elements as a client sends them (create and revise). Field names are the JSON names; see {@link DocumentElements}. */
public record ElementsRequest(
        @NotNull DocumentType documentType,
        @Pattern(regexp = "\\d{1,6}", message = "is a number of up to 6 digits") String copyNumber,
        SecrecyLevel secrecyLevel,
        @Min(1) @Max(30) Integer secrecyYears,
        Urgency urgency,
        @Size(max = 200) String issuerName,
        @Size(max = 40) @Pattern(regexp = "[^〔〕\\[\\]\\s]+", message = "is the 机关代字 without year or brackets") String issuerCode,
        @Size(max = 100) String signerName,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 1000) String mainRecipients,
        @Size(max = 1_000_000) String body,
        @Size(max = 1000) String attachmentNote,
        @Size(max = 200) String signature,
        LocalDate dateWritten,
        Boolean sealed,
        @Size(max = 1000) String remarks,
        @Size(max = 1000) String ccRecipients,
        @Size(max = 200) String printingOrgan,
        LocalDate printingDate,
        @Min(1) @Max(10_000) Integer pages) {

    /** Applies the rules bean validation can't see; throws 400 naming the field. */
    public DocumentElements toElements(DocumentKind kind, SecrecyRules rules) {
        SecrecyLevel level = secrecyLevel == null ? SecrecyLevel.NONE : secrecyLevel;
        Urgency u = urgency == null ? (kind == DocumentKind.TELEGRAM ? null : Urgency.NORMAL) : urgency;
        if (u == null || !u.allowedFor(kind)) {
            throw new InvalidFieldException("urgency", kind == DocumentKind.TELEGRAM
                    ? "a telegram (明传电报) is FLASH 特提, EXTRA_URGENT 特急, URGENT 加急 or ROUTINE 平急"
                    : "a document is NORMAL, URGENT 加急 or EXTRA_URGENT 特急");
        }
        if (kind == DocumentKind.TELEGRAM && level.classified()) {
            throw new InvalidFieldException("secrecyLevel", "a 明传电报 is unclassified by definition; classified ones go as 密码电报");
        }
        Integer years = rules.period(level, secrecyYears);
        return new DocumentElements(documentType, blankToNull(copyNumber), level, years, u, blankToNull(issuerName),
                blankToNull(issuerCode), blankToNull(signerName), title.strip(), blankToNull(mainRecipients),
                body, blankToNull(attachmentNote), blankToNull(signature), dateWritten, sealed, blankToNull(remarks),
                blankToNull(ccRecipients), blankToNull(printingOrgan), printingDate, pages);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
