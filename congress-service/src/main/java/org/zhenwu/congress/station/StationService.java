package org.zhenwu.congress.station;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.congress.deputy.DeputyService;
import org.zhenwu.congress.suggestion.SuggestionService;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/** Liaison stations, their deputies on duty, and the public opinions collected there. */
@Service
public class StationService {
    private static final String[] STAFF = {Roles.CONGRESS_STAFF, Roles.DISTRICT_ADMIN};

    private final LiaisonStationRepository stations;
    private final PublicOpinionRepository opinions;
    private final DeputyService deputies;
    private final SuggestionService suggestions;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    StationService(LiaisonStationRepository stations, PublicOpinionRepository opinions, DeputyService deputies,
                   SuggestionService suggestions, Jurisdictions jurisdictions, Clock clock) {
        this.stations = stations;
        this.opinions = opinions;
        this.deputies = deputies;
        this.suggestions = suggestions;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Transactional
    LiaisonStation open(Caller caller, String town, StationKind kind, String name, String address, String host) {
        caller.requireAnyRole(STAFF);
        String townCode = jurisdictions.townForWrite(caller, town);
        if (kind == StationKind.CENTRAL && stations.existsByTownCodeAndKind(townCode, StationKind.CENTRAL)) {
            throw new InvalidFieldException("kind", "town " + townCode + " already has its central station (中心联络站)");
        }
        LiaisonStation station = LiaisonStation.open(UUID.randomUUID(), townCode, kind, name, address, host);
        stations.save(station);
        return station;
    }

    @Transactional
    LiaisonStation staff(Caller caller, UUID id, List<UUID> deputyIds) {
        caller.requireAnyRole(STAFF);
        LiaisonStation station = station(caller, id);
        requireSeatedDeputies(station.townCode(), deputyIds, "deputyIds");
        station.staff(deputyIds);
        return station;
    }

    @Transactional(readOnly = true)
    LiaisonStation station(Caller caller, UUID id) {
        return stations.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Liaison station", id));
    }

    @Transactional(readOnly = true)
    List<LiaisonStation> stations(Caller caller, String town) {
        return stations.findByTownCodeInOrderByKindAscNameAsc(jurisdictions.readScope(caller, town).codes());
    }

    // ---- public opinions ----------------------------------------------------------------------------------------

    @Transactional
    PublicOpinion collect(Caller caller, UUID stationId, UUID deputyId, LocalDate collectedOn, String citizenName,
                          String citizenContact, String content) {
        caller.requireAnyRole(STAFF);
        LiaisonStation station = station(caller, stationId);
        if (deputyId != null) {
            requireSeatedDeputies(station.townCode(), List.of(deputyId), "deputyId");
        }
        PublicOpinion opinion = PublicOpinion.collect(UUID.randomUUID(), station.townCode(), stationId, deputyId,
                collectedOn, citizenName, citizenContact, content, caller.subject(), clock.instant());
        opinions.save(opinion);
        return opinion;
    }

    @Transactional
    PublicOpinion refer(Caller caller, UUID id, String department) {
        PublicOpinion opinion = forStaff(caller, id);
        opinion.refer(department, caller.subject(), clock.instant());
        return opinion;
    }

    /** 转为代表建议: the named deputies submit it as their suggestion in the given session. */
    @Transactional
    PublicOpinion convert(Caller caller, UUID id, String session, String title, List<String> deputyNames) {
        PublicOpinion opinion = forStaff(caller, id);
        opinion.requireMove(OpinionStatus.CONVERTED);
        UUID suggestion = suggestions.submitFor(caller, opinion.townCode(), session, title, opinion.content(), deputyNames);
        opinion.convert(suggestion, caller.subject(), clock.instant());
        return opinion;
    }

    @Transactional
    PublicOpinion answer(Caller caller, UUID id, String reply) {
        PublicOpinion opinion = forStaff(caller, id);
        opinion.answer(reply, caller.subject(), clock.instant());
        return opinion;
    }

    @Transactional(readOnly = true)
    PublicOpinion opinion(Caller caller, UUID id) {
        PublicOpinion opinion = find(caller, id);
        opinion.transitions().size();
        return opinion;
    }

    @Transactional(readOnly = true)
    Page<PublicOpinion> opinions(Caller caller, String town, UUID stationId, OpinionStatus status, int page, int size) {
        return opinions.search(jurisdictions.readScope(caller, town).codes(), stationId, status, PageRequest.of(page, size));
    }

    private PublicOpinion find(Caller caller, UUID id) {
        return opinions.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Public opinion", id));
    }

    private PublicOpinion forStaff(Caller caller, UUID id) {
        caller.requireAnyRole(STAFF);
        return find(caller, id);
    }

    private void requireSeatedDeputies(String town, List<UUID> ids, String field) {
        Map<UUID, DeputyService.DeputyView> found = deputies.byIds(ids);
        for (UUID id : ids) {
            DeputyService.DeputyView d = found.get(id);
            if (d == null || !d.town().equals(town) || !d.active()) {
                throw new InvalidFieldException(field, id + " is not a seated deputy of town " + town);
            }
        }
    }
}
