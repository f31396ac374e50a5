package org.zhenwu.document.archive;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArchiveItemRepository extends JpaRepository<ArchiveItem, UUID> {
    Optional<ArchiveItem> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    boolean existsByDocumentId(UUID documentId);
}
