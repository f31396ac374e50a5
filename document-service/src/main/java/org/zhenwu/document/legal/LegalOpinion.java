package org.zhenwu.document.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A legal opinion (法律意见书) of the town's counsel on a question the town put: drafted, then issued with the next
 * number of the town's register for the year of issue (法律意见书〔2019〕35号) — never earlier, so abandoned drafts
 * leave no gaps.
 */
@Entity
@Table(name = "legal_opinion")
class LegalOpinion extends LegalRecord {
    private String sourceId;
    @Enumerated(EnumType.STRING)
    private SubjectArea subjectArea;
    private String question;
    private String opinion;
    private String counsel;
    @Enumerated(EnumType.STRING)
    private OpinionStatus status;
    private String draftedBy;
    private Instant createdAt;
    private Integer numberYear;
    private Integer numberSequence;
    private String issuedBy;
    private LocalDate issuedOn;

    protected LegalOpinion() {
        // for JPA
    }

    private LegalOpinion(UUID id, String town) {
        super(id, town);
    }

    static LegalOpinion draft(UUID id, String town, SubjectArea area, String question, String opinion, String counsel,
                              String by, Instant now) {
        LegalOpinion o = new LegalOpinion(id, town);
        o.subjectArea = area;
        o.question = question;
        o.opinion = opinion;
        o.counsel = counsel;
        o.status = OpinionStatus.DRAFT;
        o.draftedBy = by;
        o.createdAt = now;
        o.trail(null, OpinionStatus.DRAFT, "起草", by, counsel, now);
        return o;
    }

    /** An opinion from the office's old register, issued on {@code issuedOn} under the given number. */
    static LegalOpinion historical(UUID id, String town, String sourceId, SubjectArea area, String question,
                                   String opinion, String counsel, LocalDate issuedOn, int sequence, String by,
                                   Instant now) {
        LegalOpinion o = draft(id, town, area, question, opinion, counsel, by, now);
        o.sourceId = sourceId;
        o.numbered(issuedOn, sequence, by);
        o.trail(OpinionStatus.DRAFT, OpinionStatus.ISSUED, "历史导入", by, sourceId, now);
        return o;
    }

    /** 出具, with the final text when it was not written into the draft; {@code sequence} is for the year of issue. */
    void issue(String finalText, LocalDate on, int sequence, String by, LocalDate today, Instant now) {
        if (!status.canMoveTo(OpinionStatus.ISSUED)) {
            throw new IllegalTransitionException("Legal opinion", id(), status, OpinionStatus.ISSUED);
        }
        if (finalText != null) {
            opinion = finalText;
        }
        if (opinion == null || opinion.isBlank()) {
            throw new InvalidFieldException("opinion", "an issued opinion has its text");
        }
        day("issuedOn", on, null, today);
        numbered(on, sequence, by);
        trail(OpinionStatus.DRAFT, OpinionStatus.ISSUED, "出具", by, number(), now);
        raise(new LegalEvent.OpinionIssued(on, now));
    }

    private void numbered(LocalDate on, int sequence, String by) {
        status = OpinionStatus.ISSUED;
        issuedOn = on;
        issuedBy = by;
        numberYear = on.getYear();
        numberSequence = sequence;
    }

    String number() {
        return numberSequence == null ? null : "法律意见书〔" + numberYear + "〕" + numberSequence + "号";
    }

    String sourceId() { return sourceId; }
    SubjectArea subjectArea() { return subjectArea; }
    String question() { return question; }
    String opinion() { return opinion; }
    String counsel() { return counsel; }
    OpinionStatus status() { return status; }
    String draftedBy() { return draftedBy; }
    Instant createdAt() { return createdAt; }
    LocalDate issuedOn() { return issuedOn; }
    String issuedBy() { return issuedBy; }
}
