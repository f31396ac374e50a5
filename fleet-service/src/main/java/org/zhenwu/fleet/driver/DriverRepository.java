package org.zhenwu.fleet.driver;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every read names the towns it may return. */
interface DriverRepository extends JpaRepository<Driver, UUID> {
    Optional<Driver> findByIdAndTownCodeIn(UUID id, Collection<String> towns);

    boolean existsByTownCodeAndLicenceNumber(String town, String licenceNumber);

    Optional<Driver> findByTownCodeAndLicenceNumber(String town, String licenceNumber);

    Page<Driver> findByTownCodeInOrderByTownCodeAscNameAsc(Collection<String> towns, Pageable page);

    Page<Driver> findByTownCodeInAndStatusOrderByTownCodeAscNameAsc(Collection<String> towns, DriverStatus status,
                                                                    Pageable page);
}
