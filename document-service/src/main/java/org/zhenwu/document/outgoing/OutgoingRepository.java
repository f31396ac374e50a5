package org.zhenwu.document.outgoing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Every read names the towns it may return (see {@code Jurisdictions}). */
interface OutgoingRepository extends JpaRepository<OutgoingDocument, UUID> {
    Optional<OutgoingDocument> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    /** Which of these source ids the town already has (historical import; see KnownSourceIds). */
    @Query("select e.sourceId from OutgoingDocument e where e.townCode = :town and e.sourceId in :ids")
    List<String> knownSourceIds(@Param("town") String town, @Param("ids") Collection<String> ids);
}
