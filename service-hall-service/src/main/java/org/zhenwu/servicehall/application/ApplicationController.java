package org.zhenwu.servicehall.application;

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
import org.zhenwu.servicehall.matter.MatterChannel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Applications over HTTP. Each step of the path is a sub-resource of the application. */
@RestController
@RequestMapping("/api/service-hall/applications")
@Validated
class ApplicationController {
    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    /** 收件 at a window: 201 with status ACCEPTED (受理), or AWAITING_SUPPLEMENT and the notice's missing materials. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationView submit(@Valid @RequestBody SubmitApplicationRequest request) {
        var intake = new Application.Intake(request.channel() == null ? MatterChannel.WINDOW : request.channel(),
                request.kioskId(), request.ticketId(), request.applicantName().strip(), blankToNull(request.applicantIdNumber()),
                blankToNull(request.applicantPhone()));
        return applications.submit(Caller.current(), request.town(), request.matterId(), intake,
                request.providedMaterials().stream().map(String::strip).toList());
    }

    /** 补正. */
    @PostMapping("/{id}/supplement")
    ApplicationView supplement(@PathVariable UUID id, @Valid @RequestBody SupplementRequest request) {
        return applications.supplement(Caller.current(), id, request.providedMaterials().stream().map(String::strip).toList());
    }

    /** 审批: approve. */
    @PostMapping("/{id}/approval")
    ApplicationView approve(@PathVariable UUID id, @Valid @RequestBody(required = false) ApproveRequest request) {
        return applications.decide(Caller.current(), id, ApplicationOutcome.APPROVED,
                request == null ? null : blankToNull(request.opinion()), null);
    }

    /** 审批: reject, naming the legal basis. */
    @PostMapping("/{id}/rejection")
    ApplicationView reject(@PathVariable UUID id, @Valid @RequestBody RejectRequest request) {
        return applications.decide(Caller.current(), id, ApplicationOutcome.REJECTED, request.reason().strip(),
                request.legalBasis().strip());
    }

    /** 办结. */
    @PostMapping("/{id}/completion")
    ApplicationView complete(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest request) {
        return applications.complete(Caller.current(), id, request == null ? null : blankToNull(request.note()));
    }

    /** 出件 / 送达. */
    @PostMapping("/{id}/delivery")
    ApplicationView deliver(@PathVariable UUID id, @Valid @RequestBody DeliveryRequest request) {
        return applications.deliver(Caller.current(), id, request.method(), blankToNull(request.trackingNumber()));
    }

    /** 撤回. */
    @PostMapping("/{id}/withdrawal")
    ApplicationView withdraw(@PathVariable UUID id, @Valid @RequestBody WithdrawRequest request) {
        return applications.withdraw(Caller.current(), id, request.reason().strip());
    }

    @GetMapping("/{id}")
    ApplicationView get(@PathVariable UUID id) {
        return applications.get(Caller.current(), id);
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(required = false) ApplicationStatus status,
                      @RequestParam(required = false) String department,
                      @RequestParam(required = false) ClockWarning warning,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = applications.list(Caller.current(), town, status, department, warning, page, size);
        return new PageResponse(result.getContent(), page, size, result.getTotalElements());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** @param providedMaterials the materials handed in, by their names in the matter's list */
    record SubmitApplicationRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotNull UUID matterId,
            MatterChannel channel,
            UUID kioskId,
            UUID ticketId,
            @NotBlank @Size(max = 50) String applicantName,
            @Pattern(regexp = "[0-9]{17}[0-9Xx]", message = "must be an 18-character resident ID number") String applicantIdNumber,
            @Pattern(regexp = "\\+?[0-9-]{5,20}", message = "must be a phone number") String applicantPhone,
            @NotNull @Size(max = 100) List<@NotBlank @Size(max = 200) String> providedMaterials) {
    }

    record SupplementRequest(@NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 200) String> providedMaterials) {
    }

    record ApproveRequest(@Size(max = 2000) String opinion) {
    }

    /** @param legalBasis the law and article the rejection rests on (e.g. 《行政许可法》第三十八条第二款) */
    record RejectRequest(@NotBlank @Size(max = 500) String legalBasis, @NotBlank @Size(max = 2000) String reason) {
    }

    record NoteRequest(@Size(max = 2000) String note) {
    }

    record DeliveryRequest(@NotNull DeliveryMethod method, @Size(max = 64) String trackingNumber) {
    }

    record WithdrawRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record PageResponse(List<ApplicationView> items, int page, int size, long total) {
    }
}
