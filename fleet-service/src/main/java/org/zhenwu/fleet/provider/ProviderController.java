package org.zhenwu.fleet.provider;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/fleet/providers")
class ProviderController {
    private final ProviderService providers;

    ProviderController(ProviderService providers) {
        this.providers = providers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProviderResponse register(@Valid @RequestBody RegisterProviderRequest request) {
        return ProviderResponse.of(providers.register(Caller.current(), request.town(), request.kind(),
                request.name().strip(), request.contractNumber(), request.contractFrom(), request.contractTo()));
    }

    /** The contract ends early. */
    @PostMapping("/{id}/termination")
    ProviderResponse terminate(@PathVariable UUID id, @Valid @RequestBody TerminateRequest request) {
        return ProviderResponse.of(providers.terminate(Caller.current(), id, request.on(), request.reason().strip()));
    }

    @GetMapping("/{id}")
    ProviderResponse get(@PathVariable UUID id) {
        return ProviderResponse.of(providers.get(Caller.current(), id));
    }

    @GetMapping
    List<ProviderResponse> list(@RequestParam(required = false) String town,
                                @RequestParam(required = false) ProviderKind kind) {
        return providers.list(Caller.current(), town, kind).stream().map(ProviderResponse::of).toList();
    }

    record RegisterProviderRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotNull ProviderKind kind,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 50) String contractNumber,
            @NotNull LocalDate contractFrom,
            @NotNull LocalDate contractTo) {
    }

    /** @param on the first day the provider is no longer designated; omitted: today */
    record TerminateRequest(LocalDate on, @NotBlank @Size(max = 500) String reason) {
    }

    record ProviderResponse(UUID id, String town, ProviderKind kind, String name, String contractNumber,
                            LocalDate contractFrom, LocalDate contractTo, ProviderStatus status, LocalDate terminatedOn,
                            String terminationReason) {
        static ProviderResponse of(Provider p) {
            return new ProviderResponse(p.id(), p.townCode(), p.kind(), p.name(), p.contractNumber(), p.contractFrom(),
                    p.contractTo(), p.status(), p.terminatedOn(), p.terminationReason());
        }
    }
}
