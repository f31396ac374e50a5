package org.zhenwu.platform.importing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The source ids of an import file that the town already has, asked up front in chunks of {@value #CHUNK}.
 * <p>
 * Why up front: inside an import's one transaction, a query per row (a Spring Data {@code findBy…SourceId}) makes
 * Hibernate flush and dirty-check every record saved so far before it runs, so a file's time grew with the square of
 * its rows. Use the returned set as the file goes: {@code if (!known.add(row.sourceId())) skip}, which also skips a
 * source id repeated within the file, as the per-row query did.
 */
public final class KnownSourceIds {
    public static final int CHUNK = 1000;

    private KnownSourceIds() {
    }

    /**
     * @param ids   every row's source id, in file order
     * @param query the ids among a chunk that the town already has (an {@code IN} query of the feature's repository)
     * @return a mutable set of the known ids
     */
    public static Set<String> of(List<String> ids, Function<List<String>, ? extends Iterable<String>> query) {
        Set<String> known = new HashSet<>();
        List<String> distinct = ids.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            query.apply(distinct.subList(from, Math.min(distinct.size(), from + CHUNK))).forEach(known::add);
        }
        return known;
    }
}
