package org.zhenwu.fleet.trip;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
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
import org.zhenwu.platform.calendar.WorkingDayCalendar;
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

/** Trips over HTTP. Each state change is a sub-resource of the trip. */
@RestController
@RequestMapping("/api/fleet")
@Validated
class TripController {
    private final TripService trips;
    private final Clock clock;

    TripController(TripService trips, Clock clock) {
        this.trips = trips;
        this.clock = clock;
    }

    /** 用车申请. */
    @PostMapping("/trips")
    @ResponseStatus(HttpStatus.CREATED)
    TripView request(@Valid @RequestBody RequestTripRequest request) {
        return trips.request(Caller.current(), request.town(), request.plan());
    }

    /** 审批通过. */
    @PostMapping("/trips/{id}/approval")
    TripView approve(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest request) {
        return trips.approve(Caller.current(), id, NoteRequest.noteOf(request));
    }

    /** 驳回. */
    @PostMapping("/trips/{id}/rejection")
    TripView reject(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return trips.reject(Caller.current(), id, request.reason().strip());
    }

    /** 派车 / 改派. */
    @PostMapping("/trips/{id}/dispatch")
    TripView dispatch(@PathVariable UUID id, @Valid @RequestBody DispatchTripRequest request) {
        return trips.dispatch(Caller.current(), id, request.vehicleId(), request.driverId(), NoteRequest.clean(request.note()));
    }

    /** 变更: the whole new plan and the reason; back to approval. */
    @PostMapping("/trips/{id}/change")
    TripView change(@PathVariable UUID id, @Valid @RequestBody ChangeTripRequest request) {
        return trips.change(Caller.current(), id, request.plan(), request.reason().strip());
    }

    /** 取消. */
    @PostMapping("/trips/{id}/cancellation")
    TripView cancel(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return trips.cancel(Caller.current(), id, request.reason().strip());
    }

    /** 出车. */
    @PostMapping("/trips/{id}/departure")
    TripView depart(@PathVariable UUID id, @Valid @RequestBody DepartRequest request) {
        return trips.depart(Caller.current(), id, request.odometerKm(), request.at());
    }

    /** 回车. */
    @PostMapping("/trips/{id}/return")
    TripView returnFrom(@PathVariable UUID id, @Valid @RequestBody ReturnRequest request) {
        return trips.returnFrom(Caller.current(), id, new Trip.Return(request.odometerKm(), request.route().strip(),
                request.fuelLitres(), request.tollsYuan(), request.parkingYuan()), request.at());
    }

    /** 结算. */
    @PostMapping("/trips/{id}/closing")
    TripView complete(@PathVariable UUID id, @Valid @RequestBody(required = false) CloseTripRequest request) {
        CloseTripRequest r = request == null ? new CloseTripRequest(null, null, null) : request;
        return trips.complete(Caller.current(), id, r.fuelPricePerLitre(), r.otherCostYuan(), NoteRequest.clean(r.note()));
    }

    @GetMapping("/trips/{id}")
    TripView get(@PathVariable UUID id) {
        return trips.get(Caller.current(), id);
    }

    @GetMapping("/trips")
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(required = false) TripStatus status,
                      @RequestParam(required = false) UUID vehicle,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        var result = trips.list(Caller.current(), town, status, vehicle, page, size);
        return new PageResponse(result.getContent(), page, size, result.getTotalElements());
    }

    /** The publishable trip log (出车登记) of settled trips; default: this year so far. */
    @GetMapping("/trip-log")
    List<TripService.TripLogLine> log(@RequestParam(required = false) String town,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
        LocalDate end = to != null ? to : today;
        return trips.log(Caller.current(), town, from != null ? from : end.withDayOfYear(1), end);
    }

    /**
     * @param purpose        事由
     * @param destination    目的地
     * @param passengers     乘车人, by name (optional)
     * @param passengerCount how many ride besides the driver
     * @param plannedStart   ISO instant, e.g. {@code 2019-10-09T09:00:00+08:00}
     */
    record RequestTripRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotBlank @Size(max = 500) String purpose,
            @NotBlank @Size(max = 200) String destination,
            @Size(max = 60) List<@NotBlank @Size(max = 30) @Pattern(regexp = "[^、]+", message = "must not contain 、") String> passengers,
            @NotNull @Min(0) @Max(60) Integer passengerCount,
            @NotNull Instant plannedStart,
            @NotNull Instant plannedEnd) {
        Trip.Plan plan() {
            return new Trip.Plan(purpose.strip(), destination.strip(), passengers == null ? List.of()
                    : passengers.stream().map(String::strip).toList(), passengerCount, plannedStart, plannedEnd);
        }
    }

    record ChangeTripRequest(
            @NotBlank @Size(max = 500) String purpose,
            @NotBlank @Size(max = 200) String destination,
            @Size(max = 60) List<@NotBlank @Size(max = 30) @Pattern(regexp = "[^、]+", message = "must not contain 、") String> passengers,
            @NotNull @Min(0) @Max(60) Integer passengerCount,
            @NotNull Instant plannedStart,
            @NotNull Instant plannedEnd,
            @NotBlank @Size(max = 500) String reason) {
        Trip.Plan plan() {
            return new Trip.Plan(purpose.strip(), destination.strip(), passengers == null ? List.of()
                    : passengers.stream().map(String::strip).toList(), passengerCount, plannedStart, plannedEnd);
        }
    }

    record DispatchTripRequest(@NotNull UUID vehicleId, @NotNull UUID driverId, @Size(max = 500) String note) {
    }

    /** @param at when it left; omitted: now */
    record DepartRequest(@NotNull @Min(0) @Max(9_999_999) Long odometerKm, Instant at) {
    }

    /**
     * @param fuelLitres fuel used on the trip; omitted: estimated from the distance and the vehicle's norm
     * @param at         when it came back; omitted: now
     */
    record ReturnRequest(
            @NotNull @Min(0) @Max(9_999_999) Long odometerKm,
            @NotBlank @Size(max = 1000) String route,
            @DecimalMin("0") @DecimalMax("9999") @Digits(integer = 4, fraction = 2) BigDecimal fuelLitres,
            @DecimalMin("0") @DecimalMax("99999") @Digits(integer = 5, fraction = 2) BigDecimal tollsYuan,
            @DecimalMin("0") @DecimalMax("99999") @Digits(integer = 5, fraction = 2) BigDecimal parkingYuan,
            Instant at) {
    }

    /** @param fuelPricePerLitre omitted: the configured price ({@code zhenwu.fleet.trips.fuel-price-per-litre}) */
    record CloseTripRequest(
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal fuelPricePerLitre,
            @DecimalMin("0") @DecimalMax("99999") @Digits(integer = 5, fraction = 2) BigDecimal otherCostYuan,
            @Size(max = 500) String note) {
    }

    record NoteRequest(@Size(max = 500) String note) {
        static String noteOf(NoteRequest request) {
            return request == null ? null : clean(request.note());
        }

        static String clean(String note) {
            return note == null || note.isBlank() ? null : note.strip();
        }
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record PageResponse(List<TripView> items, int page, int size, long total) {
    }
}
