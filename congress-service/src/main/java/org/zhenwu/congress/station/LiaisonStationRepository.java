package org.zhenwu.congress.station;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface LiaisonStationRepository extends JpaRepository<LiaisonStation, UUID> {
    Optional<LiaisonStation> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<LiaisonStation> findByTownCodeInOrderByKindAscNameAsc(Collection<String> towns);

    boolean existsByTownCodeAndKind(String town, StationKind kind);
}
