package org.zhenwu.document.meeting;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Every read names the towns it may return. */
interface MeetingRepository extends JpaRepository<Meeting, UUID> {
    Optional<Meeting> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    /** Which of these source ids the town already has (imports skip those rows). */
    @Query("select m.sourceId from Meeting m where m.townCode = :town and m.sourceId in :ids")
    List<String> knownSourceIds(@Param("town") String town, @Param("ids") Collection<String> ids);

    Page<Meeting> findByTownCodeInOrderByStartsAtDescIdAsc(Collection<String> towns, Pageable page);

    Page<Meeting> findByTownCodeInAndStatusOrderByStartsAtDescIdAsc(Collection<String> towns, MeetingStatus status,
                                                                    Pageable page);
}
