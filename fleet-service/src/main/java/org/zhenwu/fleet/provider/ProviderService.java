package org.zhenwu.fleet.provider;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.fleet.platform.FleetRuleViolation;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.NotFoundException;

/** The register of designated providers, per town. Fleet managers write; everyone of the town reads. */
@Service
public class ProviderService {
    private static final String[] MANAGERS = {Roles.FLEET_MANAGER, Roles.DISTRICT_ADMIN};

    private final ProviderRepository providers;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    ProviderService(ProviderRepository providers, Jurisdictions jurisdictions, Clock clock) {
        this.providers = providers;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Transactional
    Provider register(Caller caller, String town, ProviderKind kind, String name, String contractNumber,
                      LocalDate from, LocalDate to) {
        caller.requireAnyRole(MANAGERS);
        String townCode = jurisdictions.townForWrite(caller, town);
        return providers.save(Provider.register(UUID.randomUUID(), townCode, kind, name, contractNumber, from, to,
                caller.subject(), clock.instant()));
    }

    @Transactional
    Provider terminate(Caller caller, UUID id, LocalDate on, String reason) {
        caller.requireAnyRole(MANAGERS);
        Provider provider = find(caller, id);
        provider.terminate(on != null ? on : LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)), reason);
        return provider;
    }

    @Transactional(readOnly = true)
    Provider get(Caller caller, UUID id) {
        return find(caller, id);
    }

    @Transactional(readOnly = true)
    List<Provider> list(Caller caller, String town, ProviderKind kind) {
        var scope = jurisdictions.readScope(caller, town).codes();
        return kind == null ? providers.findByTownCodeInOrderByTownCodeAscKindAscNameAsc(scope)
                : providers.findByTownCodeInAndKindOrderByTownCodeAscNameAsc(scope, kind);
    }

    /**
     * The provider's name when it is one of the town's designated providers of that kind on that day.
     *
     * @throws FleetRuleViolation {@code provider-not-designated} naming {@code providerId} otherwise
     */
    @Transactional(readOnly = true)
    public String requireDesignated(String town, UUID providerId, ProviderKind kind, LocalDate day) {
        Provider provider = providers.findByIdAndTownCodeIn(providerId, List.of(town)).orElseThrow(() ->
                new FleetRuleViolation("provider-not-designated", "providerId",
                        "Provider " + providerId + " is not in town " + town + "'s register of designated providers"));
        if (provider.kind() != kind) {
            throw new FleetRuleViolation("provider-not-designated", "providerId",
                    provider.name() + " is designated as " + provider.kind() + ", not as " + kind);
        }
        if (!provider.designatedOn(day)) {
            throw new FleetRuleViolation("provider-not-designated", "providerId", provider.name()
                    + " is not designated on " + day + " (contract " + provider.contractFrom() + " to "
                    + provider.contractTo() + (provider.terminatedOn() == null ? "" : ", terminated " + provider.terminatedOn()) + ")");
        }
        return provider.name();
    }

    private Provider find(Caller caller, UUID id) {
        return providers.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Provider", id));
    }
}
