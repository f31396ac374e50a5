package org.zhenwu.congress.suggestion;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.platform.security.Caller;

import tools.jackson.databind.json.JsonMapper;

/**
 * Historical import: {@code POST /api/congress/suggestions/imports?town=} with a JSON-lines body
 * ({@code application/x-ndjson}) or a CSV body with a header row ({@code text/csv}). See {@link SuggestionImportFile}.
 */
@RestController
@RequestMapping("/api/congress/suggestions/imports")
class SuggestionImportController {
    private final SuggestionService suggestions;
    private final JsonMapper json;

    SuggestionImportController(SuggestionService suggestions, JsonMapper json) {
        this.suggestions = suggestions;
        this.json = json;
    }

    @PostMapping(consumes = "application/x-ndjson")
    @ResponseStatus(HttpStatus.CREATED)
    SuggestionService.ImportResult importJsonLines(@RequestParam(required = false) String town, @RequestBody String body) {
        return run(town, SuggestionImportFile.parseJsonLines(body, json));
    }

    @PostMapping(consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    SuggestionService.ImportResult importCsv(@RequestParam(required = false) String town, @RequestBody String body) {
        return run(town, SuggestionImportFile.parseCsv(body));
    }

    private SuggestionService.ImportResult run(String town, SuggestionImportFile.Parsed file) {
        file.file().rejectIfInvalid();
        return suggestions.importHistory(Caller.current(), town, file.rows());
    }
}
