package org.zhenwu.document.disclosure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.document.v1.DisclosurePublished;
import org.zhenwu.contracts.document.v1.DisclosureWithdrawn;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.jurisdiction.Town;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * 政务公开. The office or a department drafts an item; someone other than the author does the 保密审查 (an item drawn
 * from a classified document never passes); the office publishes it on its channels and may withdraw it. Published
 * items are readable by anyone through {@link #publicPage} and {@link #publicItem}, which never show anything
 * unpublished nor any internal field.
 */
@Service
public class DisclosureService {
    private static final String[] WRITERS = {Roles.OFFICE_CLERK, Roles.DEPARTMENT_HANDLER, Roles.DISTRICT_ADMIN};
    private static final String[] REVIEWERS = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};
    private static final String[] OFFICE = {Roles.OFFICE_CLERK, Roles.DISTRICT_ADMIN};
    /** See every item of their towns; others (department handlers) see the items they wrote. */
    private static final String[] OVERSEERS = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};

    private final DisclosureRepository items;
    private final Jurisdictions jurisdictions;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    DisclosureService(DisclosureRepository items, Jurisdictions jurisdictions, Outbox outbox, JdbcClient jdbc,
                      Clock clock) {
        this.items = items;
        this.jurisdictions = jurisdictions;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a request carries for a draft. */
    public record Draft(String title, String body, DisclosureCategory category, Set<DisclosureChannel> channels,
                        UUID sourceDocumentId, String internalNote) {
        DisclosureItem.Content content() {
            return new DisclosureItem.Content(title, body, category, channels, sourceDocumentId, internalNote);
        }
    }

    // ---- the office's workflow -----------------------------------------------------------------------------

    @Transactional
    public DisclosureView create(Caller caller, String town, Draft draft) {
        caller.requireAnyRole(WRITERS);
        String townCode = jurisdictions.townForWrite(caller, town);
        requireDisclosableSource(townCode, draft.sourceDocumentId());
        DisclosureItem i = DisclosureItem.draft(UUID.randomUUID(), townCode, draft.content(), caller.subject(),
                clock.instant());
        return saved(i);
    }

    @Transactional
    public DisclosureView revise(Caller caller, UUID id, Draft draft) {
        DisclosureItem i = findForAuthorOrOffice(caller, id);
        requireDisclosableSource(i.townCode(), draft.sourceDocumentId());
        i.revise(draft.content(), caller.subject(), clock.instant());
        return saved(i);
    }

    /** 送审. */
    @Transactional
    public DisclosureView submit(Caller caller, UUID id) {
        DisclosureItem i = findForAuthorOrOffice(caller, id);
        refuseClassifiedSource(i);
        i.submit(caller.subject(), clock.instant());
        return saved(i);
    }

    /** 保密审查 passed, by anyone of the office or the leaders but the author. */
    @Transactional
    public DisclosureView approve(Caller caller, UUID id, String opinion) {
        caller.requireAnyRole(REVIEWERS);
        DisclosureItem i = find(caller, id);
        refuseClassifiedSource(i);
        i.approve(opinion, caller.subject(), clock.instant());
        return saved(i);
    }

    /** 退回修改 with the reason. */
    @Transactional
    public DisclosureView returnToAuthor(Caller caller, UUID id, String reason) {
        caller.requireAnyRole(REVIEWERS);
        DisclosureItem i = find(caller, id);
        i.returnToAuthor(reason, caller.subject(), clock.instant());
        return saved(i);
    }

    /** 发布 on the item's channels; announced as {@code document.DisclosurePublished}. */
    @Transactional
    public DisclosureView publish(Caller caller, UUID id) {
        caller.requireAnyRole(OFFICE);
        DisclosureItem i = find(caller, id);
        i.publish(caller.subject(), clock.instant());
        return saved(i);
    }

    /** 撤回; announced as {@code document.DisclosureWithdrawn}. */
    @Transactional
    public DisclosureView withdraw(Caller caller, UUID id, String reason) {
        caller.requireAnyRole(OFFICE);
        DisclosureItem i = find(caller, id);
        i.withdraw(reason, caller.subject(), clock.instant());
        return saved(i);
    }

    @Transactional(readOnly = true)
    public DisclosureView get(Caller caller, UUID id) {
        return DisclosureView.of(find(caller, id), true);
    }

    @Transactional(readOnly = true)
    public Page<DisclosureView> list(Caller caller, String town, DisclosureStatus status, DisclosureCategory category,
                                     int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("towns", jurisdictions.readScope(caller, town).codes());
        StringBuilder where = new StringBuilder("town_code IN (:towns)");
        if (!caller.hasAnyRole(OVERSEERS)) {
            where.append(" AND author = :author");
            params.put("author", caller.subject());
        }
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (category != null) {
            where.append(" AND category = :category");
            params.put("category", category.name());
        }
        return page(where.toString(), params, page, size, "created_at DESC, id", i -> DisclosureView.of(i, false));
    }

    // ---- the public --------------------------------------------------------------------------------------

    /** Published items, newest first; {@code town} null means every town of the district. */
    @Transactional(readOnly = true)
    public Page<PublicDisclosureView> publicPage(String town, DisclosureChannel channel, DisclosureCategory category,
                                                 int page, int size) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("status = 'PUBLISHED'");
        if (town != null && !town.isBlank()) {
            if (jurisdictions.town(town).isEmpty()) {
                throw new InvalidFieldException("town", "unknown town code " + town);
            }
            where.append(" AND town_code = :town");
            params.put("town", town);
        }
        if (category != null) {
            where.append(" AND category = :category");
            params.put("category", category.name());
        }
        if (channel != null) {
            where.append(" AND EXISTS (SELECT 1 FROM disclosure_channel c WHERE c.item_id = disclosure_item.id"
                    + " AND c.channel = :channel)");
            params.put("channel", channel.name());
        }
        return page(where.toString(), params, page, size, "published_at DESC, id", this::publicView);
    }

    /** One published item; anything else is "not found". */
    @Transactional(readOnly = true)
    public PublicDisclosureView publicItem(UUID id) {
        return items.findByIdAndStatus(id, DisclosureStatus.PUBLISHED).map(this::publicView)
                .orElseThrow(() -> new NotFoundException("Disclosure item", id));
    }

    // ---- historical import ---------------------------------------------------------------------------------

    /**
     * Items published before this system, as PUBLISHED on their channels at their own time. All or nothing; rows
     * whose sourceId the town already has are skipped, so the register can be sent again.
     */
    @Transactional
    public ImportResult importHistory(Caller caller, String town, ImportFile file) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        List<DisclosureImport.Row> rows = DisclosureImport.rows(file);
        file.rejectIfInvalid();
        List<RowError> errors = new ArrayList<>();
        int imported = 0;
        int skipped = 0;
        Set<String> known = DocumentImports.known(rows.stream().map(DisclosureImport.Row::sourceId).toList(),
                ids -> items.knownSourceIds(townCode, ids));
        List<DisclosureItem> fresh = new ArrayList<>();
        for (DisclosureImport.Row row : rows) {
            if (!known.add(row.sourceId())) {
                skipped++;
                continue;
            }
            try {
                fresh.add(DisclosureItem.imported(UUID.randomUUID(), townCode, new DisclosureItem.Content(row.title(),
                        row.body(), row.category(), row.channels(), null, null), row.sourceId(), caller.subject(),
                        row.publishedAt()));
                imported++;
            } catch (InvalidFieldException e) {
                errors.add(new RowError(row.line(), e.field(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        DisclosureRows.insert(jdbc, fresh);
        return new ImportResult(imported, skipped);
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private DisclosureItem find(Caller caller, UUID id) {
        DisclosureItem i = items.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Disclosure item", id));
        if (!caller.hasAnyRole(OVERSEERS) && !i.author().equals(caller.subject())) {
            throw new NotFoundException("Disclosure item", id);
        }
        return i;
    }

    private DisclosureItem findForAuthorOrOffice(Caller caller, UUID id) {
        DisclosureItem i = find(caller, id);
        if (!i.author().equals(caller.subject())) {
            caller.requireAnyRole(OFFICE);
        }
        return i;
    }

    /** The source document, if any, is this town's and not classified (400 naming the field otherwise). */
    private void requireDisclosableSource(String town, UUID documentId) {
        SecrecyLevel level = sourceLevel(town, documentId);
        if (documentId != null && level == null) {
            throw new InvalidFieldException("sourceDocumentId", "no document of town " + town + " has this id");
        }
        if (level != null && level.classified()) {
            throw new InvalidFieldException("sourceDocumentId", "is a classified (" + level.label()
                    + ") document: it is never disclosed");
        }
    }

    /** 保密审查 looks again: a source document classified since the draft was written stops the item. */
    private void refuseClassifiedSource(DisclosureItem i) {
        SecrecyLevel level = sourceLevel(i.townCode(), i.sourceDocumentId());
        if (level != null && level.classified()) {
            throw new DisclosureRuleViolation("classified-source", "The source document is classified ("
                    + level.label() + "): the item does not pass 保密审查");
        }
    }

    private SecrecyLevel sourceLevel(String town, UUID documentId) {
        if (documentId == null) {
            return null;
        }
        return jdbc.sql("""
                SELECT secrecy_level FROM incoming_document WHERE id = :id AND town_code = :town
                UNION ALL
                SELECT secrecy_level FROM outgoing_document WHERE id = :id AND town_code = :town""")
                .param("id", documentId.toString()).param("town", town)
                .query(String.class).list().stream().findFirst().map(SecrecyLevel::valueOf).orElse(null);
    }

    private <V> Page<V> page(String where, Map<String, Object> params, int page, int size, String order,
                             Function<DisclosureItem, V> view) {
        long total = jdbc.sql("SELECT COUNT(*) FROM disclosure_item WHERE " + where).params(params)
                .query(Long.class).single();
        Map<String, Object> p = new HashMap<>(params);
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<UUID> ids = jdbc.sql("SELECT id FROM disclosure_item WHERE " + where + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset").params(p)
                .query(String.class).list().stream().map(UUID::fromString).toList();
        Map<UUID, DisclosureItem> byId = new HashMap<>();
        items.findAllById(ids).forEach(i -> byId.put(i.id(), i));
        return new PageImpl<>(ids.stream().map(byId::get).map(view).toList(), PageRequest.of(page, size), total);
    }

    private PublicDisclosureView publicView(DisclosureItem i) {
        return PublicDisclosureView.of(i, jurisdictions.town(i.townCode()).map(Town::name).orElse(null));
    }

    private DisclosureView saved(DisclosureItem i) {
        items.save(i);
        for (DisclosureEvent e : i.pullEvents()) {
            if (e instanceof DisclosureEvent.Published p) {
                outbox.append(DocumentTopics.DISCLOSURE_EVENTS, i.id().toString(), DisclosurePublished.TYPE,
                        DisclosurePublished.of(i.townCode(), i.id(), i.title(), i.category().name(),
                                DisclosureView.ChannelView.of(i).stream().map(c -> c.channel().name()).toList(),
                                p.occurredAt()));
            } else if (e instanceof DisclosureEvent.Withdrawn w) {
                outbox.append(DocumentTopics.DISCLOSURE_EVENTS, i.id().toString(), DisclosureWithdrawn.TYPE,
                        DisclosureWithdrawn.of(i.townCode(), i.id(), i.title(), w.reason(), w.occurredAt()));
            }
        }
        return DisclosureView.of(i, false);
    }
}
