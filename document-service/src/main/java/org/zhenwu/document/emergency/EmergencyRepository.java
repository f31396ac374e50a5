package org.zhenwu.document.emergency;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface EmergencyRepository extends JpaRepository<EmergencyReport, UUID> {
    Optional<EmergencyReport> findByIdAndTownCodeIn(UUID id, Collection<String> towns);
}
