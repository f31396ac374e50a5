package org.zhenwu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code --demo} splits the manifest between the services and when it writes the files again. */
class DemoLoaderTest {

    @Test
    void each_service_gets_its_files_in_manifest_order_so_registrations_come_before_trips() {
        List<DemoLoader.Entry> entries = List.of(
                entry("POST-EACH-LINE", "/api/fleet/vehicles", "fleet/vehicles-440606001.jsonl"),
                entry("POST", "/api/hotline/work-orders/imports?town=440606001", "hotline/440606001-2018.jsonl"),
                entry("POST-EACH-LINE", "/api/fleet/drivers", "fleet/drivers-440606001.jsonl"),
                entry("POST", "/api/documents/incoming/imports?town=440606001",
                        "documents/incoming-440606001-2018.jsonl"),
                entry("POST", "/api/fleet/trips/imports?town=440606001", "fleet/trips-440606001-2018.jsonl"),
                entry("POST-EACH-LINE-ONCE", "/api/documents/preparedness/materials?town=440606001",
                        "office/materials-440606001-2018.jsonl"),
                entry("POST", "/api/hotline/work-orders/imports?town=440606001", "hotline/440606001-2019.jsonl"));

        Map<String, List<DemoLoader.Entry>> byService = DemoLoader.byService(entries);

        assertThat(byService).containsOnlyKeys("fleet", "hotline", "documents");
        assertThat(byService.keySet()).containsExactly("fleet", "hotline", "documents");
        assertThat(byService.get("fleet")).extracting(DemoLoader.Entry::file).containsExactly(
                "fleet/vehicles-440606001.jsonl", "fleet/drivers-440606001.jsonl", "fleet/trips-440606001-2018.jsonl");
        assertThat(byService.get("hotline")).extracting(DemoLoader.Entry::year).containsExactly(2018, 2019);
        assertThat(byService.get("documents")).extracting(DemoLoader.Entry::label)
                .containsExactly("documents in", "handbooks");
        assertThat(byService.get("documents").get(1).year()).isEqualTo(2018);
    }

    @Test
    void files_written_by_an_earlier_generator_are_written_again(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("test-classes");
        Path generator = classes.resolve(DemoLoader.GENERATOR.replace('.', '/') + ".class");
        Files.createDirectories(generator.getParent());
        Files.writeString(generator, "");
        Path manifest = Files.writeString(dir.resolve("manifest.tsv"), "method\tpath\tcontent-type\trole\tfile\n");

        Files.setLastModifiedTime(generator, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(manifest, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        assertThat(DemoLoader.olderThanGenerator(manifest, classes)).isFalse();

        Files.setLastModifiedTime(generator, FileTime.from(Instant.parse("2026-01-03T00:00:00Z")));
        assertThat(DemoLoader.olderThanGenerator(manifest, classes)).isTrue();

        Files.delete(generator);   // no compiled generator at hand: keep what is there
        assertThat(DemoLoader.olderThanGenerator(manifest, classes)).isFalse();
    }

    private static DemoLoader.Entry entry(String method, String path, String file) {
        return new DemoLoader.Entry(method, path, "application/x-ndjson", "DISTRICT_ADMIN", file);
    }
}
