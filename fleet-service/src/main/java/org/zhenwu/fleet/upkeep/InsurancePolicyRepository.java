package org.zhenwu.fleet.upkeep;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface InsurancePolicyRepository extends JpaRepository<InsurancePolicy, UUID> {
    boolean existsByTownCodeAndPolicyNumber(String town, String policyNumber);

    List<InsurancePolicy> findTop500ByTownCodeInOrderByStartsOnDescIdAsc(Collection<String> towns);

    List<InsurancePolicy> findTop500ByTownCodeInAndVehicleIdOrderByStartsOnDescIdAsc(Collection<String> towns, UUID vehicleId);
}
