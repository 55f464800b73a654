package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.ImportError;
import eventlens.model.Json;
import eventlens.model.store.ImportRecord;
import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventlens import} says how many comment lines each file had and lists trailing commas as
 * warnings, while every record is imported and nothing counts as failed.
 */
class ImportNotesCommandTest {
    @TempDir
    Path dir;

    private Path files() throws Exception {
        Files.writeString(dir.resolve("a.jsonl"), "# exported by hand\n// staging\n"
                + "{\"id\":\"a1\",\"type\":\"t\",\"time\":\"2024-01-01T00:00:00Z\"},\n"
                + "{\"id\":\"a2\",\"type\":\"t\",\"time\":\"2024-01-01T00:00:01Z\"}\n");
        Files.writeString(dir.resolve("b.json"), "/*\n * Licensed under the Apache License 2.0\n */\n[\n"
                + " {\"id\":\"b1\",\"type\":\"t\",\"time\":\"2024-01-01T00:00:02Z\"},\n"
                + " {\"id\":\"b2\",\"type\":\"t\",\"time\":\"2024-01-01T00:00:03Z\"},\n]\n");
        return dir;
    }

    @Test
    void theSummaryCountsCommentLinesPerFileAndListsTrailingCommasAsWarnings() throws Exception {
        Path project = dir.resolve("p.eventlens");
        CommandLineTest.Run r = CommandLineTest.run("import", project.toString(), files().resolve("a.jsonl").toString(),
                dir.resolve("b.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("read 4, imported 4, duplicates 0, skipped 0 (imported before), failed 0, "
                + "dead letters 0, comment lines skipped 5, warnings 2");
        assertThat(r.out()).contains("a.jsonl, comment lines skipped 2, warnings 1")
                .contains("b.json, comment lines skipped 3, warnings 1")
                .contains("a.jsonl:3:53: warning: trailing comma after the record")
                .contains("b.json:6:54: warning: trailing comma before ']'");
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.eventCount()).isEqualTo(4);
            assertThat(store.importErrorCount()).isZero();
            List<ImportRecord> imports = store.imports();
            assertThat(imports).extracting(ImportRecord::comments).containsExactly(2L, 3L);
            assertThat(imports).extracting(ImportRecord::warnings).containsExactly(1L, 1L);
            assertThat(imports).extracting(ImportRecord::failed).containsExactly(0L, 0L);
            assertThat(store.importErrors(imports.get(0).id(), 0, 10)).singleElement()
                    .satisfies(e -> assertThat(e.warning()).isTrue());
        }
    }

    @Test
    void theJsonSummaryCarriesTheCountsPerFileAndMarksWarnings() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("import", dir.resolve("p.eventlens").toString(),
                files().resolve("a.jsonl").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = Json.mapper().readTree(r.out());
        assertThat(summary.get("comments").asLong()).isEqualTo(2);
        assertThat(summary.get("warnings").asLong()).isEqualTo(1);
        assertThat(summary.get("failed").asLong()).isZero();
        assertThat(summary.at("/files/0/comments").asLong()).isEqualTo(2);
        assertThat(summary.at("/errors/0/warning").asBoolean()).isTrue();
    }

    @Test
    void anErrorStaysAnErrorBesideTheWarnings() throws Exception {
        Path file = Files.writeString(dir.resolve("c.jsonl"), "{\"id\":\"c1\",\"type\":\"t\"}\n{\"id\": broken\n");
        CommandLineTest.Run r = CommandLineTest.run("import", dir.resolve("p.eventlens").toString(), file.toString());
        assertThat(r.out()).contains("failed 1, dead letters 0\n").doesNotContain("warning");
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"))) {
            assertThat(store.importErrorCount()).isEqualTo(1);
            assertThat(store.importErrors(store.imports().get(0).id(), 0, 10)).extracting(ImportError::warning)
                    .containsExactly(false);
        }
    }
}
