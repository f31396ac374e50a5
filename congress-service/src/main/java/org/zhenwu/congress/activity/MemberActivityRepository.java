package org.zhenwu.congress.activity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MemberActivityRepository extends JpaRepository<MemberActivity, UUID> {
    Optional<MemberActivity> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    @Query("""
            SELECT a FROM MemberActivity a WHERE a.townCode IN :towns AND a.heldOn BETWEEN :from AND :to
              AND (:kind IS NULL OR a.kind = :kind)
            ORDER BY a.heldOn, a.id""")
    List<MemberActivity> search(Collection<String> towns, LocalDate from, LocalDate to, ActivityKind kind);
}
