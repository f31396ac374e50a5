package org.zhenwu.fleet.provider;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderRepository extends JpaRepository<Provider, UUID> {
    Optional<Provider> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<Provider> findByTownCodeInOrderByTownCodeAscKindAscNameAsc(Collection<String> towns);

    List<Provider> findByTownCodeInAndKindOrderByTownCodeAscNameAsc(Collection<String> towns, ProviderKind kind);
}
