package org.zhenwu.fleet.driver;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/fleet/drivers")
@Validated
class DriverController {
    private final DriverService drivers;

    DriverController(DriverService drivers) {
        this.drivers = drivers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DriverResponse register(@Valid @RequestBody RegisterDriverRequest request) {
        var registration = new Driver.Registration(request.name().strip(), request.phone(),
                request.licenceNumber().strip().toUpperCase(Locale.ROOT), request.licenceClass(),
                request.licenceExpiresOn());
        return DriverResponse.of(drivers.register(Caller.current(), request.town(), registration));
    }

    /** 暂停派车. */
    @PostMapping("/{id}/suspension")
    DriverResponse suspend(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return DriverResponse.of(drivers.suspend(Caller.current(), id, request.reason().strip()));
    }

    @PostMapping("/{id}/reinstatement")
    DriverResponse reinstate(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest request) {
        return DriverResponse.of(drivers.reinstate(Caller.current(), id,
                request == null || request.note() == null || request.note().isBlank() ? null : request.note().strip()));
    }

    /** 离岗: final. */
    @PostMapping("/{id}/retirement")
    DriverResponse retire(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return DriverResponse.of(drivers.retire(Caller.current(), id, request.reason().strip()));
    }

    /** 换证. */
    @PostMapping("/{id}/licence-renewal")
    DriverResponse renew(@PathVariable UUID id, @Valid @RequestBody RenewLicenceRequest request) {
        return DriverResponse.of(drivers.renewLicence(Caller.current(), id, request.licenceClass(), request.licenceExpiresOn()));
    }

    @GetMapping("/{id}")
    DriverResponse get(@PathVariable UUID id) {
        return DriverResponse.of(drivers.get(Caller.current(), id));
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(required = false) DriverStatus status,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        var result = drivers.list(Caller.current(), town, status, page, size);
        return new PageResponse(result.getContent().stream().map(DriverResponse::of).toList(), page, size,
                result.getTotalElements());
    }

    /** @param licenceNumber 驾驶证号 (the holder's ID number, 18 characters) */
    record RegisterDriverRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotBlank @Size(max = 50) String name,
            @Pattern(regexp = "\\+?[0-9-]{5,20}", message = "must be a phone number") String phone,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z]{6,30}", message = "must be 6 to 30 letters or digits") String licenceNumber,
            @NotNull LicenceClass licenceClass,
            @NotNull LocalDate licenceExpiresOn) {
    }

    record RenewLicenceRequest(@NotNull LicenceClass licenceClass, @NotNull LocalDate licenceExpiresOn) {
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record NoteRequest(@Size(max = 500) String note) {
    }

    record DriverResponse(UUID id, String town, String name, String phone, String licenceNumber,
                          LicenceClass licenceClass, LocalDate licenceExpiresOn, DriverStatus status, String statusNote,
                          Instant registeredAt) {
        static DriverResponse of(Driver d) {
            return new DriverResponse(d.id(), d.townCode(), d.name(), d.phone(), d.licenceNumber(), d.licenceClass(),
                    d.licenceExpiresOn(), d.status(), d.statusNote(), d.registeredAt());
        }
    }

    record PageResponse(List<DriverResponse> items, int page, int size, long total) {
    }
}
