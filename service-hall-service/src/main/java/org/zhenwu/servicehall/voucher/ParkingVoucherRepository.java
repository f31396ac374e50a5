package org.zhenwu.servicehall.voucher;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ParkingVoucherRepository extends JpaRepository<ParkingVoucher, UUID> {
    Optional<ParkingVoucher> findByCodeAndTownCodeIn(String code, Collection<String> towns);

    boolean existsByTicketId(UUID ticketId);
}
