package org.zhenwu.congress.budget;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface BudgetLineRepository extends JpaRepository<BudgetLine, UUID> {
    Optional<BudgetLine> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    List<BudgetLine> findByTownCodeInAndYearOrderByTownCodeAscCodeAsc(Collection<String> towns, int year);

    List<BudgetLine> findByTownCodeAndYearOrderByCode(String town, int year);
}
