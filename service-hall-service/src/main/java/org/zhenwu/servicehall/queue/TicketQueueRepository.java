package org.zhenwu.servicehall.queue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface TicketQueueRepository extends JpaRepository<TicketQueue, UUID> {
    Optional<TicketQueue> findByTownCodeAndCode(String townCode, String code);

    List<TicketQueue> findByTownCodeInOrderByTownCodeAscCodeAsc(Collection<String> towns);
}
