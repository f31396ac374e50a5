package org.zhenwu.congress.livelihood;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProjectRepository extends JpaRepository<LivelihoodProject, UUID> {
    Optional<LivelihoodProject> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<LivelihoodProject> findByIdIn(Collection<UUID> ids);

    @Query("""
            SELECT p FROM LivelihoodProject p WHERE p.townCode IN :towns
              AND (:year IS NULL OR p.year = :year) AND (:status IS NULL OR p.status = :status)
            ORDER BY p.townCode, p.year DESC, p.title, p.id""")
    List<LivelihoodProject> search(Collection<String> towns, Integer year, ProjectStatus status);
}
