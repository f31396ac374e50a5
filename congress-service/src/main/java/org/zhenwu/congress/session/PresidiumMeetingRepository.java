package org.zhenwu.congress.session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PresidiumMeetingRepository extends JpaRepository<PresidiumMeeting, UUID> {
    Optional<PresidiumMeeting> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<PresidiumMeeting> findByTownCodeInAndHeldOnBetweenOrderByHeldOnAscIdAsc(Collection<String> towns, LocalDate from,
                                                                               LocalDate to);
}
