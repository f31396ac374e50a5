package org.zhenwu.document.supervision;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SupervisionRepository extends JpaRepository<SupervisionTask, UUID> {
    Optional<SupervisionTask> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    Optional<SupervisionTask> findFirstByOriginAndOriginIdAndStatusIn(Origin origin, String originId,
                                                                       Collection<SupervisionStatus> statuses);
}
