package org.zhenwu.congress.member;

import java.time.Clock;
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

/** The register of CPPCC members (委员) by sector (界别). Other features ask it who a member is. */
@Service
public class MemberService {
    private static final String[] STAFF = {Roles.CONGRESS_STAFF, Roles.DISTRICT_ADMIN};

    private final CppccMemberRepository members;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    MemberService(CppccMemberRepository members, Jurisdictions jurisdictions, Clock clock) {
        this.members = members;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** A member as other features see it. */
    public record MemberView(UUID id, String town, int termNumber, String termName, String name, String sector,
                             String party, String occupation, boolean standingCommittee, boolean active) {
        static MemberView of(CppccMember m) {
            return new MemberView(m.id(), m.townCode(), m.termNumber(), m.termName(), m.name(), m.sector(), m.party(),
                    m.occupation(), m.standingCommittee(), m.active());
        }
    }

    public record NewMember(String town, int termNumber, String name, String sector, String party, String occupation,
                            boolean standingCommittee) {
    }

    @Transactional
    public MemberView seat(Caller caller, NewMember n) {
        caller.requireAnyRole(STAFF);
        String town = jurisdictions.townForWrite(caller, n.town());
        CppccMember member = CppccMember.seat(UUID.randomUUID(), town, n.termNumber(), n.name(), n.sector(), n.party(),
                n.occupation(), n.standingCommittee(), clock.instant());
        try {
            members.saveAndFlush(member);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidFieldException("name", n.name() + " is already a member of the " + member.termName()
                    + " in the sector " + n.sector());
        }
        return MemberView.of(member);
    }

    @Transactional
    public MemberView end(Caller caller, UUID id) {
        caller.requireAnyRole(STAFF);
        CppccMember member = find(caller, id);
        member.end();
        return MemberView.of(member);
    }

    @Transactional(readOnly = true)
    public MemberView get(Caller caller, UUID id) {
        return MemberView.of(find(caller, id));
    }

    @Transactional(readOnly = true)
    public List<MemberView> list(Caller caller, String town, Integer term, String sector) {
        return members.search(jurisdictions.readScope(caller, town).codes(), term, sector).stream().map(MemberView::of)
                .toList();
    }

    /** The members among {@code ids}, by id; unknown ids are simply absent. No access check: callers have one. */
    @Transactional(readOnly = true)
    public Map<UUID, MemberView> byIds(Collection<UUID> ids) {
        return members.findByIdIn(ids).stream().map(MemberView::of)
                .collect(Collectors.toMap(MemberView::id, Function.identity()));
    }

    private CppccMember find(Caller caller, UUID id) {
        return members.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("CPPCC member", id));
    }
}
