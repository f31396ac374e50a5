package org.zhenwu.document.classified;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DestructionRequestRepository extends JpaRepository<DestructionRequest, UUID> {
    Optional<DestructionRequest> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<DestructionRequest> findByTownCodeInAndStatusAndDestroyedAtBetweenOrderByDestroyedAt(
            Collection<String> towns, DestructionStatus status, Instant from, Instant to);

    List<DestructionRequest> findByTownCodeInAndStatusOrderByRequestedAt(Collection<String> towns, DestructionStatus status);

    boolean existsByDocumentIdAndStatusIn(UUID documentId, Collection<DestructionStatus> statuses);
}
