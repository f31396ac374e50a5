package org.zhenwu.hotline.workorder;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Every read names the towns it may return (see {@code Jurisdictions}). */
interface WorkOrderRepository extends JpaRepository<WorkOrder, UUID> {
    Optional<WorkOrder> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    /** Which of these source ids the town already has (historical import; see KnownSourceIds). */
    @Query("select e.sourceId from WorkOrder e where e.townCode = :town and e.sourceId in :ids")
    List<String> knownSourceIds(@Param("town") String town, @Param("ids") Collection<String> ids);
}
