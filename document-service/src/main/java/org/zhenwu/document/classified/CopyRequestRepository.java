package org.zhenwu.document.classified;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CopyRequestRepository extends JpaRepository<CopyRequest, UUID> {
    Optional<CopyRequest> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<CopyRequest> findByTownCodeInAndStatusOrderByRequestedAt(Collection<String> towns, CopyRequestStatus status);
}
