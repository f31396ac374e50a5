package org.zhenwu.hotline.workorder;

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
 * Historical import: {@code POST /api/hotline/work-orders/imports?town=} with a JSON-lines body
 * ({@code application/x-ndjson}) or a CSV body with a header row ({@code text/csv}). See {@link WorkOrderImportFile}.
 */
@RestController
@RequestMapping("/api/hotline/work-orders/imports")
class WorkOrderImportController {
    private final WorkOrderService workOrders;
    private final JsonMapper json;

    WorkOrderImportController(WorkOrderService workOrders, JsonMapper json) {
        this.workOrders = workOrders;
        this.json = json;
    }

    @PostMapping(consumes = "application/x-ndjson")
    @ResponseStatus(HttpStatus.CREATED)
    WorkOrderService.ImportResult importJsonLines(@RequestParam(required = false) String town, @RequestBody String body) {
        return run(town, WorkOrderImportFile.parseJsonLines(body, json));
    }

    @PostMapping(consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    WorkOrderService.ImportResult importCsv(@RequestParam(required = false) String town, @RequestBody String body) {
        return run(town, WorkOrderImportFile.parseCsv(body));
    }

    private WorkOrderService.ImportResult run(String town, WorkOrderImportFile.Parsed file) {
        file.file().rejectIfInvalid();
        return workOrders.importHistory(Caller.current(), town, file.rows());
    }
}
