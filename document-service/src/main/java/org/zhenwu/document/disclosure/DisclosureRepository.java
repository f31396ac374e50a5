package org.zhenwu.document.disclosure;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DisclosureRepository extends JpaRepository<DisclosureItem, UUID> {
    Optional<DisclosureItem> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    Optional<DisclosureItem> findByIdAndStatus(UUID id, DisclosureStatus status);

    boolean existsByTownCodeAndSourceId(String town, String sourceId);
}
