package org.zhenwu.congress.session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SessionRepository extends JpaRepository<CongressSession, UUID> {
    Optional<CongressSession> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<CongressSession> findByTownCodeInOrderByOpensOnDescIdAsc(Collection<String> towns);
}
