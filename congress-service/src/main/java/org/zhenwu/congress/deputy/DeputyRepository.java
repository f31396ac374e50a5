package org.zhenwu.congress.deputy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeputyRepository extends JpaRepository<Deputy, UUID> {
    Optional<Deputy> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<Deputy> findByTownCodeInOrderByNameAscIdAsc(Collection<String> towns);

    List<Deputy> findByTownCodeInAndTermIdOrderByNameAscIdAsc(Collection<String> towns, UUID termId);

    List<Deputy> findByIdIn(Collection<UUID> ids);

    long countByTermIdAndActiveTrue(UUID termId);
}
