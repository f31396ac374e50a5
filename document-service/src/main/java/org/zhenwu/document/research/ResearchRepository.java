package org.zhenwu.document.research;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every read names the towns it may return. */
interface ResearchRepository extends JpaRepository<ResearchVisit, UUID> {
    Optional<ResearchVisit> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    Page<ResearchVisit> findByTownCodeInOrderByStartDateDescIdAsc(Collection<String> towns, Pageable page);
}
