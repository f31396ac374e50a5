package org.zhenwu.congress.station;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Liaison stations (中心站, 联络点, 企业联络点) and the public opinions (民意) collected there. */
@RestController
@RequestMapping("/api/congress")
@Validated
class StationController {
    private final StationService stations;

    StationController(StationService stations) {
        this.stations = stations;
    }

    @PostMapping("/stations")
    @ResponseStatus(HttpStatus.CREATED)
    StationResponse open(@Valid @RequestBody OpenStationRequest r) {
        return StationResponse.of(stations.open(Caller.current(), r.town(), r.kind(), r.name().strip(),
                r.address() == null ? null : r.address().strip(), r.hostOrganisation() == null ? null : r.hostOrganisation().strip()));
    }

    /** The deputies on duty, replacing the previous list. */
    @PutMapping("/stations/{id}/deputies")
    StationResponse staff(@PathVariable UUID id, @Valid @RequestBody StaffStationRequest r) {
        return StationResponse.of(stations.staff(Caller.current(), id, r.deputyIds()));
    }

    @GetMapping("/stations/{id}")
    StationResponse station(@PathVariable UUID id) {
        return StationResponse.of(stations.station(Caller.current(), id));
    }

    @GetMapping("/stations")
    List<StationResponse> stations(@RequestParam(required = false) String town) {
        return stations.stations(Caller.current(), town).stream().map(StationResponse::of).toList();
    }

    @PostMapping("/stations/{id}/opinions")
    @ResponseStatus(HttpStatus.CREATED)
    OpinionResponse collect(@PathVariable UUID id, @Valid @RequestBody CollectOpinionRequest r) {
        return OpinionResponse.of(stations.collect(Caller.current(), id, r.deputyId(), r.collectedOn(),
                r.citizenName(), r.citizenContact(), r.content().strip()), false);
    }

    /** 转办. */
    @PostMapping("/opinions/{id}/referral")
    OpinionResponse refer(@PathVariable UUID id, @Valid @RequestBody ReferOpinionRequest r) {
        return OpinionResponse.of(stations.refer(Caller.current(), id, r.department().strip()), false);
    }

    /** 转为代表建议. */
    @PostMapping("/opinions/{id}/conversion")
    OpinionResponse convert(@PathVariable UUID id, @Valid @RequestBody ConvertOpinionRequest r) {
        return OpinionResponse.of(stations.convert(Caller.current(), id, r.session().strip(), r.title().strip(),
                r.deputies().stream().map(String::strip).toList()), false);
    }

    /** 答复群众. */
    @PostMapping("/opinions/{id}/answer")
    OpinionResponse answer(@PathVariable UUID id, @Valid @RequestBody AnswerOpinionRequest r) {
        return OpinionResponse.of(stations.answer(Caller.current(), id, r.reply().strip()), false);
    }

    @GetMapping("/opinions/{id}")
    OpinionResponse opinion(@PathVariable UUID id) {
        return OpinionResponse.of(stations.opinion(Caller.current(), id), true);
    }

    @GetMapping("/opinions")
    List<OpinionResponse> opinions(@RequestParam(required = false) String town, @RequestParam(required = false) UUID stationId,
                                   @RequestParam(required = false) OpinionStatus status,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return stations.opinions(Caller.current(), town, stationId, status, page, size).getContent().stream()
                .map(o -> OpinionResponse.of(o, false)).toList();
    }

    record OpenStationRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                              @NotNull StationKind kind, @NotBlank @Size(max = 100) String name,
                              @Size(max = 200) String address, @Size(max = 100) String hostOrganisation) {
    }

    record StaffStationRequest(@NotNull @Size(max = 100) List<@NotNull UUID> deputyIds) {
    }

    record CollectOpinionRequest(UUID deputyId, @NotNull LocalDate collectedOn, @Size(max = 50) String citizenName,
                                 @Size(max = 50) String citizenContact, @NotBlank @Size(max = 5000) String content) {
    }

    record ReferOpinionRequest(@NotBlank @Size(max = 100) String department) {
    }

    record ConvertOpinionRequest(@NotBlank @Size(max = 100) String session, @NotBlank @Size(max = 200) String title,
                                 @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 50) String> deputies) {
    }

    record AnswerOpinionRequest(@NotBlank @Size(max = 5000) String reply) {
    }

    record StationResponse(UUID id, String town, StationKind kind, String name, String address, String hostOrganisation,
                           List<UUID> deputiesOnDuty) {
        static StationResponse of(LiaisonStation s) {
            return new StationResponse(s.id(), s.townCode(), s.kind(), s.name(), s.address(), s.hostOrganisation(),
                    s.deputiesOnDuty());
        }
    }

    record TransitionResponse(String from, String to, String actor, String note, Instant at) {
    }

    record OpinionResponse(UUID id, String town, UUID stationId, UUID deputyId, LocalDate collectedOn, String citizenName,
                           String content, OpinionStatus status, String referredTo, UUID suggestionId, String reply,
                           Instant answeredAt, List<TransitionResponse> transitions) {
        static OpinionResponse of(PublicOpinion o, boolean withTrail) {
            return new OpinionResponse(o.id(), o.townCode(), o.stationId(), o.deputyId(), o.collectedOn(), o.citizenName(),
                    o.content(), o.status(), o.referredTo(), o.suggestionId(), o.reply(), o.answeredAt(),
                    withTrail ? o.transitions().stream().map(t -> new TransitionResponse(
                            t.fromStatus() == null ? null : t.fromStatus().name(), t.toStatus().name(), t.actor(),
                            t.note(), t.at())).toList() : null);
        }
    }
}
