package org.zhenwu.document.legal;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface LegalCaseRepository extends JpaRepository<LegalCase, UUID> {
    Optional<LegalCase> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    boolean existsByTownCodeAndCaseNumber(String town, String caseNumber);
}
