package org.zhenwu.servicehall.application;

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
 * Historical import: {@code POST /api/service-hall/applications/imports?town=} with a JSON-lines body
 * ({@code application/x-ndjson}) or a CSV body with a header row ({@code text/csv}). See {@link ApplicationImportFile}.
 */
@RestController
@RequestMapping("/api/service-hall/applications/imports")
class ApplicationImportController {
    private final ApplicationService applications;
    private final JsonMapper json;

    ApplicationImportController(ApplicationService applications, JsonMapper json) {
        this.applications = applications;
        this.json = json;
    }

    @PostMapping(consumes = "application/x-ndjson")
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationService.ImportResult importJsonLines(@RequestParam(required = false) String town, @RequestBody String body) {
        return run(town, ApplicationImportFile.parseJsonLines(body, json));
    }

    @PostMapping(consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationService.ImportResult importCsv(@RequestParam(required = false) String town, @RequestBody String body) {
        return run(town, ApplicationImportFile.parseCsv(body));
    }

    private ApplicationService.ImportResult run(String town, ApplicationImportFile.Parsed file) {
        file.file().rejectIfInvalid();
        return applications.importHistory(Caller.current(), town, file.rows());
    }
}
