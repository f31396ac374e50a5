package org.zhenwu.document.meeting;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every read names the towns it may return. */
interface MeetingRepository extends JpaRepository<Meeting, UUID> {
    Optional<Meeting> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    boolean existsByTownCodeAndSourceId(String town, String sourceId);

    Page<Meeting> findByTownCodeInOrderByStartsAtDescIdAsc(Collection<String> towns, Pageable page);

    Page<Meeting> findByTownCodeInAndStatusOrderByStartsAtDescIdAsc(Collection<String> towns, MeetingStatus status,
                                                                    Pageable page);
}
