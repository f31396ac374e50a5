package org.zhenwu.hotline.workorder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
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

/** The 12345 loop over HTTP. Each state change is a sub-resource of the order. */
@RestController
@RequestMapping("/api/hotline")
@Validated
class WorkOrderController {
    private final WorkOrderService workOrders;

    WorkOrderController(WorkOrderService workOrders) {
        this.workOrders = workOrders;
    }

    /** 受理. District agents name the town; town agents file in their own. */
    @PostMapping("/work-orders")
    @ResponseStatus(HttpStatus.CREATED)
    WorkOrderResponse accept(@Valid @RequestBody AcceptWorkOrderRequest request) {
        var intake = new Intake(request.type(), request.channel(), request.category().strip(),
                request.urgency() == null ? Urgency.NORMAL : request.urgency(), request.callerName(), request.callerPhone(),
                Boolean.TRUE.equals(request.callerConfidential()), request.location(), request.content().strip());
        return respond(workOrders.accept(Caller.current(), request.town(), intake));
    }

    /** 派单 / 改派. Without a department, the 派单目录 decides. */
    @PostMapping("/work-orders/{id}/dispatch")
    WorkOrderResponse dispatch(@PathVariable UUID id, @Valid @RequestBody DispatchRequest request) {
        return respond(workOrders.dispatch(Caller.current(), id, request.department(), request.note()));
    }

    /** 签收 by the department. */
    @PostMapping("/work-orders/{id}/signature")
    WorkOrderResponse sign(@PathVariable UUID id) {
        return respond(workOrders.sign(Caller.current(), id));
    }

    /** 退单 by the department, with a reason. */
    @PostMapping("/work-orders/{id}/return")
    WorkOrderResponse returnOrder(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return respond(workOrders.returnOrder(Caller.current(), id, request.reason().strip()));
    }

    /** 回复 by the department. */
    @PostMapping("/work-orders/{id}/reply")
    WorkOrderResponse reply(@PathVariable UUID id, @Valid @RequestBody AnswerRequest request) {
        return respond(workOrders.reply(Caller.current(), id, request.answer().strip()));
    }

    /** A consultation answered by the agent and closed at once. */
    @PostMapping("/work-orders/{id}/answer")
    WorkOrderResponse answer(@PathVariable UUID id, @Valid @RequestBody AnswerRequest request) {
        return respond(workOrders.answerAtOnce(Caller.current(), id, request.answer().strip()));
    }

    /** 回访: SATISFIED / BASICALLY_SATISFIED close the order, DISSATISFIED reopens it (重办). */
    @PostMapping("/work-orders/{id}/revisit")
    WorkOrderResponse revisit(@PathVariable UUID id, @Valid @RequestBody RevisitRequest request) {
        return respond(workOrders.revisit(Caller.current(), id, request.satisfaction(), request.note()));
    }

    /** 并单 into an earlier order on the same matter. */
    @PostMapping("/work-orders/{id}/merge")
    WorkOrderResponse merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        return respond(workOrders.merge(Caller.current(), id, request.into()));
    }

    /** 延期申请 by the department. */
    @PostMapping("/work-orders/{id}/extension-request")
    WorkOrderResponse requestExtension(@PathVariable UUID id, @Valid @RequestBody ExtensionRequest request) {
        return respond(workOrders.requestExtension(Caller.current(), id, request.days(), request.reason().strip()));
    }

    /** The hotline office approves or refuses the pending extension. */
    @PostMapping("/work-orders/{id}/extension-decision")
    WorkOrderResponse decideExtension(@PathVariable UUID id, @Valid @RequestBody ExtensionDecisionRequest request) {
        return respond(workOrders.decideExtension(Caller.current(), id, request.approve(), request.note()));
    }

    /** 催办. */
    @PostMapping("/work-orders/{id}/urge")
    WorkOrderResponse urge(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest request) {
        return respond(workOrders.urge(Caller.current(), id, request == null ? null : request.note()));
    }

    @GetMapping("/work-orders/{id}")
    WorkOrderResponse get(@PathVariable UUID id) {
        return respond(workOrders.get(Caller.current(), id));
    }

    @GetMapping("/work-orders")
    PageResponse list(@RequestParam(required = false) String town, @RequestParam(required = false) WorkOrderStatus status,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Caller caller = Caller.current();
        var result = workOrders.list(caller, town, status, page, size);
        return new PageResponse(result.getContent().stream().map(v -> WorkOrderResponse.of(v, caller)).toList(),
                page, size, Math.min(result.getTotalElements(), WorkOrderListSql.COUNT_CAP),
                result.getTotalElements() <= WorkOrderListSql.COUNT_CAP);
    }

    /** Takes the next order of a queue (urgent first, then earliest deadline); 204 when the queue is empty. */
    @PostMapping("/queues/{queue}/claims")
    ResponseEntity<WorkOrderResponse> claim(@PathVariable AgentQueue queue, @RequestParam(required = false) String town) {
        Caller caller = Caller.current();
        return workOrders.claimNext(caller, town, queue)
                .map(v -> ResponseEntity.ok(WorkOrderResponse.of(v, caller)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** Gives a claimed order back before its lease runs out. */
    @DeleteMapping("/work-orders/{id}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable UUID id) {
        workOrders.release(Caller.current(), id);
    }

    @GetMapping("/queues")
    List<WorkOrderQueue.QueueSize> queues(@RequestParam(required = false) String town) {
        return workOrders.queueSizes(Caller.current(), town);
    }

    private static WorkOrderResponse respond(WorkOrderView view) {
        return WorkOrderResponse.of(view, Caller.current());
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

    record DispatchRequest(@Size(max = 100) String department, @Size(max = 2000) String note) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record AnswerRequest(@NotBlank @Size(max = 5000) String answer) {
    }

    record RevisitRequest(@NotNull Satisfaction satisfaction, @Size(max = 2000) String note) {
    }

    record MergeRequest(@NotNull UUID into) {
    }

    record ExtensionRequest(@Min(1) @Max(60) int days, @NotBlank @Size(max = 500) String reason) {
    }

    record ExtensionDecisionRequest(@NotNull Boolean approve, @Size(max = 2000) String note) {
    }

    record NoteRequest(@Size(max = 2000) String note) {
    }

    record WorkOrderResponse(UUID id, String town, String orderNumber, WorkOrderType type, Channel channel,
                             String category, Urgency urgency, WorkOrderStatus status, String callerName,
                             String callerPhone, boolean callerConfidential, String location, String content,
                             String department, Instant acceptedAt, LocalDate dueDate, Instant repliedAt,
                             Instant closedAt, String reply, Satisfaction satisfaction, int reopenCount, UUID mergedInto,
                             Integer pendingExtensionDays, boolean escalated, int urgeCount, AgentQueue queue,
                             String leasedBy, Instant leaseUntil, List<WorkOrderView.Transition> transitions) {
        /** Callers' identity is personal data: departments see a masked phone, and nothing if they asked for confidentiality. */
        static WorkOrderResponse of(WorkOrderView o, Caller caller) {
            boolean seesCaller = caller.hasAnyRole(Roles.HOTLINE_AGENT, Roles.DISTRICT_ADMIN);
            String name = seesCaller ? o.callerName() : o.callerConfidential() ? null : mask(o.callerName());
            String phone = seesCaller ? o.callerPhone() : o.callerConfidential() ? null : maskPhone(o.callerPhone());
            return new WorkOrderResponse(o.id(), o.town(), o.orderNumber(), o.type(), o.channel(), o.category(),
                    o.urgency(), o.status(), name, phone, o.callerConfidential(), o.location(), o.content(),
                    o.department(), o.acceptedAt(), o.dueDate(), o.repliedAt(), o.closedAt(), o.reply(), o.satisfaction(),
                    o.reopenCount(), o.mergedInto(), o.pendingExtensionDays(), o.escalated(), o.urgeCount(), o.queue(),
                    o.leasedBy(), o.leaseUntil(), o.transitions());
        }

        private static String mask(String s) {
            return s == null || s.length() <= 1 ? s : s.charAt(0) + "*".repeat(s.length() - 1);
        }

        private static String maskPhone(String phone) {
            if (phone == null) {
                return null;
            }
            return phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
        }
    }

    /**
     * {@code total} counts at most {@link WorkOrderListSql#COUNT_CAP} orders; {@code totalExact} is false when more
     * match (show "5000+").
     */
    record PageResponse(List<WorkOrderResponse> items, int page, int size, long total, boolean totalExact) {
    }
}
