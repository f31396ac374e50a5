package org.zhenwu.hotline.open311;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.zhenwu.hotline.open311.Open311Service.ServiceRequest;
import org.zhenwu.hotline.open311.Open311Writer.Format;
import org.zhenwu.hotline.open311.Open311Writer.Items;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2). Every resource comes in XML and JSON by its extension;
 * POST takes form fields and an {@code api_key}, reads need none. {@code jurisdiction_id} is the town code.
 */
@RestController
@RequestMapping("/open311")
class Open311Controller {
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this API last changed, for the discovery document. */
    static final String CHANGESET = "2026-11-26T00:00:00+08:00";
    /** W3C date-time, always with seconds and offset (OffsetDateTime#toString drops zero seconds). */
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Open311Service open311;
    private final Open311Writer writer;
    private final Open311Properties properties;

    Open311Controller(Open311Service open311, Open311Writer writer, Open311Properties properties) {
        this.open311 = open311;
        this.writer = writer;
        this.properties = properties;
    }

    @GetMapping({"/discovery.{format}", "/v2/discovery.{format}"})
    ResponseEntity<String> discovery(@PathVariable String format) {
        Format f = Format.of(format);
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2/").toUriString());
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", properties.endpointType());
        endpoint.put("formats", new Items("format", List.of("text/xml", "application/json")));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", CHANGESET);
        discovery.put("contact", properties.contact());
        discovery.put("key_service", properties.keyService());
        discovery.put("endpoints", new Items("endpoint", List.of(endpoint)));
        return writer.ok(f, "discovery", discovery);
    }

    @GetMapping("/v2/services.{format}")
    ResponseEntity<String> services(@PathVariable String format,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        Format f = Format.of(format);
        String town = open311.town(jurisdictionId);
        List<Map<String, Object>> services = open311.services(town).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service_code", s.code());
            m.put("service_name", s.name());
            m.put("description", s.description());
            m.put("metadata", s.metadata());
            m.put("type", s.type());
            m.put("keywords", s.keywords());
            m.put("group", s.group());
            return m;
        }).toList();
        return writer.ok(f, "services", new Items("service", services));
    }

    /** No service asks for attributes (metadata=false), so every definition has an empty attribute list. */
    @GetMapping("/v2/services/{serviceCode}.{format}")
    ResponseEntity<String> serviceDefinition(@PathVariable String serviceCode, @PathVariable String format,
                                             @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        Format f = Format.of(format);
        var service = open311.service(open311.town(jurisdictionId), serviceCode);
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", service.code());
        definition.put("attributes", new Items("attribute", List.of()));
        return writer.ok(f, "service_definition", definition);
    }

    /**
     * Creates a service request from form fields. Answers service_request_id (the work order number) and a token
     * that {@code tokens/{token}} resolves to the same id.
     */
    @PostMapping("/v2/requests.{format}")
    ResponseEntity<String> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> form) {
        Format f = Format.of(format);
        Map<String, String> attributes = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("attribute[") && name.contains("]")) {
                String code = name.substring("attribute[".length(), name.indexOf(']'));
                attributes.merge(code, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        var submitted = open311.submit(form.getFirst("api_key"), form.getFirst("jurisdiction_id"),
                new Open311Service.NewRequest(form.getFirst("service_code"), form.getFirst("lat"), form.getFirst("long"),
                        form.getFirst("address_string"), form.getFirst("address_id"), form.getFirst("description"),
                        form.getFirst("email"), form.getFirst("device_id"), form.getFirst("account_id"),
                        form.getFirst("first_name"), form.getFirst("last_name"), form.getFirst("phone"),
                        form.getFirst("media_url"), attributes));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", submitted.serviceRequestId());
        created.put("token", submitted.token());
        created.put("service_notice", submitted.serviceNotice());
        created.put("account_id", null);
        return writer.ok(f, "service_requests", new Items("request", List.of(created)));
    }

    @GetMapping("/v2/requests.{format}")
    ResponseEntity<String> requests(@PathVariable String format,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                    @RequestParam(name = "service_request_id", required = false) String ids,
                                    @RequestParam(name = "service_code", required = false) String serviceCodes,
                                    @RequestParam(name = "start_date", required = false) String startDate,
                                    @RequestParam(name = "end_date", required = false) String endDate,
                                    @RequestParam(name = "status", required = false) String status) {
        Format f = Format.of(format);
        String town = open311.town(jurisdictionId);
        var query = open311.query(ids, serviceCodes, startDate, endDate, status);
        return writer.ok(f, "service_requests",
                new Items("request", open311.requests(town, query).stream().map(Open311Controller::request).toList()));
    }

    @GetMapping("/v2/requests/{serviceRequestId}.{format}")
    ResponseEntity<String> request(@PathVariable String serviceRequestId, @PathVariable String format,
                                   @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        Format f = Format.of(format);
        ServiceRequest found = open311.request(open311.town(jurisdictionId), serviceRequestId);
        return writer.ok(f, "service_requests", new Items("request", List.of(request(found))));
    }

    @GetMapping("/v2/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
                                 @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        Format f = Format.of(format);
        String id = open311.requestIdForToken(open311.town(jurisdictionId), token);
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("service_request_id", id);
        resolved.put("token", token);
        return writer.ok(f, "service_requests", new Items("request", List.of(resolved)));
    }

    /** Anything else under /open311 is an Open311 404, not the platform's problem+json. */
    @RequestMapping(value = "/**", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE})
    ResponseEntity<String> unknown(HttpServletRequest request) {
        throw Open311Exception.notFound("no Open311 resource " + request.getMethod() + " " + request.getRequestURI());
    }

    private static Map<String, Object> request(ServiceRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", r.id());
        m.put("status", r.status());
        m.put("status_notes", r.statusNotes());
        m.put("service_name", r.serviceName());
        m.put("service_code", r.serviceCode());
        m.put("description", r.description());
        m.put("agency_responsible", r.agencyResponsible());
        m.put("service_notice", r.serviceNotice());
        m.put("requested_datetime", W3C.format(r.requested()));
        m.put("updated_datetime", W3C.format(r.updated()));
        m.put("expected_datetime", W3C.format(r.expected()));
        m.put("address", r.address());
        m.put("address_id", r.addressId());
        m.put("zipcode", r.zipcode());
        m.put("lat", r.lat());
        m.put("long", r.lng());
        m.put("media_url", r.mediaUrl());
        return m;
    }
}
