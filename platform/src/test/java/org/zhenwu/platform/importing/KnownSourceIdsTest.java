package org.zhenwu.platform.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KnownSourceIdsTest {

    @Test
    void asks_in_chunks_of_distinct_ids_and_returns_the_ones_the_town_has() {
        List<String> ids = new ArrayList<>(IntStream.range(0, 2500).mapToObj(i -> "S" + i).toList());
        ids.add("S7");   // repeated within the file
        List<Integer> asked = new ArrayList<>();
        Set<String> stored = Set.of("S7", "S1999", "S2400", "elsewhere");

        Set<String> known = KnownSourceIds.of(ids, chunk -> {
            asked.add(chunk.size());
            return chunk.stream().filter(stored::contains).toList();
        });

        assertThat(asked).containsExactly(1000, 1000, 500);
        assertThat(known).containsExactlyInAnyOrder("S7", "S1999", "S2400");
    }

    @Test
    void the_set_skips_a_row_already_stored_and_a_source_id_repeated_within_the_file() {
        Set<String> known = KnownSourceIds.of(List.of("A", "B", "A", "C"), chunk -> List.of("C"));
        List<String> importedRows = new ArrayList<>();
        for (String id : List.of("A", "B", "A", "C")) {
            if (known.add(id)) {
                importedRows.add(id);
            }
        }
        assertThat(importedRows).containsExactly("A", "B");
    }

    @Test
    void an_empty_file_asks_nothing() {
        List<Integer> asked = new ArrayList<>();
        assertThat(KnownSourceIds.of(List.of(), chunk -> {
            asked.add(chunk.size());
            return List.of();
        })).isEmpty();
        assertThat(asked).isEmpty();
    }
}
