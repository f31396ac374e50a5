package org.zhenwu.document.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhenwu.document.element.DocumentElements;
import org.zhenwu.document.element.DocumentKind;
import org.zhenwu.document.element.DocumentType;
import org.zhenwu.document.element.ElementsRequest;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.document.element.SecrecyRules;
import org.zhenwu.document.element.Urgency;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** The 收文 aggregate without Spring. */
class IncomingDocumentTest {
    private static final Instant T = Instant.parse("2019-03-04T02:00:00Z");

    @Test
    void an_action_document_goes_from_sign_in_to_archive_with_a_leaders_instruction_and_a_lead_department() {
        IncomingDocument d = received(SecrecyLevel.NONE, Urgency.NORMAL, DocumentKind.DOCUMENT, 2);
        d.register(2019, 7, "clerk", T);
        assertThat(d.registerNumber()).isEqualTo("收文〔2019〕7号");
        d.screen(HandlingMode.ACTION, null, "clerk", T);
        d.propose("拟请城管办牵头办理", "leader", "clerk", T);
        d.instruct("请城管办牵头，规划办配合，月底前报结果", "城管办", List.of("规划建设办"), LocalDate.of(2019, 3, 29), true,
                "leader", T);
        d.giveCoView("规划建设办", "同意", "planner", T);
        d.urge("请加快", "clerk", T);
        d.accept("urban", T);
        d.complete("已完成整治", "urban", T);
        d.archive("clerk", T);

        assertThat(d.status()).isEqualTo(IncomingStatus.ARCHIVED);
        assertThat(d.urgeCount()).isEqualTo(1);
        assertThat(d.transitions()).extracting(IncomingTransition::action).containsExactly(
                "签收", "登记", "初审", "拟办", "批示", "协办意见", "催办", "承办", "办结", "归档");
        assertThat(d.need().departments()).containsExactlyInAnyOrder("城管办", "规划建设办");
        assertThat(d.need().people()).contains("clerk", "leader", "urban");
        assertThat(d.pullEvents()).extracting(e -> e.getClass().getSimpleName()).containsExactly("Instructed", "Completed");
    }

    @Test
    void a_read_only_document_goes_round_every_reader_and_cannot_finish_while_someone_has_not_read_it() {
        IncomingDocument d = received(SecrecyLevel.NONE, Urgency.NORMAL, DocumentKind.DOCUMENT, 1);
        d.register(2019, 1, "clerk", T);
        assertThatThrownBy(() -> d.screen(HandlingMode.READ, List.of(), "clerk", T))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("readers");
        d.screen(HandlingMode.READ, List.of("书记", "镇长"), "clerk", T);
        assertThat(d.status()).isEqualTo(IncomingStatus.CIRCULATING);

        d.handOver(1, "书记", "clerk", true, T);
        assertThatThrownBy(() -> d.confirmRead("镇长", null, T)).isInstanceOf(IncomingRuleViolation.class)
                .extracting("rule").isEqualTo("no-copy-in-hand");
        d.confirmRead("书记", "阅", T);
        assertThatThrownBy(() -> d.handOver(1, "书记", "书记", false, T)).isInstanceOf(IncomingRuleViolation.class)
                .extracting("rule").isEqualTo("already-read");
        assertThatThrownBy(() -> d.handOver(1, "路人", "书记", false, T)).isInstanceOf(IncomingRuleViolation.class)
                .extracting("rule").isEqualTo("not-a-reader");
        assertThatThrownBy(() -> d.handOver(1, "镇长", "镇长", false, T)).as("only the holder or the office passes it")
                .isInstanceOf(IncomingRuleViolation.class).extracting("rule").isEqualTo("not-the-holder");
        assertThatThrownBy(() -> d.finishReading("clerk", T)).isInstanceOf(IncomingRuleViolation.class)
                .hasMessageContaining("镇长").extracting("rule").isEqualTo("circulation-open");

        d.handOver(1, "镇长", "书记", false, T);
        d.confirmRead("镇长", null, T);
        assertThatThrownBy(() -> d.finishReading("clerk", T)).as("the copy is still out").isInstanceOf(IncomingRuleViolation.class);
        d.handOver(1, IncomingDocument.OFFICE, "镇长", false, T);
        d.finishReading("clerk", T);
        d.archive("clerk", T);
        assertThat(d.handovers()).extracting(Handover::fromHolder, Handover::toHolder).containsExactly(
                org.assertj.core.groups.Tuple.tuple("OFFICE", "书记"), org.assertj.core.groups.Tuple.tuple("书记", "镇长"),
                org.assertj.core.groups.Tuple.tuple("镇长", "OFFICE"));
    }

    @Test
    void an_action_document_is_not_archived_while_a_circulated_copy_is_out() {
        IncomingDocument d = instructed(Urgency.NORMAL, DocumentKind.DOCUMENT, LocalDate.of(2019, 3, 29));
        d.addReaders(List.of("副镇长"), "clerk", T);
        d.handOver(1, "副镇长", "clerk", true, T);
        d.accept("urban", T);
        d.complete("已办", "urban", T);
        assertThatThrownBy(() -> d.archive("clerk", T)).isInstanceOf(IncomingRuleViolation.class)
                .extracting("rule").isEqualTo("circulation-open");
        d.confirmRead("副镇长", null, T);
        d.handOver(1, IncomingDocument.OFFICE, "clerk", true, T);
        d.archive("clerk", T);
        assertThatThrownBy(() -> d.addReaders(List.of("x"), "clerk", T)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void screening_may_return_it_to_the_sender_with_a_reason() {
        IncomingDocument d = received(SecrecyLevel.NONE, Urgency.NORMAL, DocumentKind.DOCUMENT, 1);
        assertThatThrownBy(() -> d.returnToSender("x", "clerk", T)).as("registered first").isInstanceOf(IllegalTransitionException.class);
        d.register(2019, 2, "clerk", T);
        d.returnToSender("非本镇职责，请径送区住建局", "clerk", T);
        assertThat(d.status()).isEqualTo(IncomingStatus.RETURNED);
        assertThat(d.returnReason()).contains("区住建局");
        assertThat(d.pullEvents()).singleElement().isInstanceOf(IncomingEvent.Returned.class);
    }

    @Test
    void urgent_documents_and_petitions_are_handed_over_with_a_deadline_and_a_petitions_result_goes_back() {
        IncomingDocument urgent = received(SecrecyLevel.NONE, Urgency.EXTRA_URGENT, DocumentKind.DOCUMENT, 1);
        urgent.register(2019, 3, "clerk", T);
        urgent.screen(HandlingMode.ACTION, null, "clerk", T);
        urgent.propose("拟办", "leader", "clerk", T);
        assertThatThrownBy(() -> urgent.instruct("办", "城管办", List.of(), null, false, "leader", T))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("deadline");

        assertThatThrownBy(() -> IncomingDocument.receive(UUID.randomUUID(), "440606104",
                elements(SecrecyLevel.NONE, Urgency.NORMAL, DocumentKind.PETITION, null),
                new IncomingDocument.Arrival(DocumentKind.PETITION, IncomingChannel.FORWARDED, "区信访局", null, 1, null, null), "clerk", T))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("deadline");

        IncomingDocument petition = instructed(Urgency.NORMAL, DocumentKind.PETITION, null);
        assertThat(petition.deadline()).as("the forwarding body's deadline").isEqualTo(LocalDate.of(2019, 4, 3));
        petition.accept("urban", T);
        petition.complete("已约谈信访人并整改", "urban", T);
        assertThatThrownBy(() -> petition.archive("clerk", T)).isInstanceOf(IncomingRuleViolation.class)
                .extracting("rule").isEqualTo("result-not-reported");
        petition.reportResult("区信访局", "clerk", T);
        petition.archive("clerk", T);
        assertThat(petition.resultReportedTo()).isEqualTo("区信访局");
    }

    @Test
    void classified_documents_carry_their_copy_number_and_never_come_over_the_oa_platform() {
        assertThatThrownBy(() -> IncomingDocument.receive(UUID.randomUUID(), "440606104",
                elements(SecrecyLevel.CONFIDENTIAL, Urgency.NORMAL, DocumentKind.DOCUMENT, "000012"),
                new IncomingDocument.Arrival(DocumentKind.DOCUMENT, IncomingChannel.DISTRICT_OA, "区委办", null, 1, null, "oa-1"),
                "oa", T)).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("channel");
        assertThatThrownBy(() -> IncomingDocument.receive(UUID.randomUUID(), "440606104",
                elements(SecrecyLevel.CONFIDENTIAL, Urgency.NORMAL, DocumentKind.DOCUMENT, null),
                new IncomingDocument.Arrival(DocumentKind.DOCUMENT, IncomingChannel.CONFIDENTIAL_EXCHANGE, "区委办", null, 1, null, null),
                "clerk", T)).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("elements.copyNumber");
    }

    @Test
    void the_lead_department_may_decline_and_the_leader_may_send_it_back_for_another_proposal() {
        IncomingDocument d = received(SecrecyLevel.NONE, Urgency.NORMAL, DocumentKind.DOCUMENT, 1);
        d.register(2019, 4, "clerk", T);
        d.screen(HandlingMode.ACTION, null, "clerk", T);
        d.propose("拟请经发办办理", "leader", "clerk", T);
        d.sendBackForProposal("应由城管办牵头", "leader", T);
        assertThat(d.status()).isEqualTo(IncomingStatus.SCREENED);
        d.propose("拟请城管办办理", "leader", "clerk", T);
        d.instruct("同意", "城管办", List.of(), null, false, "leader", T);
        d.decline("属市场监管职责", "urban", T);
        assertThat(d.status()).isEqualTo(IncomingStatus.SCREENED);
        assertThat(d.leadDepartment()).isNull();
        assertThatThrownBy(() -> d.complete("x", "urban", T)).isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("SCREENED");
    }

    private IncomingDocument instructed(Urgency urgency, DocumentKind kind, LocalDate deadline) {
        IncomingDocument d = IncomingDocument.receive(UUID.randomUUID(), "440606104", elements(SecrecyLevel.NONE, urgency, kind, null),
                new IncomingDocument.Arrival(kind, kind == DocumentKind.PETITION ? IncomingChannel.FORWARDED : IncomingChannel.PAPER,
                        "区信访局", null, 1, kind == DocumentKind.PETITION ? LocalDate.of(2019, 4, 3) : null, null), "clerk", T);
        d.register(2019, 5, "clerk", T);
        d.screen(HandlingMode.ACTION, null, "clerk", T);
        d.propose("拟办", "leader", "clerk", T);
        d.instruct("请办理", "城管办", List.of(), deadline, false, "leader", T);
        return d;
    }

    private static IncomingDocument received(SecrecyLevel level, Urgency urgency, DocumentKind kind, int copies) {
        return IncomingDocument.receive(UUID.randomUUID(), "440606104", elements(level, urgency, kind, level.classified() ? "000003" : null),
                new IncomingDocument.Arrival(kind, IncomingChannel.PAPER, "区政府办公室", "顺府办函〔2019〕3号", copies, null, null),
                "clerk", T);
    }

    static DocumentElements elements(SecrecyLevel level, Urgency urgency, DocumentKind kind, String copyNumber) {
        return new ElementsRequest(DocumentType.NOTICE, copyNumber, level, null, urgency, "顺德区人民政府办公室", "顺府办函",
                "张三", "关于开展安全生产大检查的通知", "各镇人民政府、街道办事处", "正文", null, null, null, true, null,
                null, null, null, 3).toElements(kind, SecrecyRules.DEFAULTS);
    }
}
