package org.zhenwu.document.legal;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface LegalOpinionRepository extends JpaRepository<LegalOpinion, UUID> {
    Optional<LegalOpinion> findByIdAndTownCodeIn(UUID id, Collection<String> towns);
}
