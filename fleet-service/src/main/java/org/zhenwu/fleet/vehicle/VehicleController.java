package org.zhenwu.fleet.vehicle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
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

@RestController
@RequestMapping("/api/fleet/vehicles")
@Validated
class VehicleController {
    private final VehicleService vehicles;

    VehicleController(VehicleService vehicles) {
        this.vehicles = vehicles;
    }

    /** District managers name the town; town managers register in their own. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    VehicleResponse register(@Valid @RequestBody RegisterVehicleRequest request) {
        var registration = new Vehicle.Registration(Plate.parse(request.plate()), request.vehicleClass(),
                request.category(), request.marked(), request.seats(), request.tankLitres(), request.fuelPer100kmNorm(),
                request.odometerKm());
        return VehicleResponse.of(vehicles.register(Caller.current(), request.town(), registration), false);
    }

    /** 送修. */
    @PostMapping("/{id}/repair")
    VehicleResponse sendToRepair(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest request) {
        return VehicleResponse.of(vehicles.sendToRepair(Caller.current(), id, NoteRequest.noteOf(request)), false);
    }

    /** 修竣. */
    @PostMapping("/{id}/repair-completion")
    VehicleResponse completeRepair(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest request) {
        return VehicleResponse.of(vehicles.completeRepair(Caller.current(), id, NoteRequest.noteOf(request)), false);
    }

    /** 封存. */
    @PostMapping("/{id}/sealing")
    VehicleResponse seal(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return VehicleResponse.of(vehicles.seal(Caller.current(), id, request.reason().strip()), false);
    }

    /** 启封. */
    @PostMapping("/{id}/unsealing")
    VehicleResponse unseal(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest request) {
        return VehicleResponse.of(vehicles.unseal(Caller.current(), id, NoteRequest.noteOf(request)), false);
    }

    /** 处置 (auction, scrapping, transfer): final. */
    @PostMapping("/{id}/disposal")
    VehicleResponse dispose(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return VehicleResponse.of(vehicles.dispose(Caller.current(), id, request.reason().strip()), false);
    }

    @GetMapping("/{id}")
    VehicleResponse get(@PathVariable UUID id) {
        return VehicleResponse.of(vehicles.get(Caller.current(), id), true);
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(required = false) VehicleStatus status,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        var result = vehicles.list(Caller.current(), town, status, page, size);
        return new PageResponse(result.getContent().stream().map(v -> VehicleResponse.of(v, false)).toList(),
                page, size, result.getTotalElements());
    }

    /**
     * @param plate            粤X12345, 粤X·D12345, …; stored without separator
     * @param marked           标识化 (true) or exempt
     * @param seats            approved seats including the driver's (核定载客); optional
     * @param tankLitres       0 for a pure-electric vehicle
     * @param fuelPer100kmNorm litres per 100 km; 0 for a pure-electric vehicle
     */
    record RegisterVehicleRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotBlank @Size(max = 16) String plate,
            @NotNull VehicleClass vehicleClass,
            @NotNull VehicleCategory category,
            @NotNull Boolean marked,
            @Min(1) @Max(99) Integer seats,
            @NotNull @DecimalMin("0") @DecimalMax("500") @Digits(integer = 3, fraction = 1) BigDecimal tankLitres,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal fuelPer100kmNorm,
            @NotNull @Min(0) @Max(9_999_999) Long odometerKm) {
    }

    record NoteRequest(@Size(max = 500) String note) {
        static String noteOf(NoteRequest request) {
            return request == null || request.note() == null || request.note().isBlank() ? null : request.note().strip();
        }
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record TransitionResponse(String from, String to, String actor, String note, Instant at) {
    }

    record VehicleResponse(UUID id, String town, String plate, VehicleClass vehicleClass, VehicleCategory category,
                           boolean marked, Integer seats, BigDecimal tankLitres, BigDecimal fuelPer100kmNorm, long odometerKm,
                           VehicleStatus status, Instant registeredAt, String registeredBy,
                           List<TransitionResponse> transitions) {
        static VehicleResponse of(Vehicle v, boolean withTrail) {
            List<TransitionResponse> trail = withTrail ? v.transitions().stream()
                    .map(t -> new TransitionResponse(t.fromStatus() == null ? null : t.fromStatus().name(),
                            t.toStatus().name(), t.actor(), t.note(), t.at())).toList() : null;
            return new VehicleResponse(v.id(), v.townCode(), v.plate(), v.vehicleClass(), v.category(), v.marked(),
                    v.seats(), v.tankLitres(), v.fuelPer100kmNorm(), v.odometerKm(), v.status(), v.registeredAt(),
                    v.registeredBy(), trail);
        }
    }

    record PageResponse(List<VehicleResponse> items, int page, int size, long total) {
    }
}
