package org.zhenwu.servicehall.matter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/service-hall/matters")
@Validated
class MatterController {
    private final MatterService matters;

    MatterController(MatterService matters) {
        this.matters = matters;
    }

    /** A new catalogue entry, as a draft. District users name the town; town users file in their own. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MatterResponse draft(@Valid @RequestBody CreateMatterRequest request) {
        var entry = new Matter.Entry(request.code().strip(), request.name().strip(), request.department().strip(),
                request.legalLimitDays(), request.promisedLimitDays(), request.fee().movePointRight(2).longValueExact(),
                request.channels(), request.requiredMaterials().stream().map(String::strip).toList());
        return MatterResponse.of(matters.draft(Caller.current(), request.town(), entry), false);
    }

    /** 发布 (or resume after a suspension). The body is optional. */
    @PostMapping("/{id}/publication")
    MatterResponse publish(@PathVariable UUID id, @Valid @RequestBody(required = false) PublishMatterRequest request) {
        return MatterResponse.of(matters.publish(Caller.current(), id, request == null ? null : request.note()), false);
    }

    /** 暂停. */
    @PostMapping("/{id}/suspension")
    MatterResponse suspend(@PathVariable UUID id, @Valid @RequestBody ChangeMatterRequest request) {
        return MatterResponse.of(matters.suspend(Caller.current(), id, request.reason().strip()), false);
    }

    /** 取消: for good. */
    @PostMapping("/{id}/withdrawal")
    MatterResponse withdraw(@PathVariable UUID id, @Valid @RequestBody ChangeMatterRequest request) {
        return MatterResponse.of(matters.withdraw(Caller.current(), id, request.reason().strip()), false);
    }

    @GetMapping("/{id}")
    MatterResponse get(@PathVariable UUID id) {
        return MatterResponse.of(matters.get(Caller.current(), id), true);
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(required = false) MatterStatus status,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        var result = matters.list(Caller.current(), town, status, page, size);
        return new PageResponse(result.getContent().stream().map(m -> MatterResponse.of(m, false)).toList(),
                page, size, result.getTotalElements());
    }

    /**
     * @param legalLimitDays    法定时限, working days; 0 = 即办件
     * @param promisedLimitDays 承诺时限, working days, at most the legal limit
     * @param fee               in 元, 0 when free of charge
     */
    record CreateMatterRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotBlank @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "may hold letters, digits, '.', '_' and '-' only")
            String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String department,
            @NotNull @Min(0) @Max(365) Integer legalLimitDays,
            @NotNull @Min(0) @Max(365) Integer promisedLimitDays,
            @NotNull @Size(max = 100) List<@NotBlank @Size(max = 200) String> requiredMaterials,
            @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal fee,
            @NotEmpty Set<@NotNull MatterChannel> channels) {
    }

    record PublishMatterRequest(@Size(max = 500) String note) {
    }

    record ChangeMatterRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record TransitionResponse(String from, String to, String actor, String note, Instant at) {
    }

    /** @param fee in 元 */
    record MatterResponse(UUID id, String town, String code, String name, String department, int legalLimitDays,
                          int promisedLimitDays, boolean immediate, BigDecimal fee, List<MatterChannel> channels,
                          List<String> requiredMaterials, MatterStatus status, Instant createdAt, String createdBy,
                          List<TransitionResponse> transitions) {
        static MatterResponse of(Matter m, boolean withTrail) {
            List<TransitionResponse> trail = withTrail ? m.transitions().stream()
                    .map(t -> new TransitionResponse(t.fromStatus() == null ? null : t.fromStatus().name(),
                            t.toStatus().name(), t.actor(), t.note(), t.at())).toList() : null;
            return new MatterResponse(m.id(), m.townCode(), m.code(), m.name(), m.department(), m.legalLimitDays(),
                    m.promisedLimitDays(), m.immediate(), BigDecimal.valueOf(m.feeFen(), 2), m.channels(),
                    m.requiredMaterials(), m.status(), m.createdAt(), m.createdBy(), trail);
        }
    }

    record PageResponse(List<MatterResponse> items, int page, int size, long total) {
    }
}
