package org.zhenwu.congress.budget;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface BudgetInquiryRepository extends JpaRepository<BudgetInquiry, UUID> {
    Optional<BudgetInquiry> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<BudgetInquiry> findByLineIdOrderByAskedOnAscIdAsc(UUID lineId);
}
