package org.zhenwu.fleet.fuelcard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/fleet/fuel-cards")
class FuelCardController {
    private final FuelCardService cards;

    FuelCardController(FuelCardService cards) {
        this.cards = cards;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FuelCardResponse register(@Valid @RequestBody RegisterFuelCardRequest request) {
        return FuelCardResponse.of(cards.register(Caller.current(), request.town(), request.cardNumber(),
                request.issuer().strip(), request.vehicleId()));
    }

    @PostMapping("/{id}/cancellation")
    FuelCardResponse cancel(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return FuelCardResponse.of(cards.cancel(Caller.current(), id, request.reason().strip()));
    }

    @GetMapping
    List<FuelCardResponse> list(@RequestParam(required = false) String town) {
        return cards.list(Caller.current(), town).stream().map(FuelCardResponse::of).toList();
    }

    /**
     * @param issuer    中石化, 中石油, …
     * @param vehicleId the vehicle the card is bound to; none for a pool card
     */
    record RegisterFuelCardRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotBlank @Pattern(regexp = "[0-9]{8,30}", message = "must be 8 to 30 digits") String cardNumber,
            @NotBlank @Size(max = 50) String issuer,
            UUID vehicleId) {
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record FuelCardResponse(UUID id, String town, String cardNumber, String issuer, UUID vehicleId,
                            FuelCardStatus status, String statusNote, Instant registeredAt) {
        static FuelCardResponse of(FuelCard c) {
            return new FuelCardResponse(c.id(), c.townCode(), c.cardNumber(), c.issuer(), c.vehicleId(), c.status(),
                    c.statusNote(), c.registeredAt());
        }
    }
}
