package org.zhenwu.fleet.upkeep;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RepairRepository extends JpaRepository<Repair, UUID> {
    Optional<Repair> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<Repair> findTop500ByTownCodeInOrderByRepairedOnDescIdAsc(Collection<String> towns);

    List<Repair> findTop500ByTownCodeInAndVehicleIdOrderByRepairedOnDescIdAsc(Collection<String> towns, UUID vehicleId);
}
