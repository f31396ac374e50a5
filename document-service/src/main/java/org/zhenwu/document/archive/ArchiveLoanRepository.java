package org.zhenwu.document.archive;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArchiveLoanRepository extends JpaRepository<ArchiveLoan, UUID> {
    Optional<ArchiveLoan> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    Optional<ArchiveLoan> findByLentItemId(UUID itemId);
}
