package org.zhenwu.servicehall.queue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceWindowRepository extends JpaRepository<ServiceWindow, UUID> {
    Optional<ServiceWindow> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    boolean existsByTownCodeAndNumber(String townCode, String number);

    List<ServiceWindow> findByTownCodeInOrderByTownCodeAscNumberAsc(Collection<String> towns);
}
