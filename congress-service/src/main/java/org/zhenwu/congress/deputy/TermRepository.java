package org.zhenwu.congress.deputy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface TermRepository extends JpaRepository<Term, UUID> {
    Optional<Term> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<Term> findByTownCodeInOrderByTownCodeAscNumberDesc(Collection<String> towns);
}
