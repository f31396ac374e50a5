package org.zhenwu.congress.livelihood;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface VoteRepository extends JpaRepository<ProjectVote, UUID> {
    Optional<ProjectVote> findByIdAndTownCodeIn(UUID id, Collection<String> towns);
}
