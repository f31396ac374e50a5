package org.zhenwu.servicehall.application;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Every read names the towns it may return (see {@code Jurisdictions}). */
interface ApplicationRepository extends JpaRepository<Application, UUID>, JpaSpecificationExecutor<Application> {
    Optional<Application> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    boolean existsByTownCodeAndSourceId(String town, String sourceId);
}
