package org.zhenwu.servicehall.rating;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 好差评 and the rectification of 差评. */
@RestController
@RequestMapping("/api/service-hall")
@Validated
class RatingController {
    private final RatingService ratings;

    RatingController(RatingService ratings) {
        this.ratings = ratings;
    }

    /** 一事一评 of a completed application; a 差评 answers with the rectification case it opened. */
    @PostMapping("/applications/{id}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    RatingView rate(@PathVariable UUID id, @Valid @RequestBody RateRequest request) {
        var given = new Rating.Given(request.level(), blankToNull(request.comment()),
                request.channel() == null ? RatingChannel.WINDOW_PAD : request.channel(),
                blankToNull(request.raterName()), blankToNull(request.raterPhone()));
        return ratings.rate(Caller.current(), id, given);
    }

    @GetMapping("/applications/{id}/rating")
    RatingView rating(@PathVariable UUID id) {
        return ratings.ratingOf(Caller.current(), id);
    }

    @GetMapping("/rectifications/{id}")
    RectificationView get(@PathVariable UUID id) {
        return ratings.get(Caller.current(), id);
    }

    @GetMapping("/rectifications")
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(required = false) RectificationStatus status,
                      @RequestParam(defaultValue = "false") boolean overdue,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = ratings.list(Caller.current(), town, status, overdue, page, size);
        return new PageResponse(result.getContent(), page, size, result.getTotalElements());
    }

    /** 整改 by the department. */
    @PostMapping("/rectifications/{id}/rectification")
    RectificationView rectify(@PathVariable UUID id, @Valid @RequestBody RectifyRequest request) {
        return ratings.rectify(Caller.current(), id, request.measures().strip());
    }

    /** 申诉 by the department. */
    @PostMapping("/rectifications/{id}/appeal")
    RectificationView appeal(@PathVariable UUID id, @Valid @RequestBody AppealRequest request) {
        return ratings.appeal(Caller.current(), id, request.reason().strip());
    }

    /** 复核: accept the rectification (or the appeal), or send the case back. */
    @PostMapping("/rectifications/{id}/review")
    RectificationView review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
        return ratings.review(Caller.current(), id, request.accept(), blankToNull(request.note()));
    }

    /** 回访 of the named rater. */
    @PostMapping("/rectifications/{id}/return-visit")
    RectificationView returnVisit(@PathVariable UUID id, @Valid @RequestBody ReturnVisitRequest request) {
        return ratings.returnVisit(Caller.current(), id, request.satisfied(), blankToNull(request.note()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    record RateRequest(@NotNull RatingLevel level, @Size(max = 1000) String comment, RatingChannel channel,
                       @Size(max = 50) String raterName,
                       @Pattern(regexp = "\\+?[0-9-]{5,20}", message = "must be a phone number") String raterPhone) {
    }

    record RectifyRequest(@NotBlank @Size(max = 2000) String measures) {
    }

    record AppealRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record ReviewRequest(@NotNull Boolean accept, @Size(max = 2000) String note) {
    }

    record ReturnVisitRequest(@NotNull Boolean satisfied, @Size(max = 1000) String note) {
    }

    record PageResponse(List<RectificationView> items, int page, int size, long total) {
    }
}
