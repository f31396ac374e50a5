package org.zhenwu.servicehall.matter;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every read names the towns it may return (see {@code Jurisdictions}). */
interface MatterRepository extends JpaRepository<Matter, UUID> {
    Optional<Matter> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    boolean existsByTownCodeAndCode(String townCode, String code);

    Optional<Matter> findByTownCodeAndCode(String townCode, String code);

    Page<Matter> findByTownCodeInOrderByTownCodeAscCodeAsc(Collection<String> towns, Pageable page);

    Page<Matter> findByTownCodeInAndStatusOrderByTownCodeAscCodeAsc(Collection<String> towns, MatterStatus status,
                                                                   Pageable page);
}
