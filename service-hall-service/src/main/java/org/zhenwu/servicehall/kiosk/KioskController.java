package org.zhenwu.servicehall.kiosk;

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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/service-hall/kiosks")
class KioskController {
    private final KioskService kiosks;

    KioskController(KioskService kiosks) {
        this.kiosks = kiosks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    KioskView register(@Valid @RequestBody RegisterKioskRequest request) {
        return kiosks.register(Caller.current(), request.town(), request.code().strip(), request.name().strip(),
                request.site().strip());
    }

    /** Out of service for good; repeating it changes nothing. */
    @PostMapping("/{id}/retirement")
    KioskView retire(@PathVariable UUID id) {
        return kiosks.retire(Caller.current(), id);
    }

    @GetMapping("/{id}")
    KioskView get(@PathVariable UUID id) {
        return kiosks.get(Caller.current(), id);
    }

    @GetMapping
    List<KioskView> list(@RequestParam(required = false) String town) {
        return kiosks.list(Caller.current(), town);
    }

    /** @param site the village (村居) or place (大型综合场所) it stands at */
    record RegisterKioskRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                    message = "may hold letters, digits, '.', '_' and '-' only") String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 200) String site) {
    }
}
