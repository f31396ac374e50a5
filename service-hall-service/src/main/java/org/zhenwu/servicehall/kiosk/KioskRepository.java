package org.zhenwu.servicehall.kiosk;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Every read names the towns it may return (see {@code Jurisdictions}). */
interface KioskRepository extends JpaRepository<Kiosk, UUID> {
    Optional<Kiosk> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    boolean existsByTownCodeAndCode(String townCode, String code);

    List<Kiosk> findByTownCodeInOrderByTownCodeAscCodeAsc(Collection<String> towns);
}
