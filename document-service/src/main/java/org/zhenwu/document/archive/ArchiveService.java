package org.zhenwu.document.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhenwu.contracts.document.v1.ArchiveBatchArranged;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.ItemArchived;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.document.importing.AggregateRows;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.document.numbering.SequenceCounter;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * 档案 arrangement (归档整理). The office files finished documents one by one or a whole year at once ("archive last
 * year's documents"), and dossiers (卷) by hand; each item takes the next 件号 of its town, year, 门类 and 保管期限
 * from {@link SequenceCounter}, so numbers have no gaps and a rollback gives them back. A document is archived once.
 * Finished means: 收文 办结 or 归档, 发文 核发 or 归档; archiving files the item here and leaves the document's own
 * workflow as it is.
 */
@Service
public class ArchiveService {
    static final String[] OFFICE = {Roles.OFFICE_CLERK, Roles.DISTRICT_ADMIN};
    static final String[] OVERSEERS = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};
    private static final String DOCUMENTS = """
            SELECT id, 'INCOMING' AS direction, town_code, status, title, secrecy_level, document_type,
                   original_number AS number, YEAR(received_at + INTERVAL 8 HOUR) AS yr, received_at AS at,
                   register_sequence AS seq
            FROM incoming_document WHERE town_code IN (:towns) AND %s
            UNION ALL
            SELECT id, 'OUTGOING', town_code, status, title, secrecy_level, document_type,
                   CONCAT(number_code, '〔', number_year, '〕', number_sequence, '号'), number_year, registered_at,
                   number_sequence
            FROM outgoing_document WHERE town_code IN (:towns) AND %s""";

    private final ArchiveItemRepository items;
    private final ArchiveLoanRepository loans;
    private final SequenceCounter counter;
    private final Jurisdictions jurisdictions;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    /** Imports {@code persist} their new aggregates: a repository's {@code save} of an entity with an assigned id
     *  is a {@code merge}, which first SELECTs the row (one query per imported row, for nothing). */
    @PersistenceContext
    private EntityManager entityManager;

    ArchiveService(ArchiveItemRepository items, ArchiveLoanRepository loans, SequenceCounter counter,
                   Jurisdictions jurisdictions, Outbox outbox, JdbcClient jdbc, PlatformTransactionManager transactions,
                   Clock clock) {
        this.items = items;
        this.loans = loans;
        this.counter = counter;
        this.jurisdictions = jurisdictions;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // ---- archiving -----------------------------------------------------------------------------------------

    /**
     * Files one finished document of the caller's towns, in the document's year; the retention defaults to the rule of
     * {@link Retention#defaultFor}. Announced as {@code document.ItemArchived}.
     */
    public ArchiveView archiveDocument(Caller caller, UUID documentId, ArchiveCategory category, Retention retention) {
        caller.requireAnyRole(OFFICE);
        ArchiveCategory c = category == null ? ArchiveCategory.DOCUMENTARY : category;
        DocumentRow first = archivable(caller, documentId);
        Retention r = retention != null ? retention : Retention.defaultFor(first.direction(), first.documentType());
        counter.prepare(scope(first.town(), c, r), first.year(), first.town(), "town");
        return tx.execute(s -> {
            DocumentRow d = archivable(caller, documentId);
            ArchiveItem i = ArchiveItem.ofDocument(UUID.randomUUID(), d,
                    new ArchiveItem.Filing(d.year(), c, r, counter.next(scope(d.town(), c, r), d.year())), null,
                    caller.subject(), clock.instant());
            items.save(i);
            announce(i);
            return view(caller, i, false);
        });
    }

    /** Files a dossier (卷): a titled set of items, listed in order. */
    public ArchiveView archiveDossier(Caller caller, String town, String title, int year, ArchiveCategory category,
                                      Retention retention, List<String> entries) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        requireYear(year);
        counter.prepare(scope(townCode, category, retention), year, townCode, "town");
        return tx.execute(s -> {
            ArchiveItem i = ArchiveItem.dossier(UUID.randomUUID(), townCode, new ArchiveItem.Filing(year, category,
                    retention, counter.next(scope(townCode, category, retention), year)), title, entries,
                    caller.subject(), clock.instant());
            items.save(i);
            announce(i);
            return view(caller, i, true);
        });
    }

    /**
     * "Archive last year's documents": every finished 收文 (received in {@code year}) and 发文 (numbered in
     * {@code year}) of the town not yet archived, as 文书 items numbered in date order, in one transaction. Concurrent
     * runs for one town and year queue on the counters; a second run finds nothing left and adds nothing.
     *
     * @param retention every item's retention, or null for {@link Retention#defaultFor}
     */
    public BatchResult arrangeYear(Caller caller, String town, int year, Retention retention) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        requireYear(year);
        ArchiveCategory c = ArchiveCategory.DOCUMENTARY;
        Set<Retention> used = retention == null ? EnumSet.allOf(Retention.class) : EnumSet.of(retention);
        used.forEach(r -> counter.prepare(scope(townCode, c, r), year, townCode, "town"));
        return tx.execute(s -> {
            used.forEach(r -> counter.atLeast(scope(townCode, c, r), year, 0)); // locks: runs of this year queue here
            LocalDate from = LocalDate.of(year, 1, 1);
            Map<String, Object> p = Map.of("towns", List.of(townCode), "year", year,
                    "from", Timestamp.from(from.atStartOfDay(WorkingDayCalendar.ZONE).toInstant()),
                    "to", Timestamp.from(from.plusYears(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
            String notArchived = "NOT EXISTS (SELECT 1 FROM archive_item a WHERE a.document_id = %s.id)";
            List<DocumentRow> docs = new ArrayList<>(documents(
                    "status IN ('COMPLETED', 'ARCHIVED') AND received_at >= :from AND received_at < :to AND "
                            + notArchived.formatted("incoming_document"),
                    "status IN ('DISTRIBUTED', 'ARCHIVED') AND number_year = :year AND "
                            + notArchived.formatted("outgoing_document"), p));
            docs.sort(Comparator.comparing(DocumentRow::at).thenComparing(DocumentRow::direction)
                    .thenComparing(d -> d.sequence() == null ? 0 : d.sequence()).thenComparing(DocumentRow::id));
            UUID batchId = UUID.randomUUID();
            Map<Retention, int[]> ranges = new LinkedHashMap<>();
            List<ArchiveView> filed = new ArrayList<>();
            for (DocumentRow d : docs) {
                Retention r = retention != null ? retention : Retention.defaultFor(d.direction(), d.documentType());
                int n = counter.next(scope(townCode, c, r), year);
                ArchiveItem i = ArchiveItem.ofDocument(UUID.randomUUID(), d, new ArchiveItem.Filing(year, c, r, n),
                        batchId, caller.subject(), clock.instant());
                items.save(i);
                ranges.computeIfAbsent(r, x -> new int[] {n, n})[1] = n;
                filed.add(view(caller, i, false));
            }
            List<ArchiveBatchArranged.NumberRange> numbers = new ArrayList<>();
            ranges.forEach((r, v) -> numbers.add(new ArchiveBatchArranged.NumberRange(r.name(), v[0], v[1])));
            if (!filed.isEmpty()) {
                outbox.append(DocumentTopics.ARCHIVE_EVENTS, batchId.toString(), ArchiveBatchArranged.TYPE,
                        ArchiveBatchArranged.of(townCode, batchId, year, c.name(), filed.size(), numbers,
                                clock.instant()));
            }
            return new BatchResult(filed.isEmpty() ? null : batchId, townCode, year, filed.size(), numbers, filed);
        });
    }

    /** What a yearly arrangement did: nothing ({@code archived} 0, no batch id) when everything was filed already. */
    public record BatchResult(UUID batchId, String town, int year, int archived,
                              List<ArchiveBatchArranged.NumberRange> numbers, List<ArchiveView> items) {
    }

    // ---- reading -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ArchiveView get(Caller caller, UUID id) {
        caller.requireAnyRole(OVERSEERS);
        return view(caller, find(caller, id), true);
    }

    @Transactional(readOnly = true)
    public Page<ArchiveView> list(Caller caller, String town, Integer year, ArchiveCategory category,
                                  Retention retention, ArchiveItemStatus status, int page, int size) {
        caller.requireAnyRole(OVERSEERS);
        Map<String, Object> params = new HashMap<>();
        params.put("towns", jurisdictions.readScope(caller, town).codes());
        StringBuilder where = new StringBuilder("town_code IN (:towns)");
        if (year != null) {
            where.append(" AND year = :year");
            params.put("year", year);
        }
        if (category != null) {
            where.append(" AND category = :category");
            params.put("category", category.name());
        }
        if (retention != null) {
            where.append(" AND retention = :retention");
            params.put("retention", retention.name());
        }
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM archive_item WHERE " + where).params(params)
                .query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<UUID> ids = jdbc.sql("SELECT id FROM archive_item WHERE " + where
                        + " ORDER BY town_code, year DESC, category, retention, item_number"
                        + " LIMIT :limit OFFSET :offset")
                .params(params).query(String.class).list().stream().map(UUID::fromString).toList();
        Map<UUID, ArchiveItem> byId = new HashMap<>();
        items.findAllById(ids).forEach(i -> byId.put(i.id(), i));
        return new PageImpl<>(ids.stream().map(byId::get).map(i -> view(caller, i, false)).toList(),
                PageRequest.of(page, size), total);
    }

    // ---- historical import ---------------------------------------------------------------------------------

    /**
     * Items of the earlier register with their own 件号; each counter then continues after the highest imported
     * number. All or nothing; rows whose sourceId the town already has are skipped; a 件号 already used is a row error.
     */
    public ImportResult importHistory(Caller caller, String town, ImportFile file) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        List<ArchiveImport.Row> rows = ArchiveImport.rows(file);
        file.rejectIfInvalid();
        Set<String> known = DocumentImports.knownIn(jdbc, "archive_item", townCode,
                rows.stream().map(ArchiveImport.Row::sourceId).toList());
        List<ArchiveImport.Row> fresh = rows.stream().filter(r -> known.add(r.sourceId())).toList();
        List<RowError> errors = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        Map<String, Integer> highest = new LinkedHashMap<>();
        // the 件号 already used, one query per year, category and retention of the file instead of one per row
        Map<String, Set<Integer>> used = new HashMap<>();
        for (ArchiveImport.Row r : fresh) {
            String key = scope(townCode, r.category(), r.retention()) + "@" + r.year();
            Set<Integer> usedHere = used.computeIfAbsent(key, k -> new HashSet<>(jdbc.sql("""
                            SELECT item_number FROM archive_item
                            WHERE town_code = ? AND year = ? AND category = ? AND retention = ?""")
                    .params(townCode, r.year(), r.category().name(), r.retention().name())
                    .query(Integer.class).list()));
            boolean taken = !numbers.add(key + "#" + r.itemNumber()) || usedHere.contains(r.itemNumber());
            if (taken) {
                errors.add(new RowError(r.line(), "itemNumber", ArchiveItem.code(townCode, r.year(), r.category(),
                        r.retention(), r.itemNumber()) + " is already used"));
            }
            highest.merge(key, r.itemNumber(), Math::max);
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        highest.keySet().forEach(k -> counter.prepare(k.substring(0, k.indexOf('@')),
                Integer.parseInt(k.substring(k.indexOf('@') + 1)), townCode, "town"));
        return tx.execute(s -> {
            List<ArchiveItem> imported = new ArrayList<>();
            for (ArchiveImport.Row r : fresh) {
                imported.add(ArchiveItem.imported(UUID.randomUUID(), townCode, new ArchiveItem.Filing(r.year(),
                                r.category(), r.retention(), r.itemNumber()), r.kind(), r.title(), r.documentNumber(),
                        r.sourceId(), caller.subject(),
                        r.arrangedOn().atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
            }
            AggregateRows.persist(entityManager, jdbc, imported);
            highest.forEach((k, n) -> counter.atLeast(k.substring(0, k.indexOf('@')),
                    Integer.parseInt(k.substring(k.indexOf('@') + 1)), n));
            return new ImportResult(fresh.size(), rows.size() - fresh.size());
        });
    }

    // ---- for the custody side ------------------------------------------------------------------------------

    ArchiveItem find(Caller caller, UUID id) {
        return items.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Archive item", id));
    }

    // ---- internals -----------------------------------------------------------------------------------------

    /** The document, of the caller's towns and within their clearance, finished and not yet archived. */
    private DocumentRow archivable(Caller caller, UUID documentId) {
        DocumentRow d = documents("id = :id", "id = :id", Map.of("id", documentId.toString(),
                "towns", jurisdictions.readScope(caller, null).codes())).stream()
                .filter(x -> caller.clearance().covers(x.level().requiredClearance())).findFirst()
                .orElseThrow(() -> new NotFoundException("Document", documentId));
        if (!d.finished()) {
            throw new ArchiveRuleViolation("document-not-finished", "Document " + documentId + " is " + d.status()
                    + ": only a finished document (收文 办结, 发文 核发) is archived");
        }
        if (items.existsByDocumentId(documentId)) {
            throw new ArchiveRuleViolation("already-archived", "Document " + documentId + " is archived already");
        }
        return d;
    }

    private List<DocumentRow> documents(String incomingWhere, String outgoingWhere, Map<String, Object> params) {
        return jdbc.sql(DOCUMENTS.formatted(incomingWhere, outgoingWhere)).params(params)
                .query((rs, n) -> new DocumentRow(UUID.fromString(rs.getString("id")),
                        DocumentRow.Direction.valueOf(rs.getString("direction")), rs.getString("town_code"),
                        rs.getString("status"), rs.getString("title"),
                        SecrecyLevel.valueOf(rs.getString("secrecy_level")), rs.getString("document_type"),
                        rs.getString("number"), rs.getObject("yr", Integer.class),
                        rs.getTimestamp("at") == null ? Instant.EPOCH : rs.getTimestamp("at").toInstant(),
                        rs.getObject("seq", Integer.class)))
                .list();
    }

    private void announce(ArchiveItem i) {
        outbox.append(DocumentTopics.ARCHIVE_EVENTS, i.id().toString(), ItemArchived.TYPE, ItemArchived.of(i.townCode(),
                i.id(), i.code(), i.year(), i.category().name(), i.retention().name(), i.itemNumber(), i.kind().name(),
                i.documentId(), i.arrangedAt()));
    }

    ArchiveView view(Caller caller, ArchiveItem i, boolean full) {
        List<String> entries = full && i.kind() == ArchiveItemKind.DOSSIER
                ? i.entries().stream().map(DossierEntry::title).toList() : null;
        String lentTo = full ? loans.findByLentItemId(i.id()).map(ArchiveLoan::borrower).orElse(null) : null;
        return ArchiveView.of(i, caller.clearance().covers(i.secrecyLevel().requiredClearance()), entries, lentTo);
    }

    static String scope(String town, ArchiveCategory category, Retention retention) {
        return "archive:" + town + ":" + category.code() + ":" + retention.name();
    }

    private void requireYear(int year) {
        int now = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear();
        if (year < 1949 || year > now) {
            throw new InvalidFieldException("year", "must be from 1949 to " + now);
        }
    }
}
