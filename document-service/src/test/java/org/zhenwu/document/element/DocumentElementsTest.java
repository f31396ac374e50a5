package org.zhenwu.document.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhenwu.platform.security.Clearance;
import org.zhenwu.platform.web.InvalidFieldException;

class DocumentElementsTest {

    @Test
    void there_are_the_fifteen_types_of_the_regulation_and_requests_and_reports_go_upward() {
        assertThat(DocumentType.values()).hasSize(15);
        assertThat(DocumentType.values()).filteredOn(DocumentType::upward)
                .containsExactlyInAnyOrder(DocumentType.REQUEST, DocumentType.REPORT);
        assertThat(DocumentType.ORDER.label()).isEqualTo("命令(令)");
    }

    @ParameterizedTest(name = "{0} defaults to {1} years")
    @CsvSource({"TOP_SECRET, 30, 绝密★30年", "CONFIDENTIAL, 20, 机密★20年", "SECRET, 10, 秘密★10年"})
    void the_secrecy_period_defaults_to_the_longest_for_the_level(SecrecyLevel level, int years, String marking) {
        DocumentElements e = request(level, null, Urgency.NORMAL).toElements(DocumentKind.DOCUMENT, SecrecyRules.DEFAULTS);
        assertThat(e.secrecyYears()).isEqualTo(years);
        assertThat(e.secrecyMarking()).isEqualTo(marking);
    }

    @Test
    void a_shorter_period_is_printed_with_the_star_and_a_longer_one_is_refused() {
        assertThat(request(SecrecyLevel.CONFIDENTIAL, 1, Urgency.NORMAL).toElements(DocumentKind.DOCUMENT, SecrecyRules.DEFAULTS)
                .secrecyMarking()).isEqualTo("机密★1年");
        assertThatThrownBy(() -> request(SecrecyLevel.SECRET, 11, Urgency.NORMAL).toElements(DocumentKind.DOCUMENT, SecrecyRules.DEFAULTS))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("secrecyYears");
        assertThatThrownBy(() -> request(SecrecyLevel.NONE, 5, Urgency.NORMAL).toElements(DocumentKind.DOCUMENT, SecrecyRules.DEFAULTS))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("secrecyYears");
        assertThat(request(SecrecyLevel.NONE, null, null).toElements(DocumentKind.DOCUMENT, SecrecyRules.DEFAULTS)
                .secrecyMarking()).isEmpty();
    }

    @Test
    void the_longest_periods_are_configuration() {
        SecrecyRules local = new SecrecyRules(25, 15, 5);
        assertThat(request(SecrecyLevel.SECRET, null, null).toElements(DocumentKind.DOCUMENT, local).secrecyYears()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Urgency.class)
    void telegrams_carry_their_own_four_levels_and_documents_the_other_two(Urgency urgency) {
        boolean telegramLevel = urgency == Urgency.FLASH || urgency == Urgency.EXTRA_URGENT || urgency == Urgency.URGENT
                || urgency == Urgency.ROUTINE;
        boolean documentLevel = urgency == Urgency.NORMAL || urgency == Urgency.URGENT || urgency == Urgency.EXTRA_URGENT;
        assertThat(urgency.allowedFor(DocumentKind.TELEGRAM)).isEqualTo(telegramLevel);
        assertThat(urgency.allowedFor(DocumentKind.DOCUMENT)).isEqualTo(documentLevel);
        assertThat(urgency.allowedFor(DocumentKind.PETITION)).isEqualTo(documentLevel);
    }

    @Test
    void a_telegram_needs_its_level_and_is_never_classified() {
        assertThatThrownBy(() -> request(SecrecyLevel.NONE, null, null).toElements(DocumentKind.TELEGRAM, SecrecyRules.DEFAULTS))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("urgency");
        assertThatThrownBy(() -> request(SecrecyLevel.SECRET, null, Urgency.FLASH).toElements(DocumentKind.TELEGRAM, SecrecyRules.DEFAULTS))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("secrecyLevel");
        assertThatThrownBy(() -> request(SecrecyLevel.NONE, null, Urgency.FLASH).toElements(DocumentKind.DOCUMENT, SecrecyRules.DEFAULTS))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("urgency");
        assertThat(request(SecrecyLevel.NONE, null, Urgency.FLASH).toElements(DocumentKind.TELEGRAM, SecrecyRules.DEFAULTS)
                .urgency().label()).isEqualTo("特提");
    }

    @Test
    void document_numbers_print_the_full_year_in_brackets_without_leading_zeros_and_parse_what_people_type() {
        assertThat(new DocumentNumber("X政发", 2019, 12)).hasToString("X政发〔2019〕12号");
        assertThat(DocumentNumber.parse("乐府发[2019]第012号")).contains(new DocumentNumber("乐府发", 2019, 12));
        assertThat(DocumentNumber.parse("顺府办函〔2019〕3号")).contains(new DocumentNumber("顺府办函", 2019, 3));
        assertThat(DocumentNumber.parse("no number")).isEmpty();
        List<DocumentNumber> sorted = List.of(new DocumentNumber("X", 2019, 10), new DocumentNumber("X", 2019, 2)).stream()
                .sorted(Comparator.comparingInt(DocumentNumber::sequence)).toList();
        assertThat(sorted).extracting(DocumentNumber::sequence).containsExactly(2, 10);
    }

    @Test
    void layout_changes_are_not_substantive_but_the_text_is() {
        DocumentElements e = request(SecrecyLevel.NONE, null, null).toElements(DocumentKind.DOCUMENT, SecrecyRules.DEFAULTS);
        assertThat(e.withPrinting("乐从镇党政办", java.time.LocalDate.of(2019, 3, 12)).differsInSubstanceFrom(e)).isFalse();
        assertThat(e.withSignerName("镇长").differsInSubstanceFrom(e)).isFalse();
        DocumentElements retitled = new DocumentElements(e.documentType(), e.copyNumber(), e.secrecyLevel(), e.secrecyYears(),
                e.urgency(), e.issuerName(), e.issuerCode(), e.signerName(), "另一个标题", e.mainRecipients(), e.body(),
                e.attachmentNote(), e.signature(), e.dateWritten(), e.sealed(), e.remarks(), e.ccRecipients(),
                e.printingOrgan(), e.printingDate(), e.pages());
        assertThat(retitled.differsInSubstanceFrom(e)).isTrue();
    }

    @Test
    void a_clearance_reads_its_level_and_below() {
        assertThat(SecrecyLevel.readableWith(Clearance.CONFIDENTIAL)).containsExactly("NONE", "SECRET", "CONFIDENTIAL");
        assertThat(SecrecyLevel.readableWith(Clearance.NONE)).containsExactly("NONE");
    }

    static ElementsRequest request(SecrecyLevel level, Integer years, Urgency urgency) {
        return new ElementsRequest(DocumentType.NOTICE, null, level, years, urgency, "乐从镇人民政府", "乐府发", null,
                "关于做好防汛工作的通知", "各村（居）委会", "正文", null, "乐从镇人民政府", null, true, null, null, null, null, 2);
    }
}
