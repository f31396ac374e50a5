package org.zhenwu.document.meeting;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface MeetingRoomRepository extends JpaRepository<MeetingRoom, UUID> {
    boolean existsByTownCodeAndName(String town, String name);

    List<MeetingRoom> findByTownCodeInOrderByTownCodeAscNameAsc(Collection<String> towns);
}
