package org.zhenwu.fleet.alert;

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

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/fleet/alerts")
@Validated
class AlertController {
    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    List<AlertService.AlertView> list(@RequestParam(required = false) String town,
                                      @RequestParam(required = false) AlertKind kind,
                                      @RequestParam(required = false) UUID vehicle,
                                      @RequestParam(defaultValue = "false") boolean open,
                                      @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return alerts.list(Caller.current(), town, kind, vehicle, open, limit);
    }

    /** 已核查. */
    @PostMapping("/{id}/acknowledgement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void acknowledge(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest request) {
        alerts.acknowledge(Caller.current(), id, request == null || request.note() == null || request.note().isBlank()
                ? null : request.note().strip());
    }

    record NoteRequest(@Size(max = 500) String note) {
    }
}
