package org.zhenwu.servicehall.queue;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every read names the towns it may return (see {@code Jurisdictions}). */
interface TicketRepository extends JpaRepository<Ticket, UUID> {
    Optional<Ticket> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<Ticket> findByWindowIdAndServiceDayOrderByLastCalledAtDesc(UUID windowId, LocalDate day, Pageable page);

    List<Ticket> findByTownCodeInAndServiceDayOrderByIssuedAtAsc(Collection<String> towns, LocalDate day, Pageable page);

    List<Ticket> findByTownCodeInAndServiceDayAndStatusOrderByIssuedAtAsc(Collection<String> towns, LocalDate day,
                                                                         TicketStatus status, Pageable page);
}
