package org.zhenwu.document.incoming;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Every read names the towns it may return (see {@code Jurisdictions}). */
interface IncomingRepository extends JpaRepository<IncomingDocument, UUID> {
    Optional<IncomingDocument> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    Optional<IncomingDocument> findByTownCodeAndChannelAndExternalId(String town, IncomingChannel channel, String externalId);

    /** Which of these source ids the town already has (imports skip those rows). */
    @Query("select d.sourceId from IncomingDocument d where d.townCode = :town and d.sourceId in :ids")
    List<String> knownSourceIds(@Param("town") String town, @Param("ids") Collection<String> ids);
}
