package org.zhenwu.hotline.catalogue;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/hotline/dispatch-rules")
class DispatchCatalogueController {
    private final DispatchCatalogue catalogue;

    DispatchCatalogueController(DispatchCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    List<DispatchCatalogue.DispatchRule> list(@RequestParam(required = false) String town) {
        return catalogue.list(Caller.current(), town);
    }

    /** Creates or replaces the rule for a category. */
    @PutMapping
    DispatchCatalogue.DispatchRule put(@Valid @RequestBody PutDispatchRuleRequest request) {
        return catalogue.put(Caller.current(), request.town(), request.category().strip(), request.department().strip());
    }

    record PutDispatchRuleRequest(String town, @NotBlank @Size(max = 100) String category,
                                  @NotBlank @Size(max = 100) String department) {
    }
}
