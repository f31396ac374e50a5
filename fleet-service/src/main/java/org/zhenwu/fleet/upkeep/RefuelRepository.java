package org.zhenwu.fleet.upkeep;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RefuelRepository extends JpaRepository<Refuel, UUID> {
    /** The vehicle's refuel just before that moment. */
    Optional<Refuel> findTopByVehicleIdAndRefuelledAtBeforeOrderByRefuelledAtDescIdDesc(UUID vehicleId, Instant before);

    List<Refuel> findTop500ByTownCodeInOrderByRefuelledAtDescIdAsc(Collection<String> towns);

    List<Refuel> findTop500ByTownCodeInAndVehicleIdOrderByRefuelledAtDescIdAsc(Collection<String> towns, UUID vehicleId);
}
