package org.zhenwu.congress.budget;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.congress.deputy.DeputyService;
import org.zhenwu.contracts.congress.v1.BudgetDeviationFlagged;
import org.zhenwu.contracts.congress.v1.CongressTopics;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * 预算联网监督: the town's budget lines, their monthly execution imported from the finance office's system, the
 * deviations flagged to the presidium, deputies' questions answered by the spending departments, and the year-end
 * performance evaluation. The congress office writes; a deputy may ask as themselves; a department answers for
 * its own lines.
 */
@Service
public class BudgetService {
    static final String DEPUTY = "CONGRESS_DEPUTY";
    private static final String[] STAFF = {Roles.CONGRESS_STAFF, Roles.DISTRICT_ADMIN};

    private final BudgetLineRepository lines;
    private final BudgetInquiryRepository inquiries;
    private final DeputyService deputies;
    private final Jurisdictions jurisdictions;
    private final BudgetProperties rules;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    BudgetService(BudgetLineRepository lines, BudgetInquiryRepository inquiries, DeputyService deputies,
                  Jurisdictions jurisdictions, BudgetProperties rules, Outbox outbox, JdbcClient jdbc, Clock clock) {
        this.lines = lines;
        this.inquiries = inquiries;
        this.deputies = deputies;
        this.jurisdictions = jurisdictions;
        this.rules = rules;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record NewLine(String town, int year, String code, String name, String department, BigDecimal plannedAmount,
                   String performanceTarget) {
    }

    /** A flag raised on a line: which month's import showed it. */
    record Flag(long id, UUID lineId, String town, int year, int month, String code, String name, String department,
                String deviation, BigDecimal plannedAmount, BigDecimal spentToDate, BigDecimal executionRate,
                Instant flaggedAt) {
    }

    /** One line of a month's export: the line's code and what it spent in the month (yuan). */
    record Spent(String code, BigDecimal spent) {
    }

    record ImportOutcome(String town, int year, int month, int lines, List<Flag> flagged) {
    }

    // ---- lines and approval -------------------------------------------------------------------------------------

    @Transactional
    BudgetLine plan(Caller caller, NewLine n) {
        caller.requireAnyRole(STAFF);
        String town = jurisdictions.townForWrite(caller, n.town());
        BudgetLine line = BudgetLine.plan(UUID.randomUUID(), town, n.year(), n.code(), n.name(), n.department(),
                n.plannedAmount(), n.performanceTarget(), caller.subject());
        try {
            lines.saveAndFlush(line);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidFieldException("code", "town " + town + " already has budget line " + n.code() + " in "
                    + n.year());
        }
        return line;
    }

    /** 审查批准: the session approved the year's budget; every line of the year not yet approved is so on that day. */
    @Transactional
    int approve(Caller caller, String town, int year, LocalDate on) {
        caller.requireAnyRole(STAFF);
        String townCode = jurisdictions.townForWrite(caller, town);
        if (on.isAfter(today())) {
            throw new InvalidFieldException("approvedOn", "lies in the future");
        }
        if (on.getYear() > year) {
            throw new InvalidFieldException("approvedOn", "a " + year + " budget is approved by the end of " + year);
        }
        lockYear(townCode, year);
        int approved = 0;
        for (BudgetLine line : lines.findByTownCodeAndYearOrderByCode(townCode, year)) {
            approved += line.approve(on) ? 1 : 0;
        }
        return approved;
    }

    // ---- the monthly import -------------------------------------------------------------------------------------

    /**
     * A month's execution as the 联网监督 system exports it: the whole town's ledger for the month, so a line left
     * out spent nothing that month, and a month sent again replaces the earlier figures. Every line of the year is
     * then checked; a deviation is flagged to the presidium once per line, month and kind. All or nothing.
     */
    @Transactional
    ImportOutcome importMonth(Caller caller, String town, int year, int month, List<Spent> rows) {
        caller.requireAnyRole(STAFF);
        String townCode = jurisdictions.townForWrite(caller, town);
        if (LocalDate.of(year, month, 1).isAfter(today())) {
            throw new InvalidFieldException("month", year + "-" + month + " has not begun");
        }
        lockYear(townCode, year);
        Map<String, BudgetLine> byCode = new HashMap<>();
        List<BudgetLine> ofYear = lines.findByTownCodeAndYearOrderByCode(townCode, year);
        ofYear.forEach(l -> byCode.put(l.code(), l));
        Map<String, BigDecimal> spent = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Spent row = rows.get(i);
            if (!byCode.containsKey(row.code())) {
                throw new InvalidFieldException("lines[" + i + "].code", "no budget line " + row.code() + " in "
                        + year);
            }
            if (spent.put(row.code(), row.spent()) != null) {
                throw new InvalidFieldException("lines[" + i + "].code", row.code() + " appears twice");
            }
        }
        Instant now = clock.instant();
        List<Flag> flagged = new ArrayList<>();
        for (BudgetLine line : ofYear) {
            line.recordExecution(month, spent.get(line.code()), now);
            for (BudgetLine.Deviation d : line.deviationsAt(month, rules.underExecutionPoints())) {
                flag(line, month, d, now).ifPresent(flagged::add);
            }
        }
        lines.saveAll(ofYear);
        return new ImportOutcome(townCode, year, month, rows.size(), flagged);
    }

    private Optional<Flag> flag(BudgetLine line, int month, BudgetLine.Deviation d, Instant now) {
        BigDecimal spent = line.spentThrough(month);
        BigDecimal rate = line.executionRate(month).orElse(null);
        int inserted = jdbc.sql("""
                INSERT IGNORE INTO budget_deviation (town_code, line_id, year, month, deviation, planned_amount,
                    spent_to_date, execution_rate, flagged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(line.townCode(), line.id().toString(), line.year(), month, d.name(), line.plannedAmount(),
                        spent, rate, Timestamp.from(now)).update();
        if (inserted == 0) {
            return Optional.empty(); // flagged by an earlier import of this month
        }
        outbox.append(CongressTopics.BUDGET_EVENTS, line.id().toString(), BudgetDeviationFlagged.TYPE,
                BudgetDeviationFlagged.of(line.townCode(), line.id(), line.year(), month, line.code(), line.name(),
                        line.department(), d.name(), line.plannedAmount(), spent, rate, now));
        return Optional.of(new Flag(0, line.id(), line.townCode(), line.year(), month, line.code(), line.name(),
                line.department(), d.name(), line.plannedAmount(), spent, rate, now));
    }

    // ---- deputies' questions and the year-end evaluation ------------------------------------------------------

    /** 询问: a deputy asks as themselves, or the office enters the question naming the deputy. */
    @Transactional
    BudgetInquiry ask(Caller caller, UUID lineId, UUID deputyId, String question) {
        BudgetLine line = find(caller, lineId);
        UUID asker = askingDeputy(caller, deputyId);
        DeputyService.DeputyView d = deputies.byIds(List.of(asker)).get(asker);
        if (d == null || !d.town().equals(line.townCode()) || !d.active()) {
            throw new InvalidFieldException("deputyId", asker + " is not a seated deputy of town " + line.townCode());
        }
        BudgetInquiry inquiry = BudgetInquiry.ask(UUID.randomUUID(), line, asker, question, today(), caller.subject());
        inquiries.save(inquiry);
        return inquiry;
    }

    /** The spending department answers for its own lines; the office may enter the answer. */
    @Transactional
    BudgetInquiry answer(Caller caller, UUID inquiryId, String text) {
        BudgetInquiry inquiry = inquiries
                .findByIdAndTownCodeIn(inquiryId, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Budget inquiry", inquiryId));
        if (!caller.hasAnyRole(STAFF)) {
            caller.requireAnyRole(Roles.DEPARTMENT_HANDLER);
            if (!inquiry.department().equals(caller.department())) {
                throw new ForbiddenException("Only " + inquiry.department() + " answers for its budget line");
            }
        }
        inquiry.answer(text, caller.subject(), clock.instant());
        return inquiry;
    }

    @Transactional
    BudgetLine evaluate(Caller caller, UUID lineId, BudgetLine.EvaluationGrade grade, boolean targetMet,
                        String summary) {
        caller.requireAnyRole(STAFF);
        BudgetLine line = find(caller, lineId);
        line.evaluate(grade, targetMet, summary, today(), clock.instant());
        return line;
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    BudgetLine line(Caller caller, UUID id) {
        return find(caller, id);
    }

    @Transactional(readOnly = true)
    List<BudgetLine> lines(Caller caller, String town, int year) {
        return lines.findByTownCodeInAndYearOrderByTownCodeAscCodeAsc(jurisdictions.readScope(caller, town).codes(),
                year);
    }

    @Transactional(readOnly = true)
    List<BudgetInquiry> inquiriesOn(UUID lineId) {
        return inquiries.findByLineIdOrderByAskedOnAscIdAsc(lineId);
    }

    /** The presidium's list: every flag of the year, by month. */
    @Transactional(readOnly = true)
    List<Flag> deviations(Caller caller, String town, int year, UUID lineId) {
        return jdbc.sql("""
                SELECT d.id, d.line_id, d.town_code, d.year, d.month, l.code, l.name, l.department, d.deviation,
                       d.planned_amount, d.spent_to_date, d.execution_rate, d.flagged_at
                FROM budget_deviation d JOIN budget_line l ON l.id = d.line_id
                WHERE d.town_code IN (:towns) AND d.year = :year AND (:line IS NULL OR d.line_id = :line)
                ORDER BY d.month, l.code, d.deviation, d.id""")
                .param("towns", jurisdictions.readScope(caller, town).codes()).param("year", year)
                .param("line", lineId == null ? null : lineId.toString())
                .query((rs, i) -> new Flag(rs.getLong("id"), UUID.fromString(rs.getString("line_id")),
                        rs.getString("town_code"), rs.getInt("year"), rs.getInt("month"), rs.getString("code"),
                        rs.getString("name"), rs.getString("department"), rs.getString("deviation"),
                        rs.getBigDecimal("planned_amount"), rs.getBigDecimal("spent_to_date"),
                        rs.getBigDecimal("execution_rate"), rs.getTimestamp("flagged_at").toInstant()))
                .list();
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private BudgetLine find(Caller caller, UUID id) {
        return lines.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Budget line", id));
    }

    /** The office names the deputy; a deputy signed in asks only as themselves. */
    private static UUID askingDeputy(Caller caller, UUID named) {
        if (caller.hasAnyRole(STAFF)) {
            if (named == null) {
                throw new InvalidFieldException("deputyId", "name the deputy who asks");
            }
            return named;
        }
        caller.requireAnyRole(DEPUTY);
        UUID self;
        try {
            self = UUID.fromString(caller.subject());
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("This sign-in is not a deputy's");
        }
        if (named != null && !named.equals(self)) {
            throw new ForbiddenException("A deputy asks only in their own name");
        }
        return self;
    }

    /**
     * Imports and approvals of a town's year take its lines in id order first, so two at once run one after the
     * other (the second re-reads what the first wrote) instead of deadlocking on the month rows.
     */
    private void lockYear(String town, int year) {
        jdbc.sql("SELECT id FROM budget_line WHERE town_code = ? AND year = ? ORDER BY id FOR UPDATE")
                .params(town, year).query(String.class).list();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    }
}
