package org.zhenwu.document.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.document.element.DocumentKind;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.document.element.Urgency;
import org.zhenwu.document.importing.AggregateRows;

/**
 * {@link AggregateRows} writes an aggregate's child rows (trail, copies, readers, handovers, co-departments) as
 * Hibernate writes them: the same two documents, one persisted by Hibernate and one by {@code AggregateRows}, read
 * back row by row from every child table (all columns but the generated id and the parent id), in id order.
 */
class AggregateRowsTest extends ApiTestSupport {
    private static final Instant T = Instant.parse("2019-03-04T02:00:00.123456Z");
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final List<String> CHILD_TABLES = List.of("incoming_transition", "incoming_co_department",
            "incoming_copy", "incoming_reader", "incoming_handover");

    @Autowired
    EntityManager entityManager;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void the_child_rows_are_those_hibernate_writes() {
        for (boolean read : List.of(true, false)) {
            int number = NUMBERS.incrementAndGet();
            IncomingDocument byHibernate = lived(read, "440606104", number);
            IncomingDocument byRows = lived(read, "440606105", number);
            TransactionTemplate tx = new TransactionTemplate(transactions);
            tx.executeWithoutResult(s -> {
                entityManager.persist(byHibernate);
                entityManager.flush();
            });
            tx.executeWithoutResult(s -> AggregateRows.persist(entityManager, jdbc, List.of(byRows)));

            for (String table : CHILD_TABLES) {
                List<Map<String, Object>> expected = children(table, byHibernate.id());
                assertThat(children(table, byRows.id())).as(table).isEqualTo(expected);
            }
            assertThat(children("incoming_transition", byRows.id())).hasSizeGreaterThan(5);
            assertThat(children(read ? "incoming_handover" : "incoming_co_department", byRows.id())).isNotEmpty();
        }
    }

    /** A document that went through its workflow: read round (readers, handovers) or handled (co-departments). */
    private static IncomingDocument lived(boolean read, String town, int number) {
        IncomingDocument d = IncomingDocument.receive(UUID.randomUUID(), town,
                IncomingDocumentTest.elements(SecrecyLevel.NONE, Urgency.NORMAL, DocumentKind.DOCUMENT, null),
                new IncomingDocument.Arrival(DocumentKind.DOCUMENT, IncomingChannel.PAPER, "区政府办公室",
                        "顺府办函〔2019〕3号", 2, null, null), "clerk", T);
        d.register(1999, number, "clerk", T);
        if (read) {
            d.screen(HandlingMode.READ, List.of("书记", "镇长"), "clerk", T);
            d.handOver(1, "书记", "clerk", true, T);
            d.confirmRead("书记", "阅", T.plusSeconds(60));
            d.handOver(1, "镇长", "书记", false, T.plusSeconds(120));
            d.confirmRead("镇长", null, T.plusSeconds(180));
            d.handOver(1, IncomingDocument.OFFICE, "镇长", false, T.plusSeconds(240));
            d.finishReading("clerk", T.plusSeconds(300));
        } else {
            d.screen(HandlingMode.ACTION, null, "clerk", T);
            d.propose("拟请城管办牵头办理", "leader", "clerk", T);
            d.instruct("请城管办牵头", "城管办", List.of("规划建设办"), LocalDate.of(2019, 3, 29), false, "leader", T);
            d.giveCoView("规划建设办", "同意", "planner", T.plusSeconds(60));
            d.accept("urban", T.plusSeconds(120));
            d.complete("已完成整治", "urban", T.plusSeconds(180));
        }
        d.archive("clerk", T.plusSeconds(400));
        d.pullEvents();
        return d;
    }

    private List<Map<String, Object>> children(String table, UUID document) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM " + table + " WHERE document_id = ? ORDER BY id")
                .param(document.toString()).query().listOfRows();
        rows.forEach(r -> {
            r.remove("id");
            r.remove("document_id");
        });
        return rows;
    }
}
