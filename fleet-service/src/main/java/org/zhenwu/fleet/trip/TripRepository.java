package org.zhenwu.fleet.trip;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every read names the towns it may return. */
interface TripRepository extends JpaRepository<Trip, UUID> {
    Optional<Trip> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    boolean existsByTownCodeAndSourceId(String town, String sourceId);

    Optional<Trip> findByTownCodeAndSourceId(String town, String sourceId);

    Page<Trip> findByTownCodeInOrderByPlannedStartDescIdAsc(Collection<String> towns, Pageable page);

    Page<Trip> findByTownCodeInAndStatusOrderByPlannedStartDescIdAsc(Collection<String> towns, TripStatus status,
                                                                     Pageable page);

    Page<Trip> findByTownCodeInAndVehicleIdOrderByPlannedStartDescIdAsc(Collection<String> towns, UUID vehicleId,
                                                                        Pageable page);
}
