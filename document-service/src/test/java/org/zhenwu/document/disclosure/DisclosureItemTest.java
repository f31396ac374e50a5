package org.zhenwu.document.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** The 政务公开 state machine: every legal and every illegal move, the reviewer rule, the channels. */
class DisclosureItemTest {
    private static final Instant NOW = Instant.parse("2019-06-03T02:00:00Z");
    private static final Set<String> LEGAL = Set.of("DRAFT>SUBMITTED", "SUBMITTED>APPROVED", "SUBMITTED>DRAFT",
            "APPROVED>PUBLISHED", "PUBLISHED>WITHDRAWN");

    static Stream<Arguments> moves() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (DisclosureStatus from : DisclosureStatus.values()) {
            for (DisclosureStatus to : DisclosureStatus.values()) {
                b.add(Arguments.of(from, to, LEGAL.contains(from + ">" + to)));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("moves")
    void the_table_allows_exactly_the_workflow_moves(DisclosureStatus from, DisclosureStatus to, boolean legal) {
        assertThat(from.canMoveTo(to)).isEqualTo(legal);
    }

    @Test
    void an_item_is_reviewed_by_someone_else_published_on_every_channel_and_withdrawn() {
        DisclosureItem i = draft();
        i.submit("author", NOW);
        assertThatThrownBy(() -> i.approve("ok", "author", NOW)).isInstanceOf(ForbiddenException.class);
        i.approve("无涉密内容", "reviewer", NOW);
        assertThat(i.status()).isEqualTo(DisclosureStatus.APPROVED);
        assertThat(i.channels()).allMatch(c -> c.publishedAt() == null);
        i.publish("clerk", NOW.plusSeconds(60));
        assertThat(i.status()).isEqualTo(DisclosureStatus.PUBLISHED);
        assertThat(i.channels()).hasSize(2).allMatch(c -> NOW.plusSeconds(60).equals(c.publishedAt()));
        assertThat(i.pullEvents()).singleElement().isInstanceOf(DisclosureEvent.Published.class);
        i.withdraw("数据有误", "clerk", NOW.plusSeconds(120));
        assertThat(i.status()).isEqualTo(DisclosureStatus.WITHDRAWN);
        assertThat(i.withdrawReason()).isEqualTo("数据有误");
        assertThat(i.pullEvents()).singleElement().isInstanceOf(DisclosureEvent.Withdrawn.class);
        assertThat(i.transitions()).extracting(DisclosureTransition::action)
                .containsExactly("起草", "送审", "保密审查通过", "发布", "撤回");
    }

    @Test
    void a_returned_item_is_a_draft_again_with_the_reason_and_can_be_revised_and_resubmitted() {
        DisclosureItem i = draft();
        i.submit("author", NOW);
        assertThatThrownBy(() -> i.returnToAuthor("x", "author", NOW)).isInstanceOf(ForbiddenException.class);
        i.returnToAuthor("涉及个人信息，请删除", "reviewer", NOW);
        assertThat(i.status()).isEqualTo(DisclosureStatus.DRAFT);
        assertThat(i.returnReason()).isEqualTo("涉及个人信息，请删除");
        i.revise(content(EnumSet.of(DisclosureChannel.PRESS)), "author", NOW);
        assertThat(i.channels()).extracting(ChannelRelease::channel).containsExactly(DisclosureChannel.PRESS);
        i.submit("author", NOW);
        assertThat(i.returnReason()).isNull();
        assertThat(i.pullEvents()).isEmpty();
    }

    @Test
    void every_illegal_move_is_refused_and_changes_nothing() {
        DisclosureItem i = draft();
        assertThatThrownBy(() -> i.approve(null, "reviewer", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> i.returnToAuthor("x", "reviewer", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> i.publish("clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> i.withdraw("x", "clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
        i.submit("author", NOW);
        assertThatThrownBy(() -> i.submit("author", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> i.revise(content(EnumSet.of(DisclosureChannel.WEBSITE)), "author", NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> i.publish("clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
        i.approve(null, "reviewer", NOW);
        assertThatThrownBy(() -> i.withdraw("x", "clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> i.returnToAuthor("x", "reviewer", NOW)).isInstanceOf(IllegalTransitionException.class);
        i.publish("clerk", NOW);
        assertThatThrownBy(() -> i.publish("clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
        i.withdraw("x", "clerk", NOW);
        assertThatThrownBy(() -> i.publish("clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> i.withdraw("x", "clerk", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThat(i.status()).isEqualTo(DisclosureStatus.WITHDRAWN);
    }

    @Test
    void an_item_needs_a_channel_and_an_imported_one_is_published_at_its_own_time() {
        assertThatThrownBy(() -> content(EnumSet.noneOf(DisclosureChannel.class)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("channel");
        DisclosureItem i = DisclosureItem.imported(UUID.randomUUID(), "440606104",
                content(EnumSet.of(DisclosureChannel.WEBSITE)), "GK-2019-0001", "clerk", NOW);
        assertThat(i.status()).isEqualTo(DisclosureStatus.PUBLISHED);
        assertThat(i.publishedAt()).isEqualTo(NOW);
        assertThat(i.channels()).singleElement().extracting(ChannelRelease::publishedAt).isEqualTo(NOW);
        assertThat(i.pullEvents()).as("history is not news").isEmpty();
    }

    private static DisclosureItem draft() {
        return DisclosureItem.draft(UUID.randomUUID(), "440606104",
                content(EnumSet.of(DisclosureChannel.WEBSITE, DisclosureChannel.WECHAT)), "author", NOW);
    }

    private static DisclosureItem.Content content(Set<DisclosureChannel> channels) {
        return new DisclosureItem.Content("乐从镇2019年民生实事项目进展情况", "正文", DisclosureCategory.LIVELIHOOD, channels,
                null, "内部备注");
    }
}
