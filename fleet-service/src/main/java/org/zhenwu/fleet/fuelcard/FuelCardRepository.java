package org.zhenwu.fleet.fuelcard;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface FuelCardRepository extends JpaRepository<FuelCard, UUID> {
    Optional<FuelCard> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    boolean existsByCardNumber(String cardNumber);

    List<FuelCard> findByTownCodeInOrderByTownCodeAscCardNumberAsc(Collection<String> towns);
}
