package org.zhenwu.servicehall.rating;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RatingRepository extends JpaRepository<Rating, UUID> {
    Optional<Rating> findByApplicationIdAndTownCodeIn(UUID applicationId, Collection<String> towns);

    boolean existsByApplicationId(UUID applicationId);
}
