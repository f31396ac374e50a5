package org.zhenwu.congress.deputy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/** The register of deputies. Other features ask it who a deputy is and how many a term has. */
@Service
public class DeputyService {
    private static final String[] STAFF = {Roles.CONGRESS_STAFF, Roles.DISTRICT_ADMIN};

    private final DeputyRepository deputies;
    private final TermRepository terms;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    DeputyService(DeputyRepository deputies, TermRepository terms, Jurisdictions jurisdictions, Clock clock) {
        this.deputies = deputies;
        this.terms = terms;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** A term as other features see it. */
    public record TermView(UUID id, String town, int number, String name, LocalDate startsOn, LocalDate endsOn) {
        static TermView of(Term t) {
            return new TermView(t.id(), t.townCode(), t.number(), t.name(), t.startsOn(), t.endsOn());
        }
    }

    // ---- terms (届) -----------------------------------------------------------------------------------------------

    @Transactional
    public TermView openTerm(Caller caller, String town, int number, LocalDate startsOn, LocalDate endsOn) {
        caller.requireAnyRole(STAFF);
        String townCode = jurisdictions.townForWrite(caller, town);
        Term term = Term.open(UUID.randomUUID(), townCode, number, startsOn, endsOn);
        try {
            terms.saveAndFlush(term);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidFieldException("number", "town " + townCode + " already has its " + term.name());
        }
        return TermView.of(term);
    }

    @Transactional(readOnly = true)
    public List<TermView> terms(Caller caller, String town) {
        return terms.findByTownCodeInOrderByTownCodeAscNumberDesc(jurisdictions.readScope(caller, town).codes()).stream()
                .map(TermView::of).toList();
    }

    /** The term, if the caller may see it. */
    @Transactional(readOnly = true)
    public TermView term(Caller caller, UUID id) {
        return terms.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes()).map(TermView::of)
                .orElseThrow(() -> new NotFoundException("Term", id));
    }

    // ---- deputies ---------------------------------------------------------------------------------------------

    /** A deputy as other features see it. */
    public record DeputyView(UUID id, String town, UUID termId, String name, String constituency, String delegation,
                             String occupation, boolean presidiumMember, boolean active) {
        static DeputyView of(Deputy d) {
            return new DeputyView(d.id(), d.townCode(), d.termId(), d.name(), d.constituency(), d.delegation(),
                    d.occupation(), d.presidiumMember(), d.active());
        }
    }

    public record NewDeputy(String town, UUID termId, String name, String constituency, String delegation,
                            String occupation, boolean presidiumMember) {
    }

    /** A deputy of an existing term of the town. */
    @Transactional
    public DeputyView register(Caller caller, NewDeputy d) {
        caller.requireAnyRole(STAFF);
        String town = jurisdictions.townForWrite(caller, d.town());
        if (terms.findByIdAndTownCodeIn(d.termId(), List.of(town)).isEmpty()) {
            throw new InvalidFieldException("termId", "no term " + d.termId() + " in town " + town);
        }
        Deputy deputy = Deputy.register(UUID.randomUUID(), town, d.termId(), d.name(), d.constituency(), d.delegation(),
                d.occupation(), d.presidiumMember(), clock.instant());
        try {
            deputies.saveAndFlush(deputy);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidFieldException("name", d.name() + " is already a deputy of this term in " + d.constituency());
        }
        return DeputyView.of(deputy);
    }

    @Transactional
    public DeputyView end(Caller caller, UUID id) {
        caller.requireAnyRole(STAFF);
        Deputy deputy = find(caller, id);
        deputy.end();
        return DeputyView.of(deputy);
    }

    @Transactional(readOnly = true)
    public DeputyView get(Caller caller, UUID id) {
        return DeputyView.of(find(caller, id));
    }

    @Transactional(readOnly = true)
    public List<DeputyView> list(Caller caller, String town, UUID termId) {
        var scope = jurisdictions.readScope(caller, town).codes();
        List<Deputy> found = termId == null ? deputies.findByTownCodeInOrderByNameAscIdAsc(scope)
                : deputies.findByTownCodeInAndTermIdOrderByNameAscIdAsc(scope, termId);
        return found.stream().map(DeputyView::of).toList();
    }

    /** The deputies among {@code ids}, by id; unknown ids are simply absent. No access check: callers have one. */
    @Transactional(readOnly = true)
    public Map<UUID, DeputyView> byIds(Collection<UUID> ids) {
        return deputies.findByIdIn(ids).stream().map(DeputyView::of).collect(Collectors.toMap(DeputyView::id, Function.identity()));
    }

    /** Deputies currently seated in a term (全体代表): the base for quorums. */
    @Transactional(readOnly = true)
    public long seatedIn(UUID termId) {
        return deputies.countByTermIdAndActiveTrue(termId);
    }

    private Deputy find(Caller caller, UUID id) {
        return deputies.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Deputy", id));
    }
}
