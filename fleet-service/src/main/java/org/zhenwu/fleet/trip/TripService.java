package org.zhenwu.fleet.trip;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.document.v1.MeetingCancelled;
import org.zhenwu.contracts.document.v1.MeetingTransportRequested;
import org.zhenwu.contracts.fleet.v1.FleetTopics;
import org.zhenwu.contracts.fleet.v1.TripApproved;
import org.zhenwu.contracts.fleet.v1.TripCompleted;
import org.zhenwu.contracts.fleet.v1.TripDispatched;
import org.zhenwu.fleet.alert.AlertKind;
import org.zhenwu.fleet.alert.AlertService;
import org.zhenwu.fleet.driver.DriverFacts;
import org.zhenwu.fleet.driver.DriverService;
import org.zhenwu.fleet.driver.DriverStatus;
import org.zhenwu.fleet.platform.FleetRuleViolation;
import org.zhenwu.fleet.platform.UtcTimes;
import org.zhenwu.fleet.vehicle.VehicleFacts;
import org.zhenwu.fleet.vehicle.VehicleService;
import org.zhenwu.fleet.vehicle.VehicleStatus;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.KnownSourceIds;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.inbox.Inbox;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * Trips' public API. Anyone of a town requests; fleet managers and leaders approve (a sealed holiday needs a
 * leader); fleet managers dispatch, record departure and return and settle the cost; the requester or the office
 * changes or cancels. Nobody sees another town's trips.
 */
@Service
public class TripService {
    private static final String[] APPROVERS = {Roles.FLEET_MANAGER, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};
    private static final String[] LEADERS = {Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};
    private static final String[] DISPATCHERS = {Roles.FLEET_MANAGER, Roles.DISTRICT_ADMIN};
    /** A departure or return reported "now" by a device a little ahead of the server is still now. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The inbox consumer name for events of other services. */
    static final String CONSUMER = "fleet-service.trip";
    /** A meeting's trip is keyed {@code meeting:<meetingId>} in {@code source_id}. */
    static final String MEETING_SOURCE = "meeting:";
    private static final String DOCUMENT_SERVICE = "document-service";

    private final TripRepository trips;
    @PersistenceContext
    private EntityManager entityManager;
    private final TripBookings bookings;
    private final VehicleService vehicles;
    private final DriverService drivers;
    private final Jurisdictions jurisdictions;
    private final SealedDays sealedDays;
    private final TripProperties properties;
    private final AlertService alerts;
    private final Inbox inbox;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    TripService(TripRepository trips, TripBookings bookings, VehicleService vehicles, DriverService drivers,
                Jurisdictions jurisdictions, WorkingDayCalendar calendar, TripProperties properties, AlertService alerts,
                Inbox inbox, Outbox outbox, JdbcClient jdbc, Clock clock) {
        this.trips = trips;
        this.bookings = bookings;
        this.vehicles = vehicles;
        this.drivers = drivers;
        this.jurisdictions = jurisdictions;
        this.sealedDays = new SealedDays(calendar, properties.sealedDays());
        this.properties = properties;
        this.alerts = alerts;
        this.inbox = inbox;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- request and approval ---------------------------------------------------------------------------------

    /** 用车申请, by anyone of the town (district users name the town). */
    @Transactional
    public TripView request(Caller caller, String town, Trip.Plan plan) {
        String townCode = jurisdictions.townForWrite(caller, town);
        checkWindow(plan);
        Trip trip = Trip.request(UUID.randomUUID(), townCode, requester(caller), plan, touchesSealedDay(plan),
                clock.instant());
        return saved(trip);
    }

    /** 审批. */
    @Transactional
    public TripView approve(Caller caller, UUID id, String note) {
        Trip trip = forRoles(caller, id, APPROVERS);
        trip.approve(caller.subject(), caller.hasAnyRole(LEADERS), note, clock.instant());
        return saved(trip);
    }

    /** 驳回 with a reason. */
    @Transactional
    public TripView reject(Caller caller, UUID id, String reason) {
        Trip trip = forRoles(caller, id, APPROVERS);
        trip.reject(caller.subject(), reason, clock.instant());
        return saved(trip);
    }

    // ---- meetings' transport (会议用车), from document-service ------------------------------------------------

    /**
     * A meeting needs transport: a trip request waiting for the usual approval, with the meeting as its purpose and
     * the meeting's contact as requester. One request per meeting: a rescheduled meeting changes the plan of its
     * request (back to approval) as long as the car has not left; a redelivered event changes nothing.
     */
    @Transactional
    public void onMeetingTransportRequested(MeetingTransportRequested event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        String sourceId = MEETING_SOURCE + event.meetingId();
        Trip.Plan plan = new Trip.Plan(truncate("会议用车: " + event.title() + " (" + event.pickupPlace() + " 上车)", 500),
                truncate(event.destination() == null ? "会议地点" : event.destination(), 200), event.passengers(),
                Math.max(event.passengerCount(), event.passengers().size()), event.startsAt(), event.endsAt());
        Optional<Trip> existing = trips.findByTownCodeAndSourceId(event.jurisdiction(), sourceId);
        if (existing.isPresent()) {
            Trip trip = existing.get();
            if (trip.status().canMoveTo(TripStatus.REQUESTED)) {
                trip.change(plan, touchesSealedDay(plan), DOCUMENT_SERVICE, "会议改期", event.occurredAt());
                saved(trip);
            }
            return;
        }
        Trip.Requester contact = new Trip.Requester(DOCUMENT_SERVICE,
                event.contactName() == null ? "会务" : truncate(event.contactName(), 100), "党政办");
        saved(Trip.requestedFor(UUID.randomUUID(), event.jurisdiction(), sourceId, contact, plan,
                touchesSealedDay(plan), event.occurredAt()));
    }

    /** The meeting was cancelled: its trip request is cancelled too while nobody has approved it yet. */
    @Transactional
    public void onMeetingCancelled(MeetingCancelled event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        trips.findByTownCodeAndSourceId(event.jurisdiction(), MEETING_SOURCE + event.meetingId())
                .filter(trip -> trip.status() == TripStatus.REQUESTED)
                .ifPresent(trip -> {
                    trip.cancel(DOCUMENT_SERVICE, truncate("会议取消: " + event.reason(), 500), event.occurredAt());
                    saved(trip);
                });
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    // ---- dispatch ---------------------------------------------------------------------------------------------

    /**
     * 派车 / 改派: books a vehicle and a driver for the trip's planned window. Never two overlapping bookings of one
     * vehicle or one driver, also under concurrent dispatches in several instances: the vehicle's row and then the
     * driver's row are locked ({@code SELECT … FOR UPDATE}) before the overlap check, and held until commit; at
     * READ COMMITTED the check sees every booking committed by the previous holder of the lock.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public TripView dispatch(Caller caller, UUID id, UUID vehicleId, UUID driverId, String note) {
        Trip trip = forRoles(caller, id, DISPATCHERS);
        trip.requireCanMoveTo(TripStatus.DISPATCHED);
        VehicleFacts vehicle = vehicles.lockForBooking(trip.townCode(), vehicleId);
        DriverFacts driver = drivers.lockForBooking(trip.townCode(), driverId);
        requireAvailable(vehicle);
        if (vehicle.seats() != null && trip.passengerCount() + 1 > vehicle.seats()) {
            throw new FleetRuleViolation("not-enough-seats", "vehicleId", "Vehicle " + vehicle.plate() + " has "
                    + vehicle.seats() + " seats; the trip needs " + (trip.passengerCount() + 1) + " with the driver");
        }
        requireFit(driver, vehicle, trip);
        List<UUID> vehicleTaken = bookings.vehicleConflicts(vehicleId, trip.plannedStart(), trip.plannedEnd(), trip.id());
        if (!vehicleTaken.isEmpty()) {
            throw new FleetRuleViolation("double-booking", "vehicleId", "Vehicle " + vehicle.plate()
                    + " is already booked for part of this window").with("conflictingTrips", vehicleTaken);
        }
        List<UUID> driverTaken = bookings.driverConflicts(driverId, trip.plannedStart(), trip.plannedEnd(), trip.id());
        if (!driverTaken.isEmpty()) {
            throw new FleetRuleViolation("double-booking", "driverId", "Driver " + driver.name()
                    + " is already booked for part of this window").with("conflictingTrips", driverTaken);
        }
        trip.dispatch(new Trip.Booking(vehicleId, vehicle.plate(), driverId, driver.name()), caller.subject(), note,
                clock.instant());
        return saved(trip);
    }

    // ---- change and cancel --------------------------------------------------------------------------------------

    /** 变更: a new plan, back to approval; the booking, if any, is released. */
    @Transactional
    public TripView change(Caller caller, UUID id, Trip.Plan plan, String reason) {
        Trip trip = forRequesterOrRoles(caller, id, APPROVERS);
        checkWindow(plan);
        trip.change(plan, touchesSealedDay(plan), caller.subject(), reason, clock.instant());
        return saved(trip);
    }

    /** 取消 before departure, with a reason. */
    @Transactional
    public TripView cancel(Caller caller, UUID id, String reason) {
        Trip trip = forRequesterOrRoles(caller, id, APPROVERS);
        trip.cancel(caller.subject(), reason, clock.instant());
        return saved(trip);
    }

    // ---- on the road --------------------------------------------------------------------------------------------

    /**
     * 出车. The vehicle must be in service and neither it nor the driver still out on another trip (a trip that ran
     * over its window); both rows are locked as for a dispatch.
     *
     * @param at when it left; null for now. Recorded after the fact, it may be earlier, never later than now.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public TripView depart(Caller caller, UUID id, long odometerKm, Instant at) {
        Trip trip = forRoles(caller, id, DISPATCHERS);
        trip.requireCanMoveTo(TripStatus.DEPARTED);
        Instant when = notInFuture(at);
        VehicleFacts vehicle = vehicles.lockForBooking(trip.townCode(), trip.vehicleId());
        drivers.lockForBooking(trip.townCode(), trip.driverId());
        requireAvailable(vehicle);
        List<UUID> vehicleOut = bookings.vehicleOut(trip.vehicleId(), trip.id());
        if (!vehicleOut.isEmpty()) {
            throw new FleetRuleViolation("vehicle-still-out", "vehicleId", "Vehicle " + vehicle.plate()
                    + " has not come back from another trip").with("conflictingTrips", vehicleOut);
        }
        List<UUID> driverOut = bookings.driverOut(trip.driverId(), trip.id());
        if (!driverOut.isEmpty()) {
            throw new FleetRuleViolation("driver-still-out", "driverId", "Driver " + trip.driverName()
                    + " has not come back from another trip").with("conflictingTrips", driverOut);
        }
        trip.depart(odometerKm, caller.subject(), when);
        checkOdometer(trip, vehicle, odometerKm);
        if (sealedDays.isSealed(when)) {
            checkHolidayUse(trip);
        }
        vehicles.recordOdometer(vehicle.id(), odometerKm);
        return saved(trip);
    }

    /** 回车: odometer, route, fuel (estimated from the norm when not reported), tolls and parking. */
    @Transactional
    public TripView returnFrom(Caller caller, UUID id, Trip.Return report, Instant at) {
        Trip trip = forRoles(caller, id, DISPATCHERS);
        trip.requireCanMoveTo(TripStatus.RETURNED);
        Instant when = notInFuture(at);
        VehicleFacts vehicle = vehicles.facts(trip.townCode(), trip.vehicleId()).orElseThrow();
        trip.returnFrom(report, vehicle.fuelPer100kmNorm(), caller.subject(), when);
        if (!sealedDays.sealedDaysIn(trip.departedAt(), when.plusNanos(1)).isEmpty()) {
            checkHolidayUse(trip);
        }
        vehicles.recordOdometer(vehicle.id(), report.odometerKm());
        return saved(trip);
    }

    /** 结算: the trip's cost; the trip enters the published log and the annual figures. */
    @Transactional
    public TripView complete(Caller caller, UUID id, BigDecimal fuelPricePerLitre, BigDecimal otherCostYuan, String note) {
        Trip trip = forRoles(caller, id, DISPATCHERS);
        trip.complete(fuelPricePerLitre == null ? properties.fuelPricePerLitre() : fuelPricePerLitre, otherCostYuan,
                caller.subject(), note, clock.instant());
        return saved(trip);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public TripView get(Caller caller, UUID id) {
        return TripView.withTrail(find(caller, id));
    }

    @Transactional(readOnly = true)
    public Page<TripView> list(Caller caller, String town, TripStatus status, UUID vehicleId, int page, int size) {
        var scope = jurisdictions.readScope(caller, town).codes();
        var pageable = PageRequest.of(page, size);
        Page<Trip> result;
        if (vehicleId != null) {
            result = trips.findByTownCodeInAndVehicleIdOrderByPlannedStartDescIdAsc(scope, vehicleId, pageable);
        } else if (status != null) {
            result = trips.findByTownCodeInAndStatusOrderByPlannedStartDescIdAsc(scope, status, pageable);
        } else {
            result = trips.findByTownCodeInOrderByPlannedStartDescIdAsc(scope, pageable);
        }
        return result.map(TripView::of);
    }

    /**
     * The trip log (出车登记) that may be published: every settled trip that left in [from, to] (Beijing dates) with
     * its time, reason, place, mileage, fuel and cost, in order of departure.
     */
    @Transactional(readOnly = true)
    public List<TripLogLine> log(Caller caller, String town, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        return jdbc.sql("""
                SELECT id, town_code, plate, driver_name, purpose, destination, passenger_count, departed_at, returned_at,
                       return_odometer_km - departure_odometer_km AS distance_km, route, fuel_litres, cost_yuan, holiday_use
                FROM trip WHERE town_code IN (:towns) AND status = 'COMPLETED' AND departed_at >= :from AND departed_at < :to
                ORDER BY departed_at, id""")
                .param("towns", towns)
                .param("from", UtcTimes.param(from.atStartOfDay(WorkingDayCalendar.ZONE).toInstant()))
                .param("to", UtcTimes.param(to.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant()))
                .query((rs, i) -> new TripLogLine(UUID.fromString(rs.getString("id")), rs.getString("town_code"),
                        rs.getString("plate"), rs.getString("driver_name"), rs.getString("purpose"),
                        rs.getString("destination"), rs.getInt("passenger_count"), UtcTimes.read(rs, "departed_at"),
                        UtcTimes.read(rs, "returned_at"), rs.getLong("distance_km"), rs.getString("route"),
                        rs.getBigDecimal("fuel_litres"), rs.getBigDecimal("cost_yuan"), rs.getBoolean("holiday_use")))
                .list();
    }

    // ---- historical import ----------------------------------------------------------------------------------------

    /**
     * Brings in past trips: each row's history is replayed through the state machine with its own times and the
     * same booking check as a live dispatch (plus the vehicle's and driver's actual use), and settled trips are
     * announced like live ones so the annual figures count them. All or nothing; rows whose source id the town
     * already has are skipped, so a file can be sent again. Imported trips raise no alerts: alerts are for the office
     * to act on now.
     * <p>
     * Per file, not per trip: each vehicle and driver is looked up and locked once, the stored trips that could clash
     * with the file's are read once and the check runs in memory ({@link ImportBookings}) against them and the
     * file's earlier trips; the trips go in multi-row inserts ({@link TripRows}), each vehicle's odometer is raised
     * once. Nothing is written until every row has replayed.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ImportResult importHistory(Caller caller, String town, List<TripImportFile.Row> rows) {
        caller.requireAnyRole(DISPATCHERS);
        String townCode = jurisdictions.townForWrite(caller, town);
        String actor = "import:" + caller.subject();
        Set<String> known = KnownSourceIds.of(rows.stream().map(TripImportFile.Row::sourceId).toList(),
                ids -> trips.knownSourceIds(townCode, ids));
        List<TripImportFile.Row> fresh = rows.stream().filter(row -> known.add(row.sourceId())).toList();
        if (fresh.isEmpty()) {
            return new ImportResult(0, rows.size());
        }
        // the register, once per file: each vehicle and driver looked up and locked once (in id order)
        Map<String, Optional<VehicleFacts>> byPlate = new HashMap<>();
        Map<String, Optional<DriverFacts>> byLicence = new HashMap<>();
        Instant from = null;
        Instant to = null;
        for (TripImportFile.Row row : fresh) {
            if (row.status() != TripStatus.CANCELLED) {
                byPlate.computeIfAbsent(row.plate(), plate -> vehicles.byPlate(townCode, plate));
                byLicence.computeIfAbsent(row.driverLicence(), licence -> drivers.byLicenceNumber(townCode, licence));
                from = earliest(from, earliest(row.plannedStart(), row.departedAt()));
                to = latest(to, latest(row.plannedEnd(), row.returnedAt()));
            }
        }
        Map<UUID, VehicleFacts> vehicleById = new TreeMap<>();
        byPlate.values().forEach(v -> v.ifPresent(f -> vehicleById.put(f.id(), f)));
        Map<UUID, DriverFacts> driverById = new TreeMap<>();
        byLicence.values().forEach(d -> d.ifPresent(f -> driverById.put(f.id(), f)));
        vehicleById.keySet().forEach(id -> vehicles.lockForBooking(townCode, id));
        driverById.keySet().forEach(id -> drivers.lockForBooking(townCode, id));
        ImportBookings booked = ImportBookings.load(jdbc, vehicleById.keySet(), driverById.keySet(), from, to);

        List<RowError> errors = new ArrayList<>();
        List<Trip> imported = new ArrayList<>(fresh.size());
        Map<UUID, Long> odometers = new HashMap<>();
        for (TripImportFile.Row row : fresh) {
            try {
                Trip trip = replay(townCode, row, actor, byPlate, byLicence, booked);
                booked.add(trip);
                imported.add(trip);
                if (trip.vehicleId() != null && row.returnOdometerKm() != null) {
                    odometers.merge(trip.vehicleId(), row.returnOdometerKm(), Math::max);
                }
            } catch (InvalidFieldException e) {
                errors.add(new RowError(row.line(), e.field(), e.getMessage()));
            } catch (FleetRuleViolation e) {
                errors.add(new RowError(row.line(), e.field() == null ? "status" : e.field(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        TripRows.insert(jdbc, imported);
        imported.forEach(trip -> publish(trip, trip.vehicleId() == null ? null : vehicleById.get(trip.vehicleId())));
        odometers.forEach(vehicles::recordOdometer);
        return new ImportResult(imported.size(), rows.size() - fresh.size());
    }

    public record ImportResult(int imported, int skipped) {
    }

    private Trip replay(String town, TripImportFile.Row row, String actor, Map<String, Optional<VehicleFacts>> byPlate,
                        Map<String, Optional<DriverFacts>> byLicence, ImportBookings booked) {
        Trip.Plan plan = new Trip.Plan(row.purpose(), row.destination(), List.of(), row.passengerCount(),
                row.plannedStart(), row.plannedEnd());
        Trip.Requester requester = new Trip.Requester("import:" + row.sourceId(),
                row.requesterName() != null ? row.requesterName() : "历史导入", row.department());
        Trip trip = Trip.imported(UUID.randomUUID(), town, row.sourceId(), requester, plan, touchesSealedDay(plan),
                row.plannedStart());
        if (row.status() == TripStatus.CANCELLED) {
            trip.cancel(actor, row.cancelReason(), row.plannedStart());
            return trip;
        }
        VehicleFacts vehicle = byPlate.get(row.plate())
                .orElseThrow(() -> new InvalidFieldException("plate", "town " + town + " has no vehicle " + row.plate()));
        DriverFacts driver = byLicence.get(row.driverLicence())
                .orElseThrow(() -> new InvalidFieldException("driverLicence", "town " + town + " has no driver with licence "
                        + row.driverLicence()));
        // the approval happened in the earlier system; the import records it as given
        trip.approve(actor, true, "历史导入", row.plannedStart());
        List<UUID> taken = booked.taken(vehicle.id(), driver.id(), row.plannedStart(), row.plannedEnd(),
                row.departedAt(), row.returnedAt(), trip.id());
        if (!taken.isEmpty()) {
            throw new FleetRuleViolation("double-booking", "plate", "The vehicle or the driver was on another trip "
                    + "at that time: " + taken);
        }
        trip.dispatch(new Trip.Booking(vehicle.id(), vehicle.plate(), driver.id(), driver.name()), actor, "历史导入",
                row.plannedStart());
        trip.depart(row.departureOdometerKm(), actor, row.departedAt());
        trip.returnFrom(new Trip.Return(row.returnOdometerKm(), row.route(), row.fuelLitres(), row.tollsYuan(),
                row.parkingYuan()), vehicle.fuelPer100kmNorm(), actor, row.returnedAt());
        trip.complete(row.fuelPricePerLitre() != null ? row.fuelPricePerLitre() : properties.fuelPricePerLitre(),
                row.otherCostYuan(), actor, "历史导入", row.returnedAt());
        return trip;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    // ---- for upkeep records ----------------------------------------------------------------------------------

    /** Whether the vehicle left on a trip in (after, until]. */
    @Transactional(readOnly = true)
    public boolean vehicleDrivenBetween(UUID vehicleId, Instant after, Instant until) {
        return jdbc.sql("SELECT COUNT(*) FROM trip WHERE vehicle_id = ? AND departed_at > ? AND departed_at <= ?")
                .params(vehicleId.toString(), UtcTimes.param(after), UtcTimes.param(until)).query(Long.class).single() > 0;
    }

    /** The highest odometer reading trips recorded for the vehicle before that moment. */
    @Transactional(readOnly = true)
    public OptionalLong highestReadingBefore(UUID vehicleId, Instant at) {
        Long km = jdbc.sql("""
                SELECT MAX(CASE WHEN returned_at < :at THEN return_odometer_km ELSE departure_odometer_km END)
                FROM trip WHERE vehicle_id = :vehicle AND departed_at < :at""")
                .param("vehicle", vehicleId.toString()).param("at", UtcTimes.param(at)).query(Long.class).optional()
                .orElse(null);
        return km == null ? OptionalLong.empty() : OptionalLong.of(km);
    }

    /** One line of the published trip log. */
    public record TripLogLine(UUID tripId, String town, String plate, String driverName, String purpose,
                              String destination, int passengerCount, Instant departedAt, Instant returnedAt,
                              long distanceKm, String route, BigDecimal fuelLitres, BigDecimal costYuan,
                              boolean holidayUse) {
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private static void requireAvailable(VehicleFacts vehicle) {
        if (vehicle.status() != VehicleStatus.AVAILABLE) {
            throw new FleetRuleViolation("vehicle-not-available", "vehicleId", "Vehicle " + vehicle.plate() + " is "
                    + vehicle.status()).with("vehicleStatus", vehicle.status().name());
        }
    }

    private static void requireFit(DriverFacts driver, VehicleFacts vehicle, Trip trip) {
        if (driver.status() != DriverStatus.ACTIVE) {
            throw new FleetRuleViolation("driver-not-available", "driverId", "Driver " + driver.name() + " is "
                    + driver.status()).with("driverStatus", driver.status().name());
        }
        LocalDate lastDay = trip.plannedEnd().atZone(WorkingDayCalendar.ZONE).toLocalDate();
        if (driver.licenceExpiresOn().isBefore(lastDay)) {
            throw new FleetRuleViolation("licence-expired", "driverId", "Driver " + driver.name()
                    + "'s licence expires on " + driver.licenceExpiresOn() + ", before the trip ends");
        }
        if (!driver.licenceClass().drives(vehicle.seats())) {
            throw new FleetRuleViolation("licence-class", "driverId", "A " + driver.licenceClass()
                    + " licence does not cover vehicle " + vehicle.plate() + " (" + vehicle.seats() + " seats)");
        }
    }

    /** The register keeps the highest reading; a departure below it, or far above it, is worth a look. */
    private void checkOdometer(Trip trip, VehicleFacts vehicle, long reading) {
        long known = vehicle.odometerKm();
        if (reading < known) {
            alerts.raise(new AlertService.NewAlert(trip.townCode(), AlertKind.ODOMETER_BACKWARDS, vehicle.id(), trip.id(),
                    trip.driverId(), vehicle.plate() + " 出车里程 " + reading + " km, 低于已登记里程 " + known + " km", null));
        } else if (reading - known > properties.odometerJumpKm()) {
            alerts.raise(new AlertService.NewAlert(trip.townCode(), AlertKind.ODOMETER_JUMP, vehicle.id(), trip.id(),
                    trip.driverId(), vehicle.plate() + " 出车里程 " + reading + " km, 比已登记里程 " + known + " km 多 "
                    + (reading - known) + " km, 其间无出车记录", null));
        }
    }

    /** Use on a sealed holiday without a leader's special approval; once per trip, at departure or return. */
    private void checkHolidayUse(Trip trip) {
        if (!trip.holidayApproved()) {
            alerts.raise(new AlertService.NewAlert(trip.townCode(), AlertKind.HOLIDAY_USE_WITHOUT_APPROVAL,
                    trip.vehicleId(), trip.id(), trip.driverId(), trip.plate() + " 节假日出车未经特别审批: "
                    + trip.purpose() + ", " + trip.destination(), "HOLIDAY_USE:" + trip.id()));
        }
    }

    private void checkWindow(Trip.Plan plan) {
        if (Duration.between(plan.plannedStart(), plan.plannedEnd()).compareTo(properties.maxWindow()) > 0) {
            throw new InvalidFieldException("plannedEnd", "a trip is planned for at most " + properties.maxWindow().toDays() + " days");
        }
    }

    private boolean touchesSealedDay(Trip.Plan plan) {
        return !sealedDays.sealedDaysIn(plan.plannedStart(), plan.plannedEnd()).isEmpty();
    }

    private Instant notInFuture(Instant at) {
        Instant now = clock.instant();
        if (at == null) {
            return now;
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidFieldException("at", "is in the future");
        }
        return at;
    }

    private static Trip.Requester requester(Caller caller) {
        return new Trip.Requester(caller.subject(), caller.name(), caller.department());
    }

    /** By primary key, then the town checked (a query by id and town cost a fifth of a dispatch's CPU in JFR). */
    private Trip find(Caller caller, UUID id) {
        List<String> towns = jurisdictions.readScope(caller, null).codes();
        return trips.findById(id).filter(t -> towns.contains(t.townCode()))
                .orElseThrow(() -> new NotFoundException("Trip", id));
    }

    private Trip forRoles(Caller caller, UUID id, String... roles) {
        caller.requireAnyRole(roles);
        return find(caller, id);
    }

    private Trip forRequesterOrRoles(Caller caller, UUID id, String... roles) {
        Trip trip = find(caller, id);
        if (!trip.requester().equals(caller.subject()) && !caller.hasAnyRole(roles)) {
            throw new ForbiddenException("Only the requester or the office may change or cancel a trip");
        }
        return trip;
    }

    private TripView saved(Trip trip) {
        // a loaded trip is written by the flush at commit; save() would merge it, cascading into its whole trail
        if (!entityManager.contains(trip)) {
            trips.save(trip);
        }
        publish(trip);
        return TripView.of(trip);
    }

    private void publish(Trip trip) {
        publish(trip, trip.vehicleId() == null ? null : vehicles.facts(trip.townCode(), trip.vehicleId()).orElse(null));
    }

    /** {@code vehicle}: the trip's vehicle as the register has it (its class goes into TripCompleted), if known. */
    private void publish(Trip trip, VehicleFacts vehicle) {
        String key = trip.id().toString();
        String town = trip.townCode();
        for (TripEvent event : trip.pullEvents()) {
            if (event instanceof TripEvent.Approved a) {
                outbox.append(FleetTopics.TRIP_EVENTS, key, TripApproved.TYPE, TripApproved.of(town, trip.id(),
                        trip.requester(), trip.purpose(), trip.destination(), trip.plannedStart(), trip.plannedEnd(),
                        trip.holidayUse(), a.approvedBy(), a.occurredAt()));
            } else if (event instanceof TripEvent.Dispatched d) {
                outbox.append(FleetTopics.TRIP_EVENTS, key, TripDispatched.TYPE, TripDispatched.of(town, trip.id(),
                        d.vehicleId(), trip.plate(), d.driverId(), trip.driverName(), trip.plannedStart(),
                        trip.plannedEnd(), d.occurredAt()));
            } else if (event instanceof TripEvent.Completed c) {
                String vehicleClass = vehicle == null ? null : vehicle.vehicleClass().name();
                outbox.append(FleetTopics.TRIP_EVENTS, key, TripCompleted.TYPE, TripCompleted.of(town, trip.id(),
                        trip.vehicleId(), trip.plate(), vehicleClass, trip.purpose(), trip.destination(),
                        trip.departedAt(), trip.returnedAt(), trip.distanceKm(), trip.fuelLitres(), trip.costYuan(),
                        trip.holidayUse(), c.occurredAt()));
            }
            // requested, rejected, changed, cancelled, departed, returned stay internal: no other service needs them yet
        }
    }
}
