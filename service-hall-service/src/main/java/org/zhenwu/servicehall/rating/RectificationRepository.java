package org.zhenwu.servicehall.rating;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Every read names the towns it may return (see {@code Jurisdictions}). */
interface RectificationRepository extends JpaRepository<Rectification, UUID>, JpaSpecificationExecutor<Rectification> {
    Optional<Rectification> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    Optional<Rectification> findByRatingId(UUID ratingId);
}
