package org.zhenwu.fleet.trip;

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
 * Historical import: {@code POST /api/fleet/trips/imports?town=} with a JSON-lines body
 * ({@code application/x-ndjson}) or a CSV body with a header row ({@code text/csv}). See {@link TripImportFile}.
 */
@RestController
@RequestMapping("/api/fleet/trips/imports")
class TripImportController {
    private final TripService trips;
    private final JsonMapper json;

    TripImportController(TripService trips, JsonMapper json) {
        this.trips = trips;
        this.json = json;
    }

    @PostMapping(consumes = "application/x-ndjson")
    @ResponseStatus(HttpStatus.CREATED)
    TripService.ImportResult importJsonLines(@RequestParam(required = false) String town, @RequestBody String body) {
        return run(town, TripImportFile.parseJsonLines(body, json));
    }

    @PostMapping(consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    TripService.ImportResult importCsv(@RequestParam(required = false) String town, @RequestBody String body) {
        return run(town, TripImportFile.parseCsv(body));
    }

    private TripService.ImportResult run(String town, TripImportFile.Parsed file) {
        file.file().rejectIfInvalid();
        return trips.importHistory(Caller.current(), town, file.rows());
    }
}
