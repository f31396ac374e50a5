package org.zhenwu.servicehall.queue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Queues, windows, tickets and the window terminal. Each state change of a ticket is a sub-resource. */
@RestController
@RequestMapping("/api/service-hall")
@Validated
class QueueController {
    private static final String QUEUE_CODE = "[A-Z]{1,2}";

    private final QueueService hall;

    QueueController(QueueService hall) {
        this.hall = hall;
    }

    // ---- set-up ---------------------------------------------------------------------------------------------

    @PostMapping("/queues")
    @ResponseStatus(HttpStatus.CREATED)
    QueueView defineQueue(@Valid @RequestBody DefineQueueRequest request) {
        return hall.defineQueue(Caller.current(), request.town(), request.code(), request.name().strip(),
                request.firstNumber() == null ? 1 : request.firstNumber(),
                request.lastNumber() == null ? 999 : request.lastNumber());
    }

    /** The town's queues with how many tickets wait in each today. */
    @GetMapping("/queues")
    List<QueueView> queues(@RequestParam(required = false) String town) {
        return hall.listQueues(Caller.current(), town);
    }

    @PostMapping("/windows")
    @ResponseStatus(HttpStatus.CREATED)
    WindowView openWindow(@Valid @RequestBody OpenWindowRequest request) {
        return hall.openWindow(Caller.current(), request.town(), request.number().strip(), request.name().strip(),
                request.queues());
    }

    @PutMapping("/windows/{id}/profile")
    WindowView changeProfile(@PathVariable UUID id, @Valid @RequestBody ProfileRequest request) {
        return hall.changeProfile(Caller.current(), id, request.queues());
    }

    @GetMapping("/windows")
    List<WindowView> windows(@RequestParam(required = false) String town) {
        return hall.listWindows(Caller.current(), town);
    }

    /** The terminal's one read: current ticket, what waits next, today's history. */
    @GetMapping("/windows/{id}/terminal")
    TerminalView terminal(@PathVariable UUID id) {
        return hall.terminal(Caller.current(), id);
    }

    /** 叫号: 200 with the ticket, 204 when nothing waits in the window's queues. */
    @PostMapping("/windows/{id}/calls")
    ResponseEntity<TicketView> call(@PathVariable UUID id) {
        return hall.callNext(Caller.current(), id).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    // ---- tickets ----------------------------------------------------------------------------------------------

    /** 取号. */
    @PostMapping("/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    TicketView issue(@Valid @RequestBody IssueTicketRequest request) {
        var issue = new Ticket.Issue(request.priority() == null ? TicketPriority.NORMAL : request.priority(),
                request.greenChannelReason(), blankToNull(request.appointmentRef()),
                request.channel() == null ? TicketChannel.MACHINE : request.channel(), request.kioskId(),
                blankToNull(request.applicantName()), blankToNull(request.applicantPhone()));
        return hall.issue(Caller.current(), request.town(), request.queue(), issue);
    }

    @GetMapping("/tickets/{id}")
    TicketView get(@PathVariable UUID id) {
        return hall.get(Caller.current(), id);
    }

    /** A day's tickets (default today), in issue order. */
    @GetMapping("/tickets")
    List<TicketView> list(@RequestParam(required = false) String town,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                          @RequestParam(required = false) TicketStatus status,
                          @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return hall.list(Caller.current(), town, day, status, limit);
    }

    @PostMapping("/tickets/{id}/recalls")
    TicketView recall(@PathVariable UUID id) {
        return hall.recall(Caller.current(), id);
    }

    @PostMapping("/tickets/{id}/arrival")
    TicketView arrive(@PathVariable UUID id) {
        return hall.arrive(Caller.current(), id);
    }

    @PostMapping("/tickets/{id}/no-show")
    TicketView noShow(@PathVariable UUID id) {
        return hall.noShow(Caller.current(), id);
    }

    @PostMapping("/tickets/{id}/completion")
    TicketView finish(@PathVariable UUID id) {
        return hall.finish(Caller.current(), id);
    }

    @PostMapping("/tickets/{id}/transfer")
    TicketView transfer(@PathVariable UUID id, @Valid @RequestBody TransferRequest request) {
        return hall.transfer(Caller.current(), id, request.queue(), blankToNull(request.note()));
    }

    @PostMapping("/tickets/{id}/cancellation")
    TicketView cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request) {
        return hall.cancel(Caller.current(), id, request.reason().strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    record DefineQueueRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotNull @Pattern(regexp = QUEUE_CODE, message = "must be one or two capital letters") String code,
            @NotBlank @Size(max = 100) String name,
            @Min(0) @Max(9999) Integer firstNumber,
            @Min(0) @Max(9999) Integer lastNumber) {
    }

    record OpenWindowRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotBlank @Size(max = 20) String number,
            @NotBlank @Size(max = 100) String name,
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = QUEUE_CODE, message = "must be a queue code") String> queues) {
    }

    record ProfileRequest(
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = QUEUE_CODE, message = "must be a queue code") String> queues) {
    }

    record IssueTicketRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotNull @Pattern(regexp = QUEUE_CODE, message = "must be a queue code") String queue,
            TicketPriority priority,
            GreenChannelReason greenChannelReason,
            @Size(max = 64) String appointmentRef,
            TicketChannel channel,
            UUID kioskId,
            @Size(max = 50) String applicantName,
            @Pattern(regexp = "\\+?[0-9-]{5,20}", message = "must be a phone number") String applicantPhone) {
    }

    record TransferRequest(@NotNull @Pattern(regexp = QUEUE_CODE, message = "must be a queue code") String queue,
                           @Size(max = 500) String note) {
    }

    record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
