package org.zhenwu.fleet.vehicle;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every read names the towns it may return (see {@code Jurisdictions}). */
interface VehicleRepository extends JpaRepository<Vehicle, UUID> {
    Optional<Vehicle> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    /** Plates are national: a plate is in use once, in any town, until its vehicle is disposed of. */
    boolean existsByPlateAndStatusNot(String plate, VehicleStatus status);

    Page<Vehicle> findByTownCodeInOrderByTownCodeAscPlateAsc(Collection<String> towns, Pageable page);

    Page<Vehicle> findByTownCodeInAndStatusOrderByTownCodeAscPlateAsc(Collection<String> towns, VehicleStatus status,
                                                                      Pageable page);
}
