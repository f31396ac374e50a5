package org.zhenwu.congress.suggestion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.congress.v1.CongressTopics;
import org.zhenwu.contracts.congress.v1.SuggestionAssigned;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.NotFoundException;

/** The suggestions feature's public API. Every method checks the caller's town; writes also the role. */
@Service
public class SuggestionService {
    private static final String[] STAFF = {Roles.CONGRESS_STAFF, Roles.DISTRICT_ADMIN};

    private final SuggestionRepository suggestions;
    private final Jurisdictions jurisdictions;
    private final SuggestionProperties limits;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    SuggestionService(SuggestionRepository suggestions, Jurisdictions jurisdictions, SuggestionProperties limits,
                      Outbox outbox, JdbcClient jdbc, Clock clock) {
        this.suggestions = suggestions;
        this.jurisdictions = jurisdictions;
        this.limits = limits;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Suggestion submit(Caller caller, String town, Suggestion.Submission submission) {
        caller.requireAnyRole(STAFF);
        String townCode = jurisdictions.townForWrite(caller, town);
        Suggestion suggestion = Suggestion.submit(UUID.randomUUID(), townCode, submission, caller.subject(), clock.instant());
        suggestions.save(suggestion);
        publish(suggestion);
        return suggestion;
    }

    @Transactional
    Suggestion register(Caller caller, UUID id) {
        caller.requireAnyRole(STAFF);
        Suggestion suggestion = find(caller, id);
        suggestion.register(() -> nextNumber(suggestion.townCode(), suggestion.session()), caller.subject(),
                clock.instant());
        publish(suggestion);
        return suggestion;
    }

    @Transactional
    Suggestion assign(Caller caller, UUID id, String leadUnit, List<String> coUnits) {
        caller.requireAnyRole(STAFF);
        Suggestion suggestion = find(caller, id);
        suggestion.assign(leadUnit, coUnits, limits.replyMonths(), caller.subject(), clock.instant());
        publish(suggestion);
        return suggestion;
    }

    @Transactional(readOnly = true)
    Suggestion get(Caller caller, UUID id) {
        Suggestion suggestion = find(caller, id);
        suggestion.transitions().size(); // the audit trail is shown with the suggestion
        return suggestion;
    }

    @Transactional(readOnly = true)
    Page<Suggestion> list(Caller caller, String town, String session, SuggestionStatus status, int page, int size) {
        var scope = jurisdictions.readScope(caller, town);
        return suggestions.search(scope.codes(), session, status, PageRequest.of(page, size));
    }

    private Suggestion find(Caller caller, UUID id) {
        return suggestions.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Suggestion", id));
    }

    /** Gapless per town and session, also under concurrent registration: the counter row is locked until commit. */
    private int nextNumber(String townCode, String session) {
        jdbc.sql("""
                INSERT INTO suggestion_counter (town_code, session, last_seq) VALUES (?, ?, LAST_INSERT_ID(1))
                ON DUPLICATE KEY UPDATE last_seq = LAST_INSERT_ID(last_seq + 1)""")
                .params(townCode, session).update();
        return jdbc.sql("SELECT LAST_INSERT_ID()").query(Integer.class).single();
    }

    private void publish(Suggestion suggestion) {
        for (SuggestionEvent event : suggestion.pullEvents()) {
            if (event instanceof SuggestionEvent.Assigned a) {
                outbox.append(CongressTopics.SUGGESTION_EVENTS, suggestion.id().toString(), SuggestionAssigned.TYPE,
                        SuggestionAssigned.of(suggestion.townCode(), suggestion.id(), suggestion.session(),
                                suggestion.registrationNumber(), suggestion.title(), suggestion.deputies(),
                                a.leadUnit(), suggestion.coUnits(), a.replyDue(), a.occurredAt()));
            }   // Submitted and Registered stay internal until a consumer needs them
        }
    }
}
