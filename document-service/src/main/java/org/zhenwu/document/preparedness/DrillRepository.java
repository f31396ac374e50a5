package org.zhenwu.document.preparedness;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DrillRepository extends JpaRepository<EmergencyDrill, UUID> {
    Optional<EmergencyDrill> findByIdAndTownCodeIn(UUID id, Collection<String> towns);
}
