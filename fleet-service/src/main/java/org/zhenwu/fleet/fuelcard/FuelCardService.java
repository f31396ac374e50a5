package org.zhenwu.fleet.fuelcard;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.fleet.platform.FleetErrors;
import org.zhenwu.fleet.platform.FleetRuleViolation;
import org.zhenwu.fleet.vehicle.VehicleService;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/** The fuel cards' register. Fleet managers write; everyone of the town reads. */
@Service
public class FuelCardService {
    private static final String[] MANAGERS = {Roles.FLEET_MANAGER, Roles.DISTRICT_ADMIN};

    private final FuelCardRepository cards;
    private final VehicleService vehicles;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    FuelCardService(FuelCardRepository cards, VehicleService vehicles, Jurisdictions jurisdictions, Clock clock) {
        this.cards = cards;
        this.vehicles = vehicles;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Transactional
    FuelCard register(Caller caller, String town, String cardNumber, String issuer, UUID vehicleId) {
        caller.requireAnyRole(MANAGERS);
        String townCode = jurisdictions.townForWrite(caller, town);
        if (vehicleId != null && vehicles.facts(townCode, vehicleId).isEmpty()) {
            throw new InvalidFieldException("vehicleId", "town " + townCode + " has no vehicle " + vehicleId);
        }
        if (cards.existsByCardNumber(cardNumber)) {
            throw duplicateCard();
        }
        try {
            return cards.saveAndFlush(FuelCard.register(UUID.randomUUID(), townCode, cardNumber, issuer, vehicleId,
                    caller.subject(), clock.instant()));
        } catch (DataIntegrityViolationException e) {
            if (FleetErrors.isDuplicateKey(e)) {
                throw duplicateCard();
            }
            throw e;
        }
    }

    @Transactional
    FuelCard cancel(Caller caller, UUID id, String reason) {
        caller.requireAnyRole(MANAGERS);
        FuelCard card = find(caller, id);
        card.cancel(reason);
        return card;
    }

    @Transactional(readOnly = true)
    List<FuelCard> list(Caller caller, String town) {
        return cards.findByTownCodeInOrderByTownCodeAscCardNumberAsc(jurisdictions.readScope(caller, town).codes());
    }

    /**
     * The card's number when it may pay a refuel of that vehicle in that town.
     *
     * @throws FleetRuleViolation {@code fuel-card-not-usable} naming {@code fuelCardId} otherwise
     */
    @Transactional(readOnly = true)
    public String requireUsable(String town, UUID cardId, UUID vehicleId) {
        FuelCard card = cards.findByIdAndTownCodeIn(cardId, List.of(town)).orElseThrow(() -> new FleetRuleViolation(
                "fuel-card-not-usable", "fuelCardId", "Town " + town + " has no fuel card " + cardId));
        if (!card.fuels(vehicleId)) {
            throw new FleetRuleViolation("fuel-card-not-usable", "fuelCardId", card.status() == FuelCardStatus.CANCELLED
                    ? "Fuel card " + card.cardNumber() + " is cancelled"
                    : "Fuel card " + card.cardNumber() + " belongs to another vehicle");
        }
        return card.cardNumber();
    }

    private FuelCard find(Caller caller, UUID id) {
        return cards.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Fuel card", id));
    }

    private static FleetRuleViolation duplicateCard() {
        return new FleetRuleViolation("duplicate-fuel-card", "cardNumber", "This fuel card is already registered");
    }
}
