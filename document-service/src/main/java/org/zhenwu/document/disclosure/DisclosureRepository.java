package org.zhenwu.document.disclosure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DisclosureRepository extends JpaRepository<DisclosureItem, UUID> {
    Optional<DisclosureItem> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    Optional<DisclosureItem> findByIdAndStatus(UUID id, DisclosureStatus status);

    /** Which of these source ids the town already has (imports skip those rows). */
    @Query("select d.sourceId from DisclosureItem d where d.townCode = :town and d.sourceId in :ids")
    List<String> knownSourceIds(@Param("town") String town, @Param("ids") Collection<String> ids);
}
