package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.Event;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPreviewTest {
    @TempDir
    Path dir;
    private final ImporterRegistry registry = ImporterRegistry.standard();

    private Path jsonLines(String name, int n) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append(i % 10 == 3 ? "{broken\n" : "{\"id\":\"e" + i + "\",\"type\":\"t.x\",\"timestamp\":\"2024-01-01T00:00:00Z\"}\n");
        }
        return Files.writeString(dir.resolve(name), b);
    }

    @Test
    void theFirstRecordsAreMappedAndRefusedOnesListedWithoutAProject() throws Exception {
        Path file = jsonLines("log.jsonl", 120);
        ImportPreview p = ImportPreview.of(registry, file, null, ImportOptions.AUTOMATIC, 50);
        assertThat(p.format()).isEqualTo("json");
        assertThat(p.candidates().get(0)).isEqualTo(new ImportPreview.Candidate("json", 90));
        assertThat(p.events().size() + p.errors().size()).isEqualTo(50);
        assertThat(p.errors()).hasSize(5).allSatisfy(e -> assertThat(e.line() % 10).isEqualTo(3));
        assertThat(p.events().get(0).id()).isEqualTo("e1");
        assertThat(p.more()).isTrue();
        assertThat(p.problem()).isNull();

        ImportPreview all = ImportPreview.of(registry, jsonLines("short.jsonl", 4), null, ImportOptions.AUTOMATIC, 50);
        assertThat(all.more()).isFalse();
        assertThat(all.events()).hasSize(3);
    }

    @Test
    void aChosenFormatAndAMappingAreApplied() throws Exception {
        Path csv = Files.writeString(dir.resolve("rows.txt"), "ref,what,when\nr-1,thing.done,2024-01-01T00:00:00Z\n");
        ImportPreview p = ImportPreview.of(registry, csv, "csv",
                new ImportOptions(Map.of("id", "/ref", "type", "/what", "time", "/when")), 50);
        assertThat(p.format()).isEqualTo("csv");
        assertThat(p.events()).extracting(Event::id).containsExactly("r-1");
        assertThatThrownBy(() -> ImportPreview.of(registry, csv, "parquet", ImportOptions.AUTOMATIC, 50))
                .isInstanceOf(ImportException.class).hasMessageContaining("unknown format 'parquet'");
    }

    @Test
    void compressedFilesArePreviewedAndUnreadableOnesSayWhy() throws Exception {
        Path gz = dir.resolve("log.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("{\"id\":\"z1\",\"type\":\"t\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(ImportPreview.of(registry, gz, null, ImportOptions.AUTOMATIC, 50).events())
                .extracting(Event::id).containsExactly("z1");

        Path prose = Files.writeString(dir.resolve("notes.txt"), "just words\n");
        ImportPreview none = ImportPreview.of(registry, prose, null, ImportOptions.AUTOMATIC, 50);
        assertThat(none.format()).isNull();
        assertThat(none.candidates()).isEmpty();
        assertThat(none.problem()).startsWith("no reader recognises this input");
    }
}
