package org.zhenwu.fleet.upkeep;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Refuels, repairs and insurance policies over HTTP. */
@RestController
@RequestMapping("/api/fleet")
class UpkeepController {
    private final UpkeepService upkeep;

    UpkeepController(UpkeepService upkeep) {
        this.upkeep = upkeep;
    }

    /** 加油; the response lists the alerts the refuel raised. */
    @PostMapping("/refuels")
    @ResponseStatus(HttpStatus.CREATED)
    UpkeepService.RefuelView refuel(@Valid @RequestBody RefuelRequest r) {
        return upkeep.refuel(Caller.current(), r.town(), new UpkeepService.RefuelInput(r.vehicleId(), r.providerId(),
                r.fuelCardId(), r.refuelledAt(), r.litres(), r.amountYuan(), r.odometerKm()));
    }

    @GetMapping("/refuels")
    List<UpkeepService.RefuelView> refuels(@RequestParam(required = false) String town,
                                           @RequestParam(required = false) UUID vehicle) {
        return upkeep.refuels(Caller.current(), town, vehicle);
    }

    /** 维修. */
    @PostMapping("/repairs")
    @ResponseStatus(HttpStatus.CREATED)
    RepairResponse repair(@Valid @RequestBody RepairRequest r) {
        return RepairResponse.of(upkeep.recordRepair(Caller.current(), r.town(), new UpkeepService.RepairInput(
                r.vehicleId(), r.providerId(), r.repairedOn(), r.description().strip(), r.amountYuan())));
    }

    @PostMapping("/repairs/{id}/approval")
    RepairResponse approveRepair(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest request) {
        return RepairResponse.of(upkeep.approveRepair(Caller.current(), id, request == null ? null : request.note()));
    }

    @PostMapping("/repairs/{id}/rejection")
    RepairResponse rejectRepair(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return RepairResponse.of(upkeep.rejectRepair(Caller.current(), id, request.reason().strip()));
    }

    @GetMapping("/repairs")
    List<RepairResponse> repairs(@RequestParam(required = false) String town, @RequestParam(required = false) UUID vehicle) {
        return upkeep.repairs(Caller.current(), town, vehicle).stream().map(RepairResponse::of).toList();
    }

    /** 保险. */
    @PostMapping("/insurance-policies")
    @ResponseStatus(HttpStatus.CREATED)
    PolicyResponse insure(@Valid @RequestBody PolicyRequest r) {
        return PolicyResponse.of(upkeep.recordPolicy(Caller.current(), r.town(), new UpkeepService.PolicyInput(
                r.vehicleId(), r.providerId(), r.policyNumber().strip(), r.kind(), r.startsOn(), r.endsOn(), r.premiumYuan())));
    }

    @GetMapping("/insurance-policies")
    List<PolicyResponse> policies(@RequestParam(required = false) String town, @RequestParam(required = false) UUID vehicle) {
        return upkeep.policies(Caller.current(), town, vehicle).stream().map(PolicyResponse::of).toList();
    }

    /**
     * @param providerId  a designated fuel station of the town
     * @param refuelledAt omitted: now
     * @param odometerKm  the meter reading at the pump
     */
    record RefuelRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotNull UUID vehicleId,
            @NotNull UUID providerId,
            @NotNull UUID fuelCardId,
            Instant refuelledAt,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("9999") @Digits(integer = 4, fraction = 2) BigDecimal litres,
            @NotNull @DecimalMin("0") @DecimalMax("99999") @Digits(integer = 5, fraction = 2) BigDecimal amountYuan,
            @NotNull @Min(0) @Max(9_999_999) Long odometerKm) {
    }

    record RepairRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotNull UUID vehicleId,
            @NotNull UUID providerId,
            @NotNull LocalDate repairedOn,
            @NotBlank @Size(max = 1000) String description,
            @NotNull @DecimalMin("0") @DecimalMax("9999999") @Digits(integer = 7, fraction = 2) BigDecimal amountYuan) {
    }

    record PolicyRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotNull UUID vehicleId,
            @NotNull UUID providerId,
            @NotBlank @Size(max = 50) String policyNumber,
            @NotNull InsuranceKind kind,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotNull @DecimalMin("0") @DecimalMax("9999999") @Digits(integer = 7, fraction = 2) BigDecimal premiumYuan) {
    }

    record NoteRequest(@Size(max = 500) String note) {
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record RepairResponse(UUID id, String town, UUID vehicleId, UUID providerId, LocalDate repairedOn, String description,
                          BigDecimal amountYuan, RepairStatus status, String decidedBy, Instant decidedAt,
                          String decisionNote) {
        static RepairResponse of(Repair r) {
            return new RepairResponse(r.id(), r.townCode(), r.vehicleId(), r.providerId(), r.repairedOn(), r.description(),
                    r.amountYuan(), r.status(), r.decidedBy(), r.decidedAt(), r.decisionNote());
        }
    }

    record PolicyResponse(UUID id, String town, UUID vehicleId, UUID providerId, String policyNumber, InsuranceKind kind,
                          LocalDate startsOn, LocalDate endsOn, BigDecimal premiumYuan) {
        static PolicyResponse of(InsurancePolicy p) {
            return new PolicyResponse(p.id(), p.townCode(), p.vehicleId(), p.providerId(), p.policyNumber(), p.kind(),
                    p.startsOn(), p.endsOn(), p.premiumYuan());
        }
    }
}
