package org.zhenwu.platform.jurisdiction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.InvalidFieldException;

/**
 * The one place that decides which towns' data a caller may touch. Every repository query takes the
 * {@link TownScope} this returns ({@code WHERE town_code IN (:towns)}): a town user sees their own town,
 * district roles see all ten, and a record of another town is "not found", never "forbidden".
 */
public class Jurisdictions {
    private final Map<String, Town> towns;

    public Jurisdictions(TownsProperties properties) {
        Map<String, Town> byCode = new LinkedHashMap<>();
        properties.towns().forEach(t -> byCode.put(t.code(), t));
        this.towns = Map.copyOf(byCode);
    }

    public List<Town> towns() {
        return towns.values().stream().sorted(java.util.Comparator.comparing(Town::code)).toList();
    }

    public Optional<Town> town(String code) {
        return Optional.ofNullable(towns.get(code));
    }

    /**
     * The towns a read may cover. {@code requestedTown} null means "all I may see".
     *
     * @throws ForbiddenException    a town user asking for another town
     * @throws InvalidFieldException an unknown town code (field {@code town})
     */
    public TownScope readScope(Caller caller, String requestedTown) {
        if (requestedTown != null && !requestedTown.isBlank()) {
            requireKnown(requestedTown);
            if (!caller.isDistrict() && !requestedTown.equals(caller.jurisdiction())) {
                throw new ForbiddenException("You may only see the data of town " + caller.jurisdiction());
            }
            return new TownScope(Set.of(requestedTown));
        }
        if (caller.isDistrict()) {
            return new TownScope(towns.keySet());
        }
        requireKnown(caller.jurisdiction());
        return new TownScope(Set.of(caller.jurisdiction()));
    }

    /** The town a new record belongs to: the caller's own, or for district roles the one they name. */
    public String townForWrite(Caller caller, String requestedTown) {
        if (caller.isDistrict()) {
            if (requestedTown == null || requestedTown.isBlank()) {
                throw new InvalidFieldException("town", "district users must say which town the record belongs to");
            }
            requireKnown(requestedTown);
            return requestedTown;
        }
        if (requestedTown != null && !requestedTown.isBlank() && !requestedTown.equals(caller.jurisdiction())) {
            throw new ForbiddenException("You may only create records of town " + caller.jurisdiction());
        }
        requireKnown(caller.jurisdiction());
        return caller.jurisdiction();
    }

    private void requireKnown(String code) {
        if (code == null || !towns.containsKey(code)) {
            throw new InvalidFieldException("town", "unknown town code " + code + "; known: "
                    + towns.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
    }

    /** The towns a query may return rows of; never empty. */
    public record TownScope(Set<String> towns) {
        public TownScope {
            if (towns.isEmpty()) {
                throw new IllegalArgumentException("a scope covers at least one town");
            }
            towns = Set.copyOf(towns);
        }

        public boolean covers(String town) {
            return towns.contains(town);
        }

        /** For {@code IN (:towns)} parameters. */
        public List<String> codes() {
            return towns.stream().sorted().toList();
        }
    }
}
