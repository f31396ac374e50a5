package org.zhenwu.fleet.trip;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Every read names the towns it may return. */
interface TripRepository extends JpaRepository<Trip, UUID> {

    Optional<Trip> findByTownCodeAndSourceId(String town, String sourceId);

    Page<Trip> findByTownCodeInOrderByPlannedStartDescIdAsc(Collection<String> towns, Pageable page);

    Page<Trip> findByTownCodeInAndStatusOrderByPlannedStartDescIdAsc(Collection<String> towns, TripStatus status,
                                                                     Pageable page);

    Page<Trip> findByTownCodeInAndVehicleIdOrderByPlannedStartDescIdAsc(Collection<String> towns, UUID vehicleId,
                                                                        Pageable page);

    /** Which of these source ids the town already has (historical import; see KnownSourceIds). */
    @Query("select e.sourceId from Trip e where e.townCode = :town and e.sourceId in :ids")
    List<String> knownSourceIds(@Param("town") String town, @Param("ids") Collection<String> ids);
}
