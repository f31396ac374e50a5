package org.zhenwu.congress.member;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CppccMemberRepository extends JpaRepository<CppccMember, UUID> {
    Optional<CppccMember> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<CppccMember> findByIdIn(Collection<UUID> ids);

    @Query("""
            SELECT m FROM CppccMember m WHERE m.townCode IN :towns
              AND (:term IS NULL OR m.termNumber = :term) AND (:sector IS NULL OR m.sector = :sector)
            ORDER BY m.townCode, m.termNumber DESC, m.sector, m.name, m.id""")
    List<CppccMember> search(Collection<String> towns, Integer term, String sector);
}
