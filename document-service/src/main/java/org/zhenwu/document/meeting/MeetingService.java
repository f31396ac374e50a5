package org.zhenwu.document.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.MeetingCancelled;
import org.zhenwu.contracts.document.v1.MeetingTransportRequested;
import org.zhenwu.document.element.DocumentKind;
import org.zhenwu.document.element.DocumentType;
import org.zhenwu.document.element.ElementsRequest;
import org.zhenwu.document.importing.AggregateRows;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.document.outgoing.OutgoingDocumentService;
import org.zhenwu.document.supervision.Origin;
import org.zhenwu.document.supervision.SupervisionService;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * 办会, the feature's public API. The office (clerks, leaders, the district) plans, notifies, holds and cancels
 * meetings; clerks keep the rooms and write the minutes (纪要), which become a 纪要 draft in the 发文 feature, and each
 * decision (议定事项) a supervision task (督办) — all in one transaction. A room is never booked twice for overlapping
 * times, also under concurrent requests on several instances: the room's row is locked before the overlap check.
 * A meeting that needs transport asks fleet-service for a trip ({@code document.MeetingTransportRequested}).
 */
@Service
public class MeetingService {
    private static final String[] OFFICE = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};
    private static final String[] CLERKS = {Roles.OFFICE_CLERK, Roles.DISTRICT_ADMIN};
    static final String ROOM_CONFLICTS = """
            SELECT id FROM meeting
            WHERE room_id = ? AND status <> 'CANCELLED' AND starts_at < ? AND ends_at > ? AND id <> ?
            ORDER BY starts_at, id LIMIT 10""";

    private final MeetingRepository meetings;
    private final MeetingRoomRepository rooms;
    private final OutgoingDocumentService outgoing;
    private final SupervisionService supervision;
    private final Jurisdictions jurisdictions;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    @PersistenceContext
    private EntityManager entityManager;

    MeetingService(MeetingRepository meetings, MeetingRoomRepository rooms, OutgoingDocumentService outgoing,
                   SupervisionService supervision, Jurisdictions jurisdictions, Outbox outbox, JdbcClient jdbc,
                   PlatformTransactionManager transactions, Clock clock) {
        this.meetings = meetings;
        this.rooms = rooms;
        this.outgoing = outgoing;
        this.supervision = supervision;
        this.jurisdictions = jurisdictions;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // ---- rooms -------------------------------------------------------------------------------------------------

    @Transactional
    public MeetingView.Room addRoom(Caller caller, String town, String name, int seats, String location) {
        caller.requireAnyRole(CLERKS);
        String townCode = jurisdictions.townForWrite(caller, town);
        if (rooms.existsByTownCodeAndName(townCode, name)) {
            throw new MeetingRuleViolation("room-name-taken", "Town " + townCode + " already has a room " + name);
        }
        MeetingRoom room = new MeetingRoom(UUID.randomUUID(), townCode, name, seats, location, caller.subject(),
                clock.instant());
        return MeetingView.Room.of(rooms.saveAndFlush(room));
    }

    @Transactional(readOnly = true)
    public List<MeetingView.Room> rooms(Caller caller, String town) {
        caller.requireAnyRole(OFFICE);
        return rooms.findByTownCodeInOrderByTownCodeAscNameAsc(jurisdictions.readScope(caller, town).codes()).stream()
                .map(MeetingView.Room::of).toList();
    }

    // ---- planning ----------------------------------------------------------------------------------------------

    /** 拟定: books the room for the window (never twice, see {@link #bookRoom}). */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public MeetingView schedule(Caller caller, String town, Meeting.Plan plan) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        requireAhead(plan.window());
        UUID id = UUID.randomUUID();
        if (plan.roomId() != null) {
            int attendees = plan.attendees() == null ? 0 : plan.attendees().size();
            bookRoom(townCode, plan.roomId(), plan.window(), id, attendees);
        }
        return saved(Meeting.schedule(id, townCode, plan, caller.subject(), clock.instant()));
    }

    /** 改期 / 换会场: the room is checked again, as for a new booking. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public MeetingView reschedule(Caller caller, UUID id, Meeting.Window window, UUID roomId, String place,
                                  String reason) {
        caller.requireAnyRole(OFFICE);
        Meeting m = find(caller, id);
        if (!m.status().upcoming()) {
            throw new IllegalTransitionException("Meeting", id, m.status().name(), null,
                    "A " + m.status() + " meeting is not rescheduled");
        }
        requireAhead(window);
        if (roomId != null) {
            bookRoom(m.townCode(), roomId, window, id, m.attendees().size());
        }
        m.reschedule(window, roomId, place, reason, caller.subject(), clock.instant());
        return saved(m);
    }

    /** 发会议通知. */
    @Transactional
    public MeetingView notifyAttendees(Caller caller, UUID id, String notice) {
        caller.requireAnyRole(OFFICE);
        Meeting m = find(caller, id);
        m.notifyAttendees(notice, caller.subject(), clock.instant());
        return saved(m);
    }

    /** 召开: sign-in opens. */
    @Transactional
    public MeetingView hold(Caller caller, UUID id) {
        caller.requireAnyRole(OFFICE);
        Meeting m = find(caller, id);
        m.hold(caller.subject(), clock.instant());
        return saved(m);
    }

    /** 签到, once per attendee. */
    @Transactional
    public MeetingView signIn(Caller caller, UUID id, long attendeeId) {
        caller.requireAnyRole(OFFICE);
        Meeting m = find(caller, id);
        m.signIn(attendeeId, caller.subject(), clock.instant());
        return saved(m);
    }

    /** 请假. */
    @Transactional
    public MeetingView excuse(Caller caller, UUID id, long attendeeId, String reason) {
        caller.requireAnyRole(OFFICE);
        Meeting m = find(caller, id);
        m.excuse(attendeeId, reason, caller.subject(), clock.instant());
        return saved(m);
    }

    /** 取消, with a reason: the room is free again and fleet-service hears of it. */
    @Transactional
    public MeetingView cancel(Caller caller, UUID id, String reason) {
        caller.requireAnyRole(OFFICE);
        Meeting m = find(caller, id);
        m.cancel(reason, caller.subject(), clock.instant());
        return saved(m);
    }

    // ---- minutes -----------------------------------------------------------------------------------------------

    /** What the clerk writes after the meeting: the 纪要's text and the decisions to supervise. */
    public record Minutes(String text, String issuerName, String issuerCode,
                          List<SupervisionService.NewTask> decisions) {
    }

    /**
     * 纪要: drafts the minutes as an outgoing document of type 纪要 (it then goes through 核稿, 签发 and the rest like
     * any 发文) and opens a supervision task per decision, in this transaction: all of it, or nothing.
     */
    @Transactional
    public MeetingView recordMinutes(Caller caller, UUID id, Minutes minutes) {
        caller.requireAnyRole(CLERKS);
        Meeting m = find(caller, id);
        m.requireCanMoveTo(MeetingStatus.MINUTED);
        String title = truncate(m.title() + "纪要", 300);
        UUID documentId = outgoing.draft(caller, m.townCode(), DocumentKind.DOCUMENT, new ElementsRequest(
                DocumentType.MINUTES, null, null, null, null, minutes.issuerName(), minutes.issuerCode(), null, title,
                null, minutesBody(m, minutes), null, null, null, null, null, null, null, null, null), List.of()).id();
        List<SupervisionService.NewTask> asked = minutes.decisions() == null ? List.of() : minutes.decisions();
        List<SupervisionService.NewTask> tasks = asked.stream().map(d -> new SupervisionService.NewTask(
                truncate(d.title(), 300), truncate("《" + title + "》议定事项: " + d.title(), 2000), d.ownerDepartment(),
                d.coDepartments(), d.deadline(), d.deadlineWorkingDays())).toList();
        List<UUID> taskIds = supervision.openAllFor(Origin.MEETING_DECISION, id.toString(), m.townCode(), tasks,
                "decisions", caller.subject());
        List<Meeting.Decision> made = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            made.add(new Meeting.Decision(asked.get(i).title(), asked.get(i).ownerDepartment(), taskIds.get(i)));
        }
        m.minute(documentId, made, caller.subject(), clock.instant());
        return saved(m);
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public MeetingView get(Caller caller, UUID id) {
        caller.requireAnyRole(OFFICE);
        return MeetingView.of(find(caller, id));
    }

    /** Latest first. */
    @Transactional(readOnly = true)
    public Page<MeetingView.Summary> list(Caller caller, String town, MeetingStatus status, int page, int size) {
        caller.requireAnyRole(OFFICE);
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        PageRequest p = PageRequest.of(page, size);
        Page<Meeting> result = status == null ? meetings.findByTownCodeInOrderByStartsAtDescIdAsc(towns, p)
                : meetings.findByTownCodeInAndStatusOrderByStartsAtDescIdAsc(towns, status, p);
        return result.map(MeetingView.Summary::of);
    }

    // ---- historical import -------------------------------------------------------------------------------------

    /**
     * Brings in meetings from the office's earlier registers (see {@link MeetingImport}), replayed through the state
     * machine with their own times; held ones count in the figures. All or nothing; rows whose source id the town
     * already has are skipped, so a file can be sent again. No room is booked and nothing is announced: it is past.
     */
    public ImportResult importHistory(Caller caller, String town, ImportFile file) {
        caller.requireAnyRole(CLERKS);
        String townCode = jurisdictions.townForWrite(caller, town);
        List<MeetingImport.Row> rows = MeetingImport.rows(file);
        file.rejectIfInvalid();
        return tx.execute(s -> {
            int imported = 0;
            int skipped = 0;
            List<RowError> errors = new ArrayList<>();
            Set<String> known = DocumentImports.known(rows.stream().map(MeetingImport.Row::sourceId).toList(),
                    ids -> meetings.knownSourceIds(townCode, ids));
            List<Meeting> fresh = new ArrayList<>();
            for (MeetingImport.Row row : rows) {
                if (!known.add(row.sourceId())) {
                    skipped++;
                    continue;
                }
                try {
                    fresh.add(replay(townCode, row, "import:" + caller.subject()));
                    imported++;
                } catch (InvalidFieldException e) {
                    errors.add(new RowError(row.line(), e.field(), e.getMessage()));
                }
            }
            if (!errors.isEmpty()) {
                throw new ImportRejected(errors);
            }
            AggregateRows.persist(entityManager, jdbc, fresh);
            return new ImportResult(imported, skipped);
        });
    }

    private static Meeting replay(String town, MeetingImport.Row row, String actor) {
        Instant start = row.plan().window().startsAt();
        Instant end = row.plan().window().endsAt();
        Meeting m = Meeting.imported(UUID.randomUUID(), town, row.sourceId(), row.plan(), actor, start);
        if (row.status() == MeetingStatus.CANCELLED) {
            m.cancel(row.cancelReason(), actor, start);
            m.pullEvents();
            return m;
        }
        m.notifyAttendees("历史导入", actor, start);
        m.hold(actor, start);
        m.attendees().forEach(a -> {
            if (row.onLeave().contains(a.name())) {
                a.excuse("历史导入");
            } else {
                a.signIn(actor, start);
            }
        });
        if (row.status() == MeetingStatus.MINUTED) {
            m.minute(null, List.of(), actor, end);
        }
        return m;
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    /**
     * Never two overlapping bookings of a room: its row is locked ({@code SELECT … FOR UPDATE}) before the overlap
     * check and stays locked until commit; at READ COMMITTED the check sees every booking committed by the previous
     * holder of the lock. Every meeting not cancelled holds its room for [startsAt, endsAt).
     */
    private void bookRoom(String town, UUID roomId, Meeting.Window window, UUID except, int attendees) {
        MeetingView.Room room = jdbc.sql("SELECT id, town_code, name, seats, location FROM meeting_room "
                        + "WHERE id = ? AND town_code = ? FOR UPDATE")
                .params(roomId.toString(), town)
                .query((rs, i) -> new MeetingView.Room(UUID.fromString(rs.getString("id")), rs.getString("town_code"),
                        rs.getString("name"), rs.getInt("seats"), rs.getString("location")))
                .optional()
                .orElseThrow(() -> new InvalidFieldException("roomId", "town " + town + " has no room " + roomId));
        if (attendees > room.seats()) {
            throw new InvalidFieldException("roomId", room.name() + " has " + room.seats() + " seats for "
                    + attendees + " attendees");
        }
        List<UUID> taken = jdbc.sql(ROOM_CONFLICTS)
                .params(roomId.toString(), utc(window.endsAt()), utc(window.startsAt()), except.toString())
                .query(String.class).list().stream().map(UUID::fromString).toList();
        if (!taken.isEmpty()) {
            throw new MeetingRuleViolation("room-double-booked", room.name() + " is already booked for part of "
                    + window.startsAt() + " – " + window.endsAt(), taken);
        }
    }

    private void requireAhead(Meeting.Window window) {
        if (window.startsAt().isBefore(clock.instant())) {
            throw new InvalidFieldException("startsAt", "is in the past (past meetings are imported)");
        }
    }

    private Meeting find(Caller caller, UUID id) {
        return meetings.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Meeting", id));
    }

    private MeetingView saved(Meeting m) {
        List<MeetingEvent> events = m.pullEvents();
        Meeting managed = meetings.saveAndFlush(m);
        for (MeetingEvent e : events) {
            String key = managed.id().toString();
            if (e instanceof MeetingEvent.TransportRequested t) {
                outbox.append(DocumentTopics.MEETING_EVENTS, key, MeetingTransportRequested.TYPE,
                        MeetingTransportRequested.of(managed.townCode(), managed.id(), managed.title(),
                                managed.meetingType().name(), managed.pickupPlace(), destination(managed),
                                managed.startsAt(), managed.endsAt(), managed.passengerList(),
                                managed.passengerCount() == null ? 1 : managed.passengerCount(),
                                managed.transportContact(), managed.transportPhone(), t.occurredAt()));
            } else if (e instanceof MeetingEvent.Cancelled c) {
                outbox.append(DocumentTopics.MEETING_EVENTS, key, MeetingCancelled.TYPE, MeetingCancelled.of(
                        managed.townCode(), managed.id(), managed.title(), c.reason(), managed.transportNeeded(),
                        c.occurredAt()));
            }
        }
        return MeetingView.of(managed);
    }

    /** Where the car goes: as asked, else the meeting's place, else its room (where it is, or its name). */
    private String destination(Meeting m) {
        if (m.transportDestination() != null) {
            return m.transportDestination();
        }
        if (m.place() != null || m.roomId() == null) {
            return m.place();
        }
        return rooms.findById(m.roomId()).map(r -> r.location() != null ? r.location() : r.name()).orElse(null);
    }

    private static String minutesBody(Meeting m, Minutes minutes) {
        StringBuilder body = new StringBuilder(minutes.text());
        if (minutes.decisions() != null && !minutes.decisions().isEmpty()) {
            body.append("\n\n议定事项:");
            for (int i = 0; i < minutes.decisions().size(); i++) {
                SupervisionService.NewTask d = minutes.decisions().get(i);
                body.append("\n").append(i + 1).append(". ").append(d.title()).append(" (").append(d.ownerDepartment())
                        .append(")");
            }
        }
        body.append("\n\n主持: ").append(m.host());
        return body.toString();
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
