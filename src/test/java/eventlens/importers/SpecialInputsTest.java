package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eventlens.model.ImportError;
import eventlens.model.store.ProjectStore;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, reliability 12 (import part): devices and named pipes are read as streams, and every empty
 * input (file, standard input, {@code /dev/null}) counts alike: no records, no failure, one note.
 */
class SpecialInputsTest {
    private static final String LINE = "{\"id\":\"a\",\"type\":\"t\",\"timestamp\":\"2024-01-15T10:00:00Z\"}\n";

    @TempDir
    Path dir;

    private final ImportService service = new ImportService(ImporterRegistry.standard());

    private ImportSummary importAll(ProjectStore store, ImportInput... inputs) throws ImportException {
        return service.run(store, List.of(inputs), null, ImportOptions.AUTOMATIC, ImportListener.NONE);
    }

    @Test
    void devNullIsAnEmptyInputNotAMissingFile() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull), "no /dev/null on this system");
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = importAll(store, ImportInput.of(devNull));
            assertEmpty(s, "/dev/null");
        }
    }

    @Test
    void anEmptyStandardInputAndAnEmptyFileCountAlike() throws Exception {
        Path emptyFile = Files.writeString(dir.resolve("empty.jsonl"), "");
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            assertEmpty(importAll(store, ImportInput.argument("-", new ByteArrayInputStream(new byte[0]))), "-");
            assertEmpty(importAll(store, ImportInput.of(emptyFile)), emptyFile.toString());
        }
    }

    @Test
    void aNamedPipeIsReadAsAStream() throws Exception {
        Path fifo = dir.resolve("events.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no mkfifo on this system: " + e.getMessage());
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(LINE.getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = importAll(store, ImportInput.of(fifo));
            assertThat(s.imported()).isEqualTo(1);
            assertThat(s.failed()).isZero();
        }
        writer.get(10, TimeUnit.SECONDS);
    }

    /** Found by the mutation fuzzer: a first line that lost its brace made the whole .jsonl file unrecognised. */
    @Test
    void aJsonLinesFileWhoseFirstLineIsDamagedKeepsTheOtherLines() throws Exception {
        Path file = Files.writeString(dir.resolve("damaged.jsonl"), "'\"id\":\"x\",\"type\":\"t\"}\n" + LINE
                + LINE.replace("\"a\"", "\"b\""));
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = importAll(store, ImportInput.of(file));
            assertThat(s.imported()).isEqualTo(2);
            assertThat(s.failed()).isEqualTo(1);
            assertThat(s.errors()).singleElement().satisfies((ImportError e) -> assertThat(e.line()).isEqualTo(1));
        }
    }

    @Test
    void aMissingFileIsStillRefused() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> importAll(store, ImportInput.of(dir.resolve("nope.jsonl"))))
                    .isInstanceOf(ImportException.class).hasMessageContaining("no such file or folder");
        }
    }

    private static void assertEmpty(ImportSummary s, String file) {
        assertThat(s.read()).isZero();
        assertThat(s.failed()).isZero();
        assertThat(s.warnings()).isEqualTo(1);
        assertThat(s.errors()).singleElement().satisfies((ImportError e) -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.warning()).isTrue();
            assertThat(e.reason()).isEqualTo("empty input: nothing to import");
        });
    }
}
