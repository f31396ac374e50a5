package org.zhenwu.document.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.zhenwu.document.element.DocumentElements;
import org.zhenwu.document.element.DocumentKind;
import org.zhenwu.document.element.DocumentType;
import org.zhenwu.document.element.ElementsRequest;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.document.element.SecrecyRules;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** The 发文 aggregate without Spring: each scenario is a document's life in the office. */
class OutgoingDocumentTest {
    private static final Instant T = Instant.parse("2019-03-04T02:00:00Z");
    private final AtomicInteger counter = new AtomicInteger();

    @Test
    void a_notice_goes_from_draft_to_archive_and_gets_its_number_only_at_registration() {
        OutgoingDocument d = draft(SecrecyLevel.NONE, List.of("财政办"));
        d.submit("drafter", null, T);
        d.passCheck("clerk", "leader", "同意", T);
        assertThat(d.status()).isEqualTo(OutgoingStatus.COUNTERSIGNING);
        d.countersign("财政办", true, "无意见", "finance", T);
        assertThat(d.status()).isEqualTo(OutgoingStatus.SIGNING);
        d.sign("leader", "陈镇长", "同意印发", T);
        assertThat(d.elements().signerName()).isEqualTo("陈镇长");
        d.review("clerk", null, T);
        assertThat(d.number()).isNull();
        d.register("clerk", 2019, counter::incrementAndGet, T);
        assertThat(d.number()).hasToString("乐府发〔2019〕1号");
        d.print(40, "乐从镇党政办", LocalDate.of(2019, 3, 5), "clerk", T);
        d.distribute(List.of(new OutgoingDocument.Recipient("各村（居）委会", 30), new OutgoingDocument.Recipient("区府办", 2)),
                "clerk", T);
        d.archive("clerk", T);

        assertThat(d.status()).isEqualTo(OutgoingStatus.ARCHIVED);
        assertThat(d.distribution()).extracting(Distribution::firstCopyNumber, Distribution::lastCopyNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 30), org.assertj.core.groups.Tuple.tuple(31, 32));
        assertThat(d.transitions()).extracting(OutgoingTransition::action).containsExactly(
                "起草", "送核稿", "核稿", "会签", "签发", "复核", "登记", "印制", "核发", "归档");
        assertThat(d.pullEvents()).extracting(e -> e.getClass().getSimpleName()).containsExactly("Registered", "Distributed");
    }

    @Test
    void an_objection_in_countersigning_sends_it_back_to_the_drafter_and_all_co_signers_sign_again() {
        OutgoingDocument d = draft(SecrecyLevel.NONE, List.of("财政办", "规划建设办"));
        d.submit("drafter", null, T);
        d.passCheck("clerk", "leader", null, T);
        d.countersign("财政办", true, null, "finance", T);
        assertThatThrownBy(() -> d.countersign("财政办", true, null, "finance", T))
                .isInstanceOf(OutgoingRuleViolation.class).extracting("rule").isEqualTo("already-countersigned");
        assertThatThrownBy(() -> d.countersign("城管办", true, null, "x", T))
                .isInstanceOf(OutgoingRuleViolation.class).extracting("rule").isEqualTo("not-a-co-signer");
        d.countersign("规划建设办", false, "用地指标需核实", "planning", T);
        assertThat(d.status()).isEqualTo(OutgoingStatus.DRAFTING);

        d.submit("drafter", null, T);
        d.passCheck("clerk", "leader", null, T);
        assertThat(d.countersigns()).allMatch(Countersign::pending);
    }

    @Test
    void each_step_returns_to_the_one_before_it_or_to_the_drafter() {
        OutgoingDocument d = draft(SecrecyLevel.NONE, List.of("财政办"));
        d.submit("drafter", null, T);
        d.passCheck("clerk", "leader", null, T);
        d.countersign("财政办", true, null, "finance", T);
        d.returnToPreviousStep("leader", "请财政办再看", T);
        assertThat(d.status()).isEqualTo(OutgoingStatus.COUNTERSIGNING);
        assertThat(d.countersigns()).allMatch(Countersign::pending);
        d.returnToPreviousStep("finance", "请先核稿", T);
        assertThat(d.status()).isEqualTo(OutgoingStatus.CHECKING);
        d.returnToPreviousStep("clerk", "措辞", T);
        assertThat(d.status()).isEqualTo(OutgoingStatus.DRAFTING);
        assertThatThrownBy(() -> d.returnToPreviousStep("drafter", "x", T)).isInstanceOf(IllegalTransitionException.class);

        d.submit("drafter", null, T);
        d.passCheck("clerk", "leader", null, T);
        d.countersign("财政办", true, null, "finance", T);
        d.sign("leader", "陈镇长", null, T);
        d.returnToPreviousStep("clerk", "签发意见不清", T);
        assertThat(d.status()).isEqualTo(OutgoingStatus.SIGNING);
        assertThat(d.signedBy()).isNull();
        d.returnToDrafter("leader", "重写", T);
        assertThat(d.status()).isEqualTo(OutgoingStatus.DRAFTING);
    }

    @Test
    void the_drafter_withdraws_until_it_is_signed() {
        OutgoingDocument d = draft(SecrecyLevel.NONE, List.of());
        assertThatThrownBy(() -> d.withdraw("drafter", null, T)).isInstanceOf(IllegalTransitionException.class);
        d.submit("drafter", null, T);
        d.withdraw("drafter", "补充材料", T);
        assertThat(d.status()).isEqualTo(OutgoingStatus.DRAFTING);
        d.submit("drafter", null, T);
        d.passCheck("clerk", "leader", null, T);
        assertThat(d.status()).as("no co-signers: straight to the signer").isEqualTo(OutgoingStatus.SIGNING);
        d.sign("leader", "陈镇长", null, T);
        assertThatThrownBy(() -> d.withdraw("drafter", null, T)).isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("SIGNED");
    }

    @Test
    void a_substantive_edit_after_signing_goes_back_to_the_signer_and_keeps_the_number() {
        OutgoingDocument d = signed();
        d.review("clerk", null, T);
        d.register("clerk", 2019, counter::incrementAndGet, T);
        assertThat(d.revise(elements(SecrecyLevel.NONE, "关于做好防汛工作的通知", "正文"), null, "clerk", T))
                .as("same substance, different layout").isFalse();
        assertThat(d.status()).isEqualTo(OutgoingStatus.REGISTERED);

        assertThat(d.revise(elements(SecrecyLevel.NONE, "关于做好防汛防台工作的通知", "正文"), null, "clerk", T)).isTrue();
        assertThat(d.status()).isEqualTo(OutgoingStatus.SIGNING);
        assertThat(d.signer()).isEqualTo("leader");
        assertThat(d.elements().signerName()).isNull();

        d.sign("leader", "陈镇长", "同意修改", T);
        d.review("clerk", null, T);
        d.register("clerk", 2019, counter::incrementAndGet, T);
        assertThat(d.number().sequence()).as("one document, one number").isEqualTo(1);
        assertThat(counter.get()).isEqualTo(1);
        d.print(5, null, null, "clerk", T);
        assertThatThrownBy(() -> d.revise(elements(SecrecyLevel.NONE, "再改", "正文"), null, "clerk", T))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("PRINTED");
    }

    @Test
    void an_attachment_added_after_signing_goes_back_to_the_signer() {
        OutgoingDocument d = signed();
        assertThat(d.attachmentsChanged("clerk", "附件 预案.pdf", T)).isTrue();
        assertThat(d.status()).isEqualTo(OutgoingStatus.SIGNING);
    }

    @Test
    void a_classified_draft_names_its_checker_and_steps_can_be_delegated() {
        OutgoingDocument d = draft(SecrecyLevel.CONFIDENTIAL, List.of());
        assertThatThrownBy(() -> d.submit("drafter", null, T)).isInstanceOf(InvalidFieldException.class)
                .extracting("field").isEqualTo("checker");
        d.submit("drafter", "clerk-a", T);
        assertThat(d.assignee()).isEqualTo("clerk-a");
        d.delegate("clerk-a", "clerk-b", "出差", T);
        assertThat(d.assignee()).isEqualTo("clerk-b");
        assertThat(d.need().people()).contains("drafter", "clerk-a", "clerk-b");
        d.passCheck("clerk-b", "leader-1", null, T);
        d.delegate("leader-1", "leader-2", null, T);
        assertThat(d.assignee()).isEqualTo("leader-2");
        d.sign("leader-2", "李副镇长", null, T);
        assertThatThrownBy(() -> d.delegate("clerk-b", "x", null, T)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void a_document_is_voided_at_any_step_before_distribution_but_not_after() {
        OutgoingDocument d = signed();
        d.voidDocument("clerk", "政策调整", T);
        assertThat(d.status()).isEqualTo(OutgoingStatus.VOIDED);
        assertThatThrownBy(() -> d.review("clerk", null, T)).isInstanceOf(IllegalTransitionException.class);

        OutgoingDocument issued = signed();
        issued.review("clerk", null, T);
        issued.register("clerk", 2019, counter::incrementAndGet, T);
        issued.print(1, null, null, "clerk", T);
        issued.distribute(List.of(new OutgoingDocument.Recipient("区府办", 1)), "clerk", T);
        assertThatThrownBy(() -> issued.voidDocument("clerk", "x", T)).isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("DISTRIBUTED");
    }

    @Test
    void nothing_goes_on_without_text_recipients_or_the_issuer_code_and_no_more_copies_go_out_than_were_printed() {
        OutgoingDocument d = OutgoingDocument.draft(UUID.randomUUID(), "440606104", DocumentKind.DOCUMENT,
                elements(SecrecyLevel.NONE, "标题", null), List.of(), "drafter", "起草人", "党政办", T);
        assertThatThrownBy(() -> d.submit("drafter", null, T)).isInstanceOf(InvalidFieldException.class)
                .extracting("field").isEqualTo("body");
        OutgoingDocument p = signed();
        p.review("clerk", null, T);
        p.register("clerk", 2019, counter::incrementAndGet, T);
        p.print(3, null, null, "clerk", T);
        assertThatThrownBy(() -> p.distribute(List.of(new OutgoingDocument.Recipient("区府办", 4)), "clerk", T))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("recipients");
        assertThatThrownBy(() -> OutgoingDocument.draft(UUID.randomUUID(), "440606104", DocumentKind.PETITION,
                elements(SecrecyLevel.NONE, "x", "y"), List.of(), "d", "d", null, T)).isInstanceOf(InvalidFieldException.class);
    }

    private OutgoingDocument signed() {
        OutgoingDocument d = draft(SecrecyLevel.NONE, List.of());
        d.submit("drafter", null, T);
        d.passCheck("clerk", "leader", null, T);
        d.sign("leader", "陈镇长", null, T);
        return d;
    }

    private static OutgoingDocument draft(SecrecyLevel level, List<String> coSigners) {
        return OutgoingDocument.draft(UUID.randomUUID(), "440606104", DocumentKind.DOCUMENT,
                elements(level, "关于做好防汛工作的通知", "正文"), coSigners, "drafter", "起草人", "党政办", T);
    }

    static DocumentElements elements(SecrecyLevel level, String title, String body) {
        return new ElementsRequest(DocumentType.NOTICE, null, level, null, null, "乐从镇人民政府", "乐府发", null, title,
                "各村（居）委会", body, null, "乐从镇人民政府", null, true, null, null, null, null, 2)
                .toElements(DocumentKind.DOCUMENT, SecrecyRules.DEFAULTS);
    }
}
