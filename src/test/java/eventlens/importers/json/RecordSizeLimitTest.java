package eventlens.importers.json;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImportInput;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImportSummary;
import eventlens.importers.ImporterRegistry;
import eventlens.model.ImportError;
import eventlens.model.store.ProjectStore;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, reliability 6: a record above the limit (a 32nd of the heap, 8 to 64 MB) is an error row and the
 * others are imported;
 * many big records under the limit do not pile up in memory between the reader and the store.
 */
class RecordSizeLimitTest {
    private static final int MB = 1024 * 1024;
    private static final String HEAD = "{\"id\":\"%s\",\"type\":\"t\",\"timestamp\":\"2024-01-15T10:00:00Z\",\"data\":\"";

    @TempDir
    Path dir;

    /** A record of exactly {@code length} bytes whose data is one long string. */
    private static void record(Writer w, String id, int length) throws IOException {
        String head = HEAD.formatted(id);
        w.write(head);
        int fill = length - head.length() - 2;
        char[] chunk = new char[MB];
        java.util.Arrays.fill(chunk, 'x');
        for (int left = fill; left > 0; left -= chunk.length) {
            w.write(chunk, 0, Math.min(left, chunk.length));
        }
        w.write("\"}\n");
    }

    @Test
    void aRecordAboveTheLimitIsAnErrorRowAndTheOthersAreImported() throws Exception {
        Path file = dir.resolve("big.jsonl");
        try (Writer w = Files.newBufferedWriter(file)) {
            record(w, "small-1", 200);
            record(w, "too-big", RecordSplitter.MAX_RECORD + 1);
            record(w, "at-limit", RecordSplitter.MAX_RECORD);
            record(w, "small-2", 200);
        }
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = new ImportService(ImporterRegistry.standard()).run(store, List.of(ImportInput.of(file)),
                    null, ImportOptions.AUTOMATIC, ImportListener.NONE);

            assertThat(s.imported()).isEqualTo(3);
            assertThat(s.failed()).isEqualTo(1);
            assertThat(store.event("at-limit")).isPresent();
            assertThat(store.event("small-2")).isPresent();
            assertThat(s.errors()).singleElement().satisfies((ImportError e) -> {
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.reason()).isEqualTo("record longer than " + (RecordSplitter.MAX_RECORD >> 20) + " MB, skipped");
            });
        }
    }

    /**
     * Twenty 4 MB records at a 160 MB heap: before the queue and the write batch were bounded in bytes,
     * all of them (with their data copies, ~160 MB) were held at once and the import died.
     */
    @Test
    void manyBigRecordsDoNotPileUpInMemory() throws Exception {
        Path file = dir.resolve("many.jsonl");
        try (Writer w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < 20; i++) {
                record(w, "big-" + i, 4 * MB);
            }
        }
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-cp", System.getProperty("java.class.path"), "eventlens.cli.Main", "import",
                dir.resolve("p.db").toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the import finished").isTrue();
        String output = Files.readString(log);
        assertThat(output).doesNotContain("OutOfMemoryError").contains("imported 20,");
        assertThat(child.exitValue()).isZero();
    }
}
