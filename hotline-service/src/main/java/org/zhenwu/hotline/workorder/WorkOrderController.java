package org.zhenwu.hotline.workorder;

import java.time.Instant;
import java.time.LocalDate;
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
import org.zhenwu.platform.security.Roles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/hotline/work-orders")
@Validated
class WorkOrderController {
    private final WorkOrderService workOrders;

    WorkOrderController(WorkOrderService workOrders) {
        this.workOrders = workOrders;
    }

    /** 受理. District agents name the town; town agents file in their own. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WorkOrderResponse accept(@Valid @RequestBody AcceptWorkOrderRequest request) {
        Caller caller = Caller.current();
        var intake = new WorkOrder.Intake(request.type(), request.channel(), request.category().strip(),
                request.urgency() == null ? Urgency.NORMAL : request.urgency(), request.callerName(), request.callerPhone(),
                Boolean.TRUE.equals(request.callerConfidential()), request.location(), request.content().strip());
        return WorkOrderResponse.of(workOrders.accept(caller, request.town(), intake), caller, false);
    }

    /** 派单 / 改派. */
    @PostMapping("/{id}/dispatch")
    WorkOrderResponse dispatch(@PathVariable UUID id, @Valid @RequestBody DispatchWorkOrderRequest request) {
        Caller caller = Caller.current();
        return WorkOrderResponse.of(workOrders.dispatch(caller, id, request.department().strip(), request.note()), caller, false);
    }

    @GetMapping("/{id}")
    WorkOrderResponse get(@PathVariable UUID id) {
        Caller caller = Caller.current();
        return WorkOrderResponse.of(workOrders.get(caller, id), caller, true);
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Caller caller = Caller.current();
        var result = workOrders.list(caller, town, page, size);
        return new PageResponse(result.getContent().stream().map(o -> WorkOrderResponse.of(o, caller, false)).toList(),
                page, size, result.getTotalElements());
    }

    record AcceptWorkOrderRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotNull WorkOrderType type,
            @NotNull Channel channel,
            @NotBlank @Size(max = 100) String category,
            Urgency urgency,
            @Size(max = 50) String callerName,
            @Pattern(regexp = "\\+?[0-9-]{5,20}", message = "must be a phone number") String callerPhone,
            Boolean callerConfidential,
            @Size(max = 200) String location,
            @NotBlank @Size(max = 5000) String content) {
    }

    record DispatchWorkOrderRequest(@NotBlank @Size(max = 100) String department, @Size(max = 2000) String note) {
    }

    record TransitionResponse(String from, String to, String actor, String note, Instant at) {
    }

    record WorkOrderResponse(UUID id, String town, String orderNumber, WorkOrderType type, Channel channel,
                             String category, Urgency urgency, WorkOrderStatus status, String callerName,
                             String callerPhone, boolean callerConfidential, String location, String content,
                             String department, Instant acceptedAt, LocalDate dueDate,
                             List<TransitionResponse> transitions) {
        /** Callers' identity is personal data: departments see a masked phone, and nothing if they asked for confidentiality. */
        static WorkOrderResponse of(WorkOrder o, Caller caller, boolean withTrail) {
            boolean seesCaller = caller.hasAnyRole(Roles.HOTLINE_AGENT, Roles.DISTRICT_ADMIN);
            String name = seesCaller ? o.callerName() : o.callerConfidential() ? null : mask(o.callerName(), 1);
            String phone = seesCaller ? o.callerPhone() : o.callerConfidential() ? null : maskPhone(o.callerPhone());
            List<TransitionResponse> trail = withTrail ? o.transitions().stream()
                    .map(t -> new TransitionResponse(t.fromStatus() == null ? null : t.fromStatus().name(),
                            t.toStatus().name(), t.actor(), t.note(), t.at())).toList() : null;
            return new WorkOrderResponse(o.id(), o.townCode(), o.orderNumber(), o.orderType(), o.channel(), o.category(),
                    o.urgency(), o.status(), name, phone, o.callerConfidential(), o.location(), o.content(),
                    o.department(), o.acceptedAt(), o.dueDate(), trail);
        }

        private static String mask(String s, int keep) {
            return s == null || s.length() <= keep ? s : s.substring(0, keep) + "*".repeat(s.length() - keep);
        }

        private static String maskPhone(String phone) {
            if (phone == null || phone.length() < 7) {
                return phone == null ? null : "****";
            }
            return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
        }
    }

    record PageResponse(List<WorkOrderResponse> items, int page, int size, long total) {
    }
}
