package org.zhenwu.document.outgoing;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Every read names the towns it may return (see {@code Jurisdictions}). */
interface OutgoingRepository extends JpaRepository<OutgoingDocument, UUID> {
    Optional<OutgoingDocument> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    Optional<OutgoingDocument> findByTownCodeAndSourceId(String town, String sourceId);

    boolean existsByNumberCodeAndNumberYearAndNumberSequence(String code, Integer year, Integer sequence);
}
