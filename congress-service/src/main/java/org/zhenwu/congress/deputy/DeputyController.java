package org.zhenwu.congress.deputy;

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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Terms (届) and the deputies elected for them. */
@RestController
@RequestMapping("/api/congress")
class DeputyController {
    private final DeputyService deputies;

    DeputyController(DeputyService deputies) {
        this.deputies = deputies;
    }

    @PostMapping("/terms")
    @ResponseStatus(HttpStatus.CREATED)
    DeputyService.TermView openTerm(@Valid @RequestBody OpenTermRequest request) {
        return deputies.openTerm(Caller.current(), request.town(), request.number(), request.startsOn(), request.endsOn());
    }

    @GetMapping("/terms")
    List<DeputyService.TermView> terms(@RequestParam(required = false) String town) {
        return deputies.terms(Caller.current(), town);
    }

    @GetMapping("/terms/{id}")
    DeputyService.TermView term(@PathVariable UUID id) {
        return deputies.term(Caller.current(), id);
    }

    @PostMapping("/deputies")
    @ResponseStatus(HttpStatus.CREATED)
    DeputyService.DeputyView register(@Valid @RequestBody RegisterDeputyRequest r) {
        return deputies.register(Caller.current(), new DeputyService.NewDeputy(r.town(), r.termId(), r.name().strip(),
                r.constituency().strip(), r.delegation() == null ? null : r.delegation().strip(),
                r.occupation() == null ? null : r.occupation().strip(), Boolean.TRUE.equals(r.presidiumMember())));
    }

    /** 终止代表资格. No body. */
    @PostMapping("/deputies/{id}/end")
    DeputyService.DeputyView end(@PathVariable UUID id) {
        return deputies.end(Caller.current(), id);
    }

    @GetMapping("/deputies/{id}")
    DeputyService.DeputyView get(@PathVariable UUID id) {
        return deputies.get(Caller.current(), id);
    }

    @GetMapping("/deputies")
    List<DeputyService.DeputyView> list(@RequestParam(required = false) String town,
                                        @RequestParam(required = false) UUID termId) {
        return deputies.list(Caller.current(), town, termId);
    }

    /** @param number 17 for 第十七届 */
    record OpenTermRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                           @Min(1) @Max(99) int number, @NotNull LocalDate startsOn, LocalDate endsOn) {
    }

    /**
     * @param constituency 选区
     * @param delegation   代表团 (or 代表小组)
     */
    record RegisterDeputyRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                                 @NotNull UUID termId, @NotBlank @Size(max = 50) String name,
                                 @NotBlank @Size(max = 100) String constituency, @Size(max = 100) String delegation,
                                 @Size(max = 100) String occupation, Boolean presidiumMember) {
    }
}
