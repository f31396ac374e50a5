package org.zhenwu.congress.member;

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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** CPPCC members (政协委员) by term (届) and sector (界别). */
@RestController
@RequestMapping("/api/congress/members")
@Validated
class MemberController {
    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MemberService.MemberView seat(@Valid @RequestBody SeatMemberRequest r) {
        return members.seat(Caller.current(), new MemberService.NewMember(r.town(), r.termNumber(), r.name().strip(),
                r.sector().strip(), blankToNull(r.party()), blankToNull(r.occupation()),
                Boolean.TRUE.equals(r.standingCommittee())));
    }

    /** Membership ended. No body. */
    @PostMapping("/{id}/end")
    MemberService.MemberView end(@PathVariable UUID id) {
        return members.end(Caller.current(), id);
    }

    @GetMapping("/{id}")
    MemberService.MemberView get(@PathVariable UUID id) {
        return members.get(Caller.current(), id);
    }

    @GetMapping
    List<MemberService.MemberView> list(@RequestParam(required = false) String town,
                                        @RequestParam(required = false) @Min(1) @Max(99) Integer term,
                                        @RequestParam(required = false) String sector) {
        return members.list(Caller.current(), town, term, blankToNull(sector));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * @param termNumber        the district CPPCC's term: 14 for 第十四届
     * @param sector            界别, e.g. 经济界, 教育界, 中共, 无党派人士
     * @param party             党派, if any
     * @param standingCommittee 常委
     */
    record SeatMemberRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                             @Min(1) @Max(99) int termNumber, @NotBlank @Size(max = 50) String name,
                             @NotBlank @Size(max = 50) String sector, @Size(max = 50) String party,
                             @Size(max = 100) String occupation, Boolean standingCommittee) {
    }
}
