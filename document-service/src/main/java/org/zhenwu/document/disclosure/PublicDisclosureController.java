package org.zhenwu.document.disclosure;

import java.util.List;
import java.util.UUID;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * 政务公开 for everyone, no token: only PUBLISHED items and only their public fields. The platform lets
 * {@code /public/**} through unauthenticated and ignores any bearer header there, so nothing here knows a caller.
 */
@RestController
@RequestMapping("/public/documents/disclosure")
@Validated
class PublicDisclosureController {
    private final DisclosureService disclosure;

    PublicDisclosureController(DisclosureService disclosure) {
        this.disclosure = disclosure;
    }

    @GetMapping
    PublicPage list(@RequestParam(required = false) String town,
                    @RequestParam(required = false) DisclosureChannel channel,
                    @RequestParam(required = false) DisclosureCategory category,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var result = disclosure.publicPage(town, channel, category, page, size);
        return new PublicPage(result.getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    PublicDisclosureView get(@PathVariable UUID id) {
        return disclosure.publicItem(id);
    }

    record PublicPage(List<PublicDisclosureView> items, int page, int size, long total) {
    }
}
