package org.zhenwu.document.preparedness;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface MaterialRepository extends JpaRepository<MaterialDistribution, UUID> {
}
