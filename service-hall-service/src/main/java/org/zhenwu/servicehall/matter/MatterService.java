package org.zhenwu.servicehall.matter;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.servicehall.v1.MatterPublished;
import org.zhenwu.contracts.servicehall.v1.ServiceHallTopics;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/** The matter catalogue's public API. Every method checks the caller's town; writes also the role. */
@Service
public class MatterService {
    private static final String[] EDITORS = {Roles.HALL_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};

    private final MatterRepository matters;
    private final Jurisdictions jurisdictions;
    private final Outbox outbox;
    private final Clock clock;

    MatterService(MatterRepository matters, Jurisdictions jurisdictions, Outbox outbox, Clock clock) {
        this.matters = matters;
        this.jurisdictions = jurisdictions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Matter draft(Caller caller, String town, Matter.Entry entry) {
        caller.requireAnyRole(EDITORS);
        String townCode = jurisdictions.townForWrite(caller, town);
        Matter matter = Matter.draft(UUID.randomUUID(), townCode, entry, caller.subject(), clock.instant());
        if (matters.existsByTownCodeAndCode(townCode, entry.code())) {
            throw new DuplicateMatterCode(townCode, entry.code());
        }
        try {
            matters.saveAndFlush(matter);
        } catch (DataIntegrityViolationException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // the unique key (town_code, code) caught a concurrent twin the check above could not see
            throw new DuplicateMatterCode(townCode, entry.code());
        }
        publish(matter);
        return matter;
    }

    @Transactional
    Matter publish(Caller caller, UUID id, String note) {
        caller.requireAnyRole(EDITORS);
        Matter matter = find(caller, id);
        matter.publish(caller.subject(), note, clock.instant());
        publish(matter);
        return matter;
    }

    @Transactional
    Matter suspend(Caller caller, UUID id, String reason) {
        caller.requireAnyRole(EDITORS);
        Matter matter = find(caller, id);
        matter.suspend(caller.subject(), reason, clock.instant());
        publish(matter);
        return matter;
    }

    @Transactional
    Matter withdraw(Caller caller, UUID id, String reason) {
        caller.requireAnyRole(EDITORS);
        Matter matter = find(caller, id);
        matter.withdraw(caller.subject(), reason, clock.instant());
        publish(matter);
        return matter;
    }

    @Transactional(readOnly = true)
    Matter get(Caller caller, UUID id) {
        Matter matter = find(caller, id);
        matter.transitions().size(); // the audit trail is shown with the matter
        return matter;
    }

    @Transactional(readOnly = true)
    Page<Matter> list(Caller caller, String town, MatterStatus status, int page, int size) {
        var scope = jurisdictions.readScope(caller, town);
        PageRequest request = PageRequest.of(page, size);
        return status == null
                ? matters.findByTownCodeInOrderByTownCodeAscCodeAsc(scope.codes(), request)
                : matters.findByTownCodeInAndStatusOrderByTownCodeAscCodeAsc(scope.codes(), status, request);
    }

    /**
     * For applications: the published matter of a town as it stands now, the version the application is taken in
     * under. An unknown matter, another town's, or one not offered (draft, suspended, withdrawn) is refused naming
     * {@code field}.
     */
    @Transactional(readOnly = true)
    public MatterSnapshot offered(String town, UUID id, String field) {
        Matter m = matters.findByIdAndTownCodeIn(id, List.of(town))
                .orElseThrow(() -> new InvalidFieldException(field, "town " + town + " has no matter " + id));
        if (m.status() != MatterStatus.PUBLISHED) {
            throw new InvalidFieldException(field, "matter " + m.code() + " is not offered now (" + m.status() + ")");
        }
        return new MatterSnapshot(m.id(), m.version(), m.townCode(), m.code(), m.name(), m.department(),
                m.legalLimitDays(), m.promisedLimitDays(), m.feeFen(), m.requiredMaterials(), m.channels());
    }

    /** For the historical import: the town's matter with this code, whatever its status now. */
    @Transactional(readOnly = true)
    public java.util.Optional<MatterSnapshot> byCode(String town, String code) {
        return matters.findByTownCodeAndCode(town, code).map(m -> new MatterSnapshot(m.id(), m.version(), m.townCode(),
                m.code(), m.name(), m.department(), m.legalLimitDays(), m.promisedLimitDays(), m.feeFen(),
                m.requiredMaterials(), m.channels()));
    }

    private Matter find(Caller caller, UUID id) {
        return matters.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Matter", id));
    }

    /** MySQL's and MariaDB's ER_DUP_ENTRY, however the JPA layer wrapped it. */
    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    private void publish(Matter matter) {
        for (MatterEvent event : matter.pullEvents()) {
            if (event instanceof MatterEvent.Published p) {
                outbox.append(ServiceHallTopics.MATTER_EVENTS, matter.id().toString(), MatterPublished.TYPE,
                        MatterPublished.of(matter.townCode(), matter.id(), matter.code(), matter.name(),
                                matter.department(), matter.legalLimitDays(), matter.promisedLimitDays(),
                                matter.feeFen(), matter.channels().stream().map(Enum::name).toList(),
                                matter.requiredMaterials(), p.occurredAt()));
            }   // Drafted, Suspended and Withdrawn stay internal until a consumer needs them
        }
    }
}
