package org.zhenwu.document.incoming;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Every read names the towns it may return (see {@code Jurisdictions}). */
interface IncomingRepository extends JpaRepository<IncomingDocument, UUID> {
    Optional<IncomingDocument> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    Optional<IncomingDocument> findByTownCodeAndChannelAndExternalId(String town, IncomingChannel channel, String externalId);

    Optional<IncomingDocument> findByTownCodeAndSourceId(String town, String sourceId);
}
