package org.zhenwu.document.archive;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArchiveDestructionRepository extends JpaRepository<ArchiveDestruction, UUID> {
    Optional<ArchiveDestruction> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<ArchiveDestruction> findByTownCodeInAndStatusOrderByRequestedAtDesc(Collection<String> towns,
                                                                             DestructionStatus status);

    /** Items already in an open (requested or approved) destruction. */
    @Query("""
            select e.itemId from ArchiveDestruction d join d.items e
            where d.status in (org.zhenwu.document.archive.DestructionStatus.REQUESTED,
                               org.zhenwu.document.archive.DestructionStatus.APPROVED) and e.itemId in :items""")
    List<UUID> itemsInOpenDestructions(Collection<UUID> items);
}
