package org.zhenwu.congress.station;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A liaison station (联络站/点) and the deputies on duty there (进站接待). A town has one central station. */
@Entity
@Table(name = "liaison_station")
class LiaisonStation {
    @Id
    private UUID id;
    private String townCode;
    @Enumerated(EnumType.STRING)
    private StationKind kind;
    private String name;
    private String address;
    private String hostOrganisation;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "liaison_station_deputy", joinColumns = @JoinColumn(name = "station_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "deputy_id")
    @BatchSize(size = 100)
    private List<UUID> deputiesOnDuty = new ArrayList<>();
    @Version
    private long version;

    protected LiaisonStation() {
        // for JPA
    }

    static LiaisonStation open(UUID id, String townCode, StationKind kind, String name, String address,
                               String hostOrganisation) {
        if (kind == StationKind.ENTERPRISE && (hostOrganisation == null || hostOrganisation.isBlank())) {
            throw new InvalidFieldException("hostOrganisation", "an enterprise point names its enterprise");
        }
        LiaisonStation s = new LiaisonStation();
        s.id = id;
        s.townCode = townCode;
        s.kind = kind;
        s.name = name;
        s.address = address;
        s.hostOrganisation = hostOrganisation;
        return s;
    }

    /** The deputies on duty, replacing the previous list. */
    void staff(List<UUID> deputies) {
        if (new HashSet<>(deputies).size() != deputies.size()) {
            throw new InvalidFieldException("deputyIds", "names a deputy more than once");
        }
        deputiesOnDuty.clear();
        deputiesOnDuty.addAll(deputies);
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    StationKind kind() { return kind; }
    String name() { return name; }
    String address() { return address; }
    String hostOrganisation() { return hostOrganisation; }
    List<UUID> deputiesOnDuty() { return List.copyOf(deputiesOnDuty); }
}
