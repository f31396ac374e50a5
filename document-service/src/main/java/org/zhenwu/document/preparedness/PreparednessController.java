package org.zhenwu.document.preparedness;

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
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.document.preparedness.PreparednessViews.DrillView;
import org.zhenwu.document.preparedness.PreparednessViews.MaterialTotals;
import org.zhenwu.document.preparedness.PreparednessViews.MaterialView;
import org.zhenwu.document.preparedness.PreparednessViews.PlanView;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 应急准备 over HTTP: plans, drills, material distribution. */
@RestController
@RequestMapping("/api/documents/preparedness")
@Validated
class PreparednessController {
    private static final String TOWN = "\\d{9}";
    private final PreparednessService preparedness;

    PreparednessController(PreparednessService preparedness) {
        this.preparedness = preparedness;
    }

    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    PlanView registerPlan(@Valid @RequestBody PlanRequest r) {
        return preparedness.registerPlan(Caller.current(), r.town(), new PreparednessService.NewPlan(r.unit().strip(),
                r.type(), r.title().strip(), r.planVersion().strip(), r.approvedOn(), r.nextReviewOn()));
    }

    @GetMapping("/plans")
    Page<PlanView> plans(@RequestParam(required = false) String town, @RequestParam(required = false) String unit,
                         @RequestParam(required = false) PlanType type,
                         @RequestParam(required = false) PlanStatus status,
                         @RequestParam(required = false) Boolean reviewDue,
                         @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return Page.of(preparedness.listPlans(Caller.current(), town, unit, type, status, reviewDue, page, size));
    }

    @GetMapping("/plans/{id}")
    PlanView plan(@PathVariable UUID id) {
        return preparedness.getPlan(Caller.current(), id);
    }

    /** 评估; with a new {@code planVersion}, 修订. */
    @PostMapping("/plans/{id}/reviews")
    PlanView review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest r) {
        return preparedness.reviewPlan(Caller.current(), id, r.reviewedOn(), r.nextReviewOn(),
                r.planVersion() == null ? null : r.planVersion().strip(), r.approvedOn(), r.note());
    }

    /** 废止. */
    @PostMapping("/plans/{id}/retirement")
    PlanView retire(@PathVariable UUID id, @Valid @RequestBody ReasonRequest r) {
        return preparedness.retirePlan(Caller.current(), id, r.reason().strip());
    }

    @PostMapping("/drills")
    @ResponseStatus(HttpStatus.CREATED)
    DrillView recordDrill(@Valid @RequestBody DrillRequest r) {
        return preparedness.recordDrill(Caller.current(), r.town(), new EmergencyDrill.Held(r.planId(), r.type(),
                r.heldOn(), r.place().strip(), r.scenario().strip(), r.participants(), r.evaluation()));
    }

    @GetMapping("/drills")
    Page<DrillView> drills(@RequestParam(required = false) String town, @RequestParam(required = false) UUID planId,
                           @RequestParam(required = false) PlanType type,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                           LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                           LocalDate to,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return Page.of(preparedness.listDrills(Caller.current(), town, planId, type, from, to, page, size));
    }

    @GetMapping("/drills/{id}")
    DrillView drill(@PathVariable UUID id) {
        return preparedness.getDrill(Caller.current(), id);
    }

    /** Historical drills, CSV with a header row (columns: see {@link DrillImport}). */
    @PostMapping(path = "/drills/imports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importDrills(@RequestParam(required = false) String town, @RequestBody String body) {
        return preparedness.importDrills(Caller.current(), town, ImportFile.csv(body, DocumentImports.MAX_ROWS));
    }

    @PostMapping("/materials")
    @ResponseStatus(HttpStatus.CREATED)
    MaterialView distribute(@Valid @RequestBody MaterialRequest r) {
        return preparedness.distribute(Caller.current(), r.town(), r.item().strip(), r.quantity(),
                r.recipient().strip(), r.distributedOn(), r.note());
    }

    @GetMapping("/materials")
    Page<MaterialView> materials(@RequestParam(required = false) String town,
                                 @RequestParam(required = false) String item,
                                 @RequestParam(required = false) String recipient,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate to,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return Page.of(preparedness.listMaterials(Caller.current(), town, item, recipient, from, to, page, size));
    }

    /** Quantities per item, per village or unit, and per both, over a period (default: all time). */
    @GetMapping("/materials/totals")
    MaterialTotals materialTotals(@RequestParam(required = false) String town,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate to) {
        return preparedness.materialTotals(Caller.current(), town, from, to);
    }

    record PlanRequest(@Pattern(regexp = TOWN, message = "must be a 9-digit town code") String town,
                       @NotBlank @Size(max = 200) String unit, @NotNull PlanType type,
                       @NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 40) String planVersion,
                       @NotNull LocalDate approvedOn, @NotNull LocalDate nextReviewOn) {
    }

    record ReviewRequest(@NotNull LocalDate reviewedOn, @NotNull LocalDate nextReviewOn,
                         @Size(min = 1, max = 40) String planVersion, LocalDate approvedOn,
                         @Size(max = 2000) String note) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record DrillRequest(@Pattern(regexp = TOWN, message = "must be a 9-digit town code") String town, UUID planId,
                        PlanType type, @NotNull LocalDate heldOn, @NotBlank @Size(max = 200) String place,
                        @NotBlank @Size(max = 2000) String scenario,
                        @NotNull @Min(1) @Max(100_000) Integer participants,
                        @Size(max = 5000) String evaluation) {
    }

    record MaterialRequest(@Pattern(regexp = TOWN, message = "must be a 9-digit town code") String town,
                           @NotBlank @Size(max = 100) String item, @NotNull @Min(1) @Max(10_000_000) Integer quantity,
                           @NotBlank @Size(max = 200) String recipient, @NotNull LocalDate distributedOn,
                           @Size(max = 2000) String note) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
        static <T> Page<T> of(org.springframework.data.domain.Page<T> p) {
            return new Page<>(p.getContent(), p.getNumber(), p.getSize(), p.getTotalElements());
        }
    }
}
