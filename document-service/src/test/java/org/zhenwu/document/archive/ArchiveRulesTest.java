package org.zhenwu.document.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.platform.web.IllegalTransitionException;

/** The archive's state machines (loan, destruction, item), retention, numbering format and the default rule. */
class ArchiveRulesTest {
    private static final Instant NOW = Instant.parse("2019-03-20T07:00:00Z");

    @Test
    void loan_moves_are_exactly_request_approve_or_refuse_lend_return() {
        Set<String> legal = Set.of("REQUESTED>APPROVED", "REQUESTED>REFUSED", "APPROVED>LENT", "LENT>RETURNED");
        for (LoanStatus from : LoanStatus.values()) {
            for (LoanStatus to : LoanStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + ">" + to).isEqualTo(legal.contains(from + ">" + to));
            }
        }
    }

    @Test
    void destruction_moves_are_exactly_request_decide_destroy() {
        Set<String> legal = Set.of("REQUESTED>APPROVED", "REQUESTED>REJECTED", "APPROVED>DESTROYED");
        for (DestructionStatus from : DestructionStatus.values()) {
            for (DestructionStatus to : DestructionStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + ">" + to).isEqualTo(legal.contains(from + ">" + to));
            }
        }
        for (ArchiveItemStatus from : ArchiveItemStatus.values()) {
            for (ArchiveItemStatus to : ArchiveItemStatus.values()) {
                assertThat(from.canMoveTo(to)).isEqualTo(from == ArchiveItemStatus.ARCHIVED
                        && to == ArchiveItemStatus.DESTROYED);
            }
        }
    }

    @Test
    void a_loan_holds_its_item_while_lent_and_is_flagged_overdue_after_its_due_date() {
        UUID item = UUID.randomUUID();
        ArchiveLoan l = ArchiveLoan.request(UUID.randomUUID(), "440606104", item, "陈主任", "查阅", LocalDate.of(2019, 4, 1),
                "clerk", NOW);
        assertThatThrownBy(() -> l.lend("clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> l.giveBack(NOW)).isInstanceOf(IllegalTransitionException.class);
        l.approve("clerk", NOW);
        assertThatThrownBy(() -> l.approve("clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> l.refuse("x", "clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
        l.lend("clerk", NOW);
        assertThat(l.overdue(LocalDate.of(2019, 4, 1))).isFalse();
        assertThat(l.overdue(LocalDate.of(2019, 4, 2))).isTrue();
        l.giveBack(NOW);
        assertThat(l.status()).isEqualTo(LoanStatus.RETURNED);
        assertThat(l.overdue(LocalDate.of(2019, 5, 1))).as("back: no longer overdue").isFalse();
        assertThatThrownBy(() -> l.lend("clerk", NOW)).isInstanceOf(IllegalTransitionException.class);

        ArchiveLoan refused = ArchiveLoan.request(UUID.randomUUID(), "440606104", item, "x", "y", LocalDate.of(2019, 4, 1),
                "clerk", NOW);
        refused.refuse("涉密", "clerk", NOW);
        assertThatThrownBy(() -> refused.approve("clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void retention_ends_after_its_years_and_never_for_permanent_items() {
        ArchiveItem y10 = item(2008, Retention.Y10, 1);
        assertThat(y10.retentionEnded(2018)).as("2008 + 10 = 2018 is not before 2018").isFalse();
        assertThat(y10.retentionEnded(2019)).isTrue();
        assertThat(item(1990, Retention.Y30, 1).retentionEnded(2021)).isTrue();
        assertThat(item(1950, Retention.PERMANENT, 1).retentionEnded(2999)).isFalse();
    }

    @Test
    void a_destruction_is_approved_before_it_is_carried_out_and_an_item_is_destroyed_once() {
        ArchiveItem i = item(2008, Retention.Y10, 7);
        ArchiveDestruction d = ArchiveDestruction.request(UUID.randomUUID(), "440606104", List.of(i), "保管期满", "clerk",
                NOW);
        assertThat(d.items()).extracting(ArchiveDestruction.Entry::archiveCode)
                .containsExactly("440606104-2008-WS-Y10-0007");
        assertThatThrownBy(() -> d.destroyed("粉碎", "clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
        d.decide(true, "同意", "leader", NOW);
        assertThatThrownBy(() -> d.decide(false, "x", "leader", NOW)).isInstanceOf(IllegalTransitionException.class);
        d.destroyed("粉碎", "clerk", NOW);
        assertThatThrownBy(() -> d.destroyed("粉碎", "clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
        i.destroy(NOW);
        assertThatThrownBy(() -> i.destroy(NOW)).isInstanceOf(IllegalTransitionException.class);

        ArchiveDestruction rejected = ArchiveDestruction.request(UUID.randomUUID(), "440606104", List.of(), "x", "c", NOW);
        rejected.decide(false, "不同意", "leader", NOW);
        assertThatThrownBy(() -> rejected.destroyed("粉碎", "clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void archive_codes_read_town_year_category_retention_and_four_digit_item_number() {
        assertThat(item(2019, Retention.Y30, 1).code()).isEqualTo("440606104-2019-WS-Y30-0001");
        assertThat(ArchiveItem.code("440606104", 2018, ArchiveCategory.MARRIAGE, Retention.PERMANENT, 12345))
                .isEqualTo("440606104-2018-HY-PERMANENT-12345");
    }

    @Test
    void by_default_the_towns_important_documents_are_kept_permanently_other_outgoing_30_and_incoming_10_years() {
        assertThat(Retention.defaultFor(DocumentRow.Direction.OUTGOING, "DECISION")).isEqualTo(Retention.PERMANENT);
        assertThat(Retention.defaultFor(DocumentRow.Direction.OUTGOING, "NOTICE")).isEqualTo(Retention.Y30);
        assertThat(Retention.defaultFor(DocumentRow.Direction.INCOMING, "DECISION")).isEqualTo(Retention.Y10);
    }

    private static ArchiveItem item(int year, Retention retention, int number) {
        DocumentRow d = new DocumentRow(UUID.randomUUID(), DocumentRow.Direction.OUTGOING, "440606104", "DISTRIBUTED",
                "标题", SecrecyLevel.NONE, "NOTICE", null, year, NOW, 1);
        return ArchiveItem.ofDocument(UUID.randomUUID(), d,
                new ArchiveItem.Filing(year, ArchiveCategory.DOCUMENTARY, retention, number), null, "clerk", NOW);
    }
}
