package org.zhenwu.document.legal;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface LegalityReviewRepository extends JpaRepository<LegalityReview, UUID> {
    Optional<LegalityReview> findByIdAndTownCodeIn(UUID id, Collection<String> towns);
}
