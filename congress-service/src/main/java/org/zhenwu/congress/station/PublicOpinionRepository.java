package org.zhenwu.congress.station;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PublicOpinionRepository extends JpaRepository<PublicOpinion, UUID> {
    Optional<PublicOpinion> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    @Query("""
            SELECT o FROM PublicOpinion o WHERE o.townCode IN :towns
              AND (:stationId IS NULL OR o.stationId = :stationId) AND (:status IS NULL OR o.status = :status)
            ORDER BY o.collectedOn DESC, o.id""")
    Page<PublicOpinion> search(Collection<String> towns, UUID stationId, OpinionStatus status, Pageable page);
}
