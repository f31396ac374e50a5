package org.zhenwu.document.contract;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContractRepository extends JpaRepository<Contract, UUID> {
    Optional<Contract> findByIdAndTownCodeIn(UUID id, Collection<String> towns);
}
