package org.zhenwu.servicehall.kiosk;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/** The register of 市民之窗 kiosks. Other features ask it whether a kiosk may be named as a channel. */
@Service
public class KioskService {
    private static final String[] EDITORS = {Roles.HALL_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};

    private final KioskRepository kiosks;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    KioskService(KioskRepository kiosks, Jurisdictions jurisdictions, Clock clock) {
        this.kiosks = kiosks;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Transactional
    public KioskView register(Caller caller, String town, String code, String name, String site) {
        caller.requireAnyRole(EDITORS);
        String townCode = jurisdictions.townForWrite(caller, town);
        if (kiosks.existsByTownCodeAndCode(townCode, code)) {
            throw new DuplicateKioskCode(townCode, code);
        }
        Kiosk kiosk = Kiosk.register(UUID.randomUUID(), townCode, code, name, site, caller.subject(), clock.instant());
        kiosks.saveAndFlush(kiosk);
        return KioskView.of(kiosk);
    }

    @Transactional
    public KioskView retire(Caller caller, UUID id) {
        caller.requireAnyRole(EDITORS);
        Kiosk kiosk = find(caller, id);
        kiosk.retire();
        return KioskView.of(kiosk);
    }

    @Transactional(readOnly = true)
    public KioskView get(Caller caller, UUID id) {
        return KioskView.of(find(caller, id));
    }

    @Transactional(readOnly = true)
    public List<KioskView> list(Caller caller, String town) {
        return kiosks.findByTownCodeInOrderByTownCodeAscCodeAsc(jurisdictions.readScope(caller, town).codes()).stream()
                .map(KioskView::of).toList();
    }

    /**
     * For other features: the kiosk a ticket or application names must be an active kiosk of the same town.
     *
     * @throws InvalidFieldException naming {@code field} otherwise
     */
    @Transactional(readOnly = true)
    public void requireActive(String town, UUID kioskId, String field) {
        boolean ok = kiosks.findByIdAndTownCodeIn(kioskId, List.of(town)).map(Kiosk::active).orElse(false);
        if (!ok) {
            throw new InvalidFieldException(field, "no active kiosk " + kioskId + " in town " + town);
        }
    }

    private Kiosk find(Caller caller, UUID id) {
        return kiosks.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Kiosk", id));
    }
}
