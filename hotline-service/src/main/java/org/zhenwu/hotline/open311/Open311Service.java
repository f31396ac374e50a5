package org.zhenwu.hotline.open311;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.hotline.workorder.Channel;
import org.zhenwu.hotline.workorder.Urgency;
import org.zhenwu.hotline.workorder.WorkOrderType;
import org.zhenwu.hotline.workorder.Intake;
import org.zhenwu.hotline.workorder.WorkOrderService;
import org.zhenwu.hotline.workorder.WorkOrderView;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.jurisdiction.Town;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Clearance;
import org.zhenwu.platform.security.Roles;

import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 over the 12345 loop: a town's service list, and service requests that are work orders.
 * A POST is a 受理 by a system agent named after the client; reads cover only requests that came in through
 * Open311 and never carry the caller's name, phone, email or device.
 */
@Service
class Open311Service {
    /** Spec limits: at most 1000 requests per GET, over a window of at most 90 days (the default window). */
    static final int MAX_RESULTS = 1000;
    static final int MAX_WINDOW_DAYS = 90;
    private static final int MAX_DESCRIPTION = 4000;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9-]{5,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}·]+");

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Open311ApiKeys apiKeys;
    private final WorkOrderService workOrders;
    private final JsonMapper json;
    private final Clock clock;

    Open311Service(JdbcClient jdbc, Jurisdictions jurisdictions, Open311ApiKeys apiKeys, WorkOrderService workOrders,
                   JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.apiKeys = apiKeys;
        this.workOrders = workOrders;
        this.json = json;
        this.clock = clock;
    }

    /** jurisdiction_id → town code: may be left out only when the district has a single town. */
    String town(String jurisdictionId) {
        if (jurisdictionId == null || jurisdictionId.isBlank()) {
            List<Town> towns = jurisdictions.towns();
            if (towns.size() == 1) {
                return towns.get(0).code();
            }
            throw Open311Exception.badRequest("jurisdiction_id was not provided: name the town code, one of "
                    + String.join(", ", towns.stream().map(Town::code).toList()));
        }
        String code = jurisdictionId.strip();
        return jurisdictions.town(code).map(Town::code)
                .orElseThrow(() -> Open311Exception.notFound("jurisdiction_id provided was not found: " + code));
    }

    // ---- services -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    List<ServiceType> services(String town) {
        return jdbc.sql(SERVICE_COLUMNS + " WHERE town_code = ? ORDER BY service_code").param(town)
                .query((rs, i) -> serviceType(rs)).list();
    }

    @Transactional(readOnly = true)
    ServiceType service(String town, String serviceCode) {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw Open311Exception.badRequest("service_code was not provided");
        }
        return jdbc.sql(SERVICE_COLUMNS + " WHERE town_code = ? AND service_code = ?").params(town, serviceCode.strip())
                .query((rs, i) -> serviceType(rs)).optional()
                .orElseThrow(() -> Open311Exception.notFound("service_code provided was not found: " + serviceCode.strip()));
    }

    private static final String SERVICE_COLUMNS = """
            SELECT service_code, service_name, description, metadata, type, keywords, service_group, category, order_type
            FROM open311_service""";

    private static ServiceType serviceType(ResultSet rs) throws SQLException {
        return new ServiceType(rs.getString("service_code"), rs.getString("service_name"), rs.getString("description"),
                rs.getBoolean("metadata"), rs.getString("type"), rs.getString("keywords"), rs.getString("service_group"),
                rs.getString("category"), WorkOrderType.valueOf(rs.getString("order_type")));
    }

    // ---- POST requests ----------------------------------------------------------------------------------------

    /** Creates the work order (channel OPEN311) and what Open311 keeps beside it, in one transaction. */
    @Transactional
    Submitted submit(String apiKey, String jurisdictionId, NewRequest request) {
        Open311ApiKeys.Client client = apiKeys.authenticate(apiKey);
        String town = town(jurisdictionId);
        client.requireTown(town);
        ServiceType service = service(town, request.serviceCode());

        BigDecimal lat = coordinate("lat", request.lat(), 90);
        BigDecimal lng = coordinate("long", request.lng(), 180);
        if ((lat == null) != (lng == null)) {
            throw Open311Exception.badRequest("lat and long must be given together");
        }
        String address = trimmed(request.addressString());
        String addressId = trimmed(request.addressId());
        if (lat == null && address == null && addressId == null) {
            throw Open311Exception.badRequest("lat/long, address_string, or address_id were not provided");
        }
        String description = trimmed(request.description());
        max("description", description, MAX_DESCRIPTION);
        max("address_string", address, 500);
        max("address_id", addressId, 100);
        max("device_id", trimmed(request.deviceId()), 200);
        max("account_id", trimmed(request.accountId()), 100);
        String email = trimmed(request.email());
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            throw Open311Exception.badRequest("email is not an e-mail address");
        }
        String mediaUrl = trimmed(request.mediaUrl());
        if (mediaUrl != null && (mediaUrl.length() > 1000 || !mediaUrl.matches("(?i)https?://\\S+"))) {
            throw Open311Exception.badRequest("media_url must be an http(s) URL of at most 1000 characters");
        }
        String attributes = request.attributes().isEmpty() ? null : json.writeValueAsString(request.attributes());
        max("attribute[…] values", attributes, 8000);
        String name = callerName(trimmed(request.firstName()), trimmed(request.lastName()));
        String phone = phone(trimmed(request.phone()));

        String location = address != null ? address
                : lat != null ? plain(lat).toPlainString() + "," + plain(lng).toPlainString() : "address_id " + addressId;
        Caller agent = new Caller("open311:" + client.name(), client.name(), Set.of(Roles.HOTLINE_AGENT), town, null,
                Clearance.NONE);
        WorkOrderView order = workOrders.accept(agent, town, new Intake(service.orderType(), Channel.OPEN311,
                service.category(), Urgency.NORMAL, name, phone, false, abbreviate(location, 200),
                description != null ? description : service.name()));

        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO open311_request (work_order_id, town_code, service_code, client_name, lat, lng, address_string,
                    address_id, media_url, email, device_id, account_id, attributes, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(order.id().toString(), town, service.code(), client.name(), lat, lng, address, addressId, mediaUrl,
                        email, trimmed(request.deviceId()), trimmed(request.accountId()), attributes, now)
                .update();
        String token = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO open311_token (token, town_code, work_order_id, created_at) VALUES (?, ?, ?, ?)")
                .params(token, town, order.id().toString(), now).update();
        return new Submitted(order.orderNumber(), token, notice(order.orderNumber(), order.dueDate()));
    }

    // ---- GET requests -----------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    List<ServiceRequest> requests(String town, RequestQuery query) {
        StringBuilder where = new StringBuilder(" WHERE w.town_code = :town");
        Map<String, Object> params = new HashMap<>();
        params.put("town", town);
        if (!query.ids().isEmpty()) {
            where.append(" AND w.order_number IN (:ids)");
            params.put("ids", query.ids());
        } else {
            where.append(" AND w.accepted_at >= :from AND w.accepted_at <= :to");
            params.put("from", LocalDateTime.ofInstant(query.from(), ZoneOffset.UTC));
            params.put("to", LocalDateTime.ofInstant(query.to(), ZoneOffset.UTC));
            if (!query.serviceCodes().isEmpty()) {
                where.append(" AND r.service_code IN (:codes)");
                params.put("codes", query.serviceCodes());
            }
            if (query.statuses().size() == 1) {
                where.append(query.statuses().contains(ServiceRequest.OPEN)
                        ? " AND w.status NOT IN ('CLOSED', 'MERGED')" : " AND w.status IN ('CLOSED', 'MERGED')");
            }
        }
        return jdbc.sql(REQUEST_COLUMNS + where + " ORDER BY w.accepted_at DESC, w.order_number DESC LIMIT " + MAX_RESULTS)
                .params(params).query((rs, i) -> serviceRequest(rs)).list();
    }

    @Transactional(readOnly = true)
    ServiceRequest request(String town, String serviceRequestId) {
        return jdbc.sql(REQUEST_COLUMNS + " WHERE r.town_code = ? AND w.order_number = ?").params(town, serviceRequestId)
                .query((rs, i) -> serviceRequest(rs)).optional()
                .orElseThrow(() -> Open311Exception.notFound("service_request_id provided was not found: " + serviceRequestId));
    }

    /** tokens/{token}: the service_request_id a token was issued for. */
    @Transactional(readOnly = true)
    String requestIdForToken(String town, String token) {
        return jdbc.sql("""
                SELECT w.order_number FROM open311_token t JOIN work_order w ON w.id = t.work_order_id
                WHERE t.town_code = ? AND t.token = ?""").params(town, token).query(String.class).optional()
                .orElseThrow(() -> Open311Exception.notFound("token provided was not found: " + token));
    }

    private static final String REQUEST_COLUMNS = """
            SELECT w.order_number, w.status, w.reply, w.content, w.department, w.accepted_at, w.due_date,
                   (SELECT MAX(t.at) FROM work_order_transition t WHERE t.work_order_id = w.id) AS updated_at,
                   m.order_number AS merged_into, r.service_code, s.service_name, r.lat, r.lng, r.address_string,
                   r.address_id, r.media_url
            FROM open311_request r
            JOIN work_order w ON w.id = r.work_order_id
            LEFT JOIN open311_service s ON s.town_code = r.town_code AND s.service_code = r.service_code
            LEFT JOIN work_order m ON m.id = w.merged_into""";

    private static ServiceRequest serviceRequest(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        boolean closed = "CLOSED".equals(status) || "MERGED".equals(status);
        String notes = null;
        if ("MERGED".equals(status)) {
            notes = "重复诉求，已并入工单 " + rs.getString("merged_into");
        } else if ("REPLIED".equals(status) || "CLOSED".equals(status)) {
            notes = rs.getString("reply");
        }
        String number = rs.getString("order_number");
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        Instant accepted = utc(rs.getObject("accepted_at", LocalDateTime.class));
        LocalDateTime updated = rs.getObject("updated_at", LocalDateTime.class);
        return new ServiceRequest(number, closed ? ServiceRequest.CLOSED : ServiceRequest.OPEN, notes,
                rs.getString("service_name"), rs.getString("service_code"), rs.getString("content"),
                rs.getString("department"), notice(number, due), local(accepted),
                local(updated == null ? accepted : utc(updated)),
                due.atTime(23, 59, 59).atZone(WorkingDayCalendar.ZONE).toOffsetDateTime(),
                rs.getString("address_string"), rs.getString("address_id"), null,
                plain(rs.getBigDecimal("lat")), plain(rs.getBigDecimal("lng")), rs.getString("media_url"));
    }

    /** Reads the GET requests filters as the spec defines them; a bad value is a 400 naming it. */
    RequestQuery query(String ids, String serviceCodes, String startDate, String endDate, String status) {
        List<String> idList = commaList(ids);
        if (idList.size() > MAX_RESULTS) {
            throw Open311Exception.badRequest("at most " + MAX_RESULTS + " service_request_id values at once");
        }
        Set<String> statuses = new HashSet<>();
        for (String s : commaList(status)) {
            String v = s.toLowerCase(Locale.ROOT);
            if (!v.equals(ServiceRequest.OPEN) && !v.equals(ServiceRequest.CLOSED)) {
                throw Open311Exception.badRequest("status must be open or closed, not " + s);
            }
            statuses.add(v);
        }
        Instant start = dateTime("start_date", startDate, false);
        Instant end = dateTime("end_date", endDate, true);
        Duration window = Duration.ofDays(MAX_WINDOW_DAYS);
        if (start == null && end == null) {
            end = clock.instant();
            start = end.minus(window);
        } else if (start == null) {
            start = end.minus(window);
        } else if (end == null) {
            end = start.plus(window);
        }
        if (end.isBefore(start)) {
            throw Open311Exception.badRequest("end_date is before start_date");
        }
        if (Duration.between(start, end).compareTo(window) > 0) {
            throw Open311Exception.badRequest("start_date and end_date may not span more than " + MAX_WINDOW_DAYS + " days");
        }
        return new RequestQuery(idList, commaList(serviceCodes), statuses, start, end);
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private static List<String> commaList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /**
     * A W3C date-time (1994-11-05T08:15:30-05:00, …Z); a time without offset or a bare date is in the offices' zone,
     * and a bare end_date covers its whole day. A '+' sent unencoded in a query string arrives as a space.
     */
    private static Instant dateTime(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(v).atZone(WorkingDayCalendar.ZONE).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate day = LocalDate.parse(v);
                    return (endOfDay ? day.atTime(LocalTime.MAX) : day.atStartOfDay()).atZone(WorkingDayCalendar.ZONE).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw Open311Exception.badRequest(field + " is not a W3C date-time such as 2024-05-01T08:00:00+08:00: " + value);
                }
            }
        }
    }


    /** 22.8081000 → 22.8081: the column's scale is storage, not precision the client gave. */
    private static BigDecimal plain(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String notice(String orderNumber, LocalDate due) {
        return "12345 已受理，工单号 " + orderNumber + "，办理时限 " + due;
    }

    private static Instant utc(LocalDateTime column) {
        return column.toInstant(ZoneOffset.UTC);
    }

    /** Times are given in the offices' zone (Asia/Shanghai, +08:00), to the second. */
    private static OffsetDateTime local(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }

    private static BigDecimal coordinate(String field, String value, int limit) {
        String v = trimmed(value);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
                throw Open311Exception.badRequest(field + " must be between -" + limit + " and " + limit);
            }
            return d.setScale(7, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest(field + " is not a number: " + v);
        }
    }

    /** 12345 records Chinese names family name first; Latin names keep the given name first. */
    private static String callerName(String first, String last) {
        String name;
        if (first == null || last == null) {
            name = first != null ? first : last;
        } else if (CJK.matcher(first).matches() && CJK.matcher(last).matches()) {
            name = last + first;
        } else {
            name = first + " " + last;
        }
        max("first_name/last_name", name, 50);
        return name;
    }

    private static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[\\s().]", "");
        if (!PHONE.matcher(digits).matches()) {
            throw Open311Exception.badRequest("phone is not a phone number");
        }
        return digits;
    }

    private static void max(String field, String value, int length) {
        if (value != null && value.length() > length) {
            throw Open311Exception.badRequest(field + " is longer than " + length + " characters");
        }
    }

    private static String abbreviate(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length - 1) + "…";
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- shapes -----------------------------------------------------------------------------------------------

    record ServiceType(String code, String name, String description, boolean metadata, String type, String keywords,
                       String group, String category, WorkOrderType orderType) {
    }

    /** The fields of a POST, as the client sent them; {@code attributes} are the {@code attribute[code]} values. */
    record NewRequest(String serviceCode, String lat, String lng, String addressString, String addressId,
                      String description, String email, String deviceId, String accountId, String firstName,
                      String lastName, String phone, String mediaUrl, Map<String, String> attributes) {
    }

    record Submitted(String serviceRequestId, String token, String serviceNotice) {
    }

    /** A service request as Open311 shows it: no caller name, phone, email or device, ever. */
    record ServiceRequest(String id, String status, String statusNotes, String serviceName, String serviceCode,
                          String description, String agencyResponsible, String serviceNotice, OffsetDateTime requested,
                          OffsetDateTime updated, OffsetDateTime expected, String address, String addressId,
                          String zipcode, BigDecimal lat, BigDecimal lng, String mediaUrl) {
        static final String OPEN = "open";
        static final String CLOSED = "closed";
    }

    /**
     * GET requests filters. With ids, every other filter is ignored (as the spec says); otherwise the window is
     * [from, to] on the requested time.
     */
    record RequestQuery(List<String> ids, List<String> serviceCodes, Set<String> statuses, Instant from, Instant to) {
    }
}
