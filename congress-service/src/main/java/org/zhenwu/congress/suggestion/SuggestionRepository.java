package org.zhenwu.congress.suggestion;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Every read names the towns it may return (see {@code Jurisdictions}). */
interface SuggestionRepository extends JpaRepository<Suggestion, UUID> {
    Optional<Suggestion> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    /** The suggestions handled with a lead one (并案), by number. */
    List<Suggestion> findByMergedIntoOrderByRegistrationNumberAscIdAsc(UUID lead);

    boolean existsByMergedInto(UUID lead);

    /** {@code unit} matches the lead unit or any co-unit. */
    @Query("""
            SELECT s FROM Suggestion s WHERE s.townCode IN :towns
              AND (:session IS NULL OR s.session = :session) AND (:status IS NULL OR s.status = :status)
              AND (:kind IS NULL OR s.kind = :kind)
              AND (:unit IS NULL OR s.leadUnit = :unit
                   OR EXISTS (SELECT 1 FROM Suggestion o JOIN o.coUnits c WHERE o = s AND c.unit = :unit))
            ORDER BY s.submittedAt DESC, s.id""")
    Page<Suggestion> search(Collection<String> towns, String session, SuggestionStatus status, SuggestionKind kind,
                            String unit, Pageable page);

    /** Which of these source ids the town already has (historical import; see KnownSourceIds). */
    @Query("select e.sourceId from Suggestion e where e.townCode = :town and e.sourceId in :ids")
    List<String> knownSourceIds(@Param("town") String town, @Param("ids") Collection<String> ids);
}
