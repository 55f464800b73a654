package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportServiceTest {
    @TempDir
    Path dir;

    private final ImportService service = new ImportService(ImporterRegistry.standard());

    private static String line(int i, String corr) {
        return "{\"id\":\"e" + i + "\",\"type\":\"order.created\",\"timestamp\":\"2024-01-15T10:00:0" + (i % 10)
                + "Z\",\"source\":\"orders\",\"data\":{\"n\":" + i + "},\"metadata\":{\"correlationId\":\"" + corr + "\"}}\n";
    }

    private Path log(String name, int from, int to) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(line(i, "c" + (i % 3)));
        }
        return Files.writeString(dir.resolve(name), b);
    }

    private ImportSummary importAll(ProjectStore store, ImportInput... inputs) throws ImportException {
        return service.run(store, List.of(inputs), null, ImportOptions.AUTOMATIC, ImportListener.NONE);
    }

    @Test
    void importsAFileAndReportsTheCounts() throws Exception {
        Path file = log("a.jsonl", 0, 10);
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = importAll(store, ImportInput.of(file));
            assertThat(s.format()).isEqualTo("json");
            assertThat(s.read()).isEqualTo(10);
            assertThat(s.imported()).isEqualTo(10);
            assertThat(store.count(EventQuery.correlation("c1"))).isEqualTo(3);
            Event first = store.eventAt(1).orElseThrow();
            assertThat(first.origin().file()).isEqualTo(file.toAbsolutePath().toString());
            assertThat(first.origin().line()).isEqualTo(1);
        }
    }

    @Test
    void foldersAreWalkedInNameOrderAndGzipIsDecompressed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("logs/nested"));
        log("logs/a.jsonl", 0, 3);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("b.jsonl.gz")))) {
            out.write((line(3, "c") + line(4, "c")).getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("logs/.hidden"), "junk");
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = importAll(store, ImportInput.of(dir.resolve("logs")));
            assertThat(s.imported()).isEqualTo(5);
            assertThat(s.files()).hasSize(2);
            assertThat(store.page(EventQuery.ALL, 0, 10)).extracting(Event::id).containsExactly("e0", "e1", "e2", "e3", "e4");
        }
    }

    @Test
    void anEpochTimeTooFarOffLeavesTheTimeEmptyAndLosesNothing() throws Exception {
        Path file = dir.resolve("far.jsonl");
        Files.writeString(file, line(1, "c") + "{\"id\":\"b\",\"type\":\"t\",\"timestamp\":1e22}\n"
                + "{\"id\":\"c\",\"type\":\"t\",\"timestamp\":-1e30}\n"
                + "{\"id\":\"d\",\"type\":\"t\",\"timestamp\":\"9223372036854775807\"}\n" + line(2, "c"));
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = importAll(store, ImportInput.of(file));
            assertThat(s.imported()).isEqualTo(5);
            List<Event> events = store.page(EventQuery.ALL, 0, 10);
            assertThat(events).extracting(Event::id).containsExactly("e1", "b", "c", "d", "e2");
            assertThat(events.subList(1, 3)).extracting(Event::time).containsOnlyNulls();
            assertThat(events.get(3).time()).as("the largest long, as nanoseconds").hasToString("2262-04-11T23:47:16.854775Z");
            assertThat(events.get(0).time()).isNotNull();
        }
    }

    @Test
    void standardInputIsRecordedAsDash() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = importAll(store, ImportInput.argument("-",
                    new ByteArrayInputStream(line(1, "c").getBytes(StandardCharsets.UTF_8))));
            assertThat(s.imported()).isEqualTo(1);
            assertThat(store.eventAt(1).orElseThrow().origin().file()).isEqualTo("-");
        }
    }

    @Test
    void reimportingTheSameFileAddsNothing() throws Exception {
        Path file = log("a.jsonl", 0, 50);
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importAll(store, ImportInput.of(file));
            ImportSummary again = importAll(store, ImportInput.of(file));
            assertThat(again.imported()).isZero();
            assertThat(again.skipped()).isEqualTo(50);
            assertThat(store.eventCount()).isEqualTo(50);
        }
    }

    @Test
    void theSameEventsFromAnotherFileAreCountedAsDuplicateDeliveries() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importAll(store, ImportInput.of(log("a.jsonl", 0, 5)));
            ImportSummary s = importAll(store, ImportInput.of(log("b.jsonl", 3, 8)));
            assertThat(s.imported()).isEqualTo(3);
            assertThat(s.duplicates()).isEqualTo(2);
            assertThat(store.deliveryCount("e3").deliveries()).isEqualTo(2);
        }
    }

    @Test
    void aMissingInputStopsBeforeAnythingIsWritten() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            assertThatThrownBy(() -> importAll(store, ImportInput.of(log("a.jsonl", 0, 2)),
                    ImportInput.of(dir.resolve("nope.jsonl"))))
                    .isInstanceOf(ImportException.class).hasMessageContaining("no such file");
            assertThat(store.eventCount()).isZero();
        }
    }

    @Test
    void anUnknownFormatIsRefused() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            assertThatThrownBy(() -> service.run(store, List.of(ImportInput.of(log("a.jsonl", 0, 1))), "yaml",
                    ImportOptions.AUTOMATIC, ImportListener.NONE)).hasMessageContaining("unknown format 'yaml'");
        }
    }

    @Test
    void anUnrecognisedFileIsReportedAndTheOthersImport() throws Exception {
        Files.write(dir.resolve("junk.bin"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0x7f});
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = importAll(store, ImportInput.of(dir.resolve("junk.bin")),
                    ImportInput.of(log("a.jsonl", 0, 4)));
            assertThat(s.imported()).isEqualTo(4);
            assertThat(s.failed()).isEqualTo(1);
            assertThat(s.errors().get(0).file()).endsWith("junk.bin");
            assertThat(s.errors().get(0).reason()).contains("no reader recognises");
        }
    }

    @Test
    void cancellingRollsBackEverythingAndReportsProgressByBytes() throws Exception {
        Path file = log("big.jsonl", 0, 20_000);
        long size = Files.size(file);
        AtomicLong lastBytes = new AtomicLong();
        AtomicLong total = new AtomicLong();
        ImportListener cancelHalfway = new ImportListener() {
            @Override
            public void progress(long bytesDone, long bytesTotal, long records) {
                lastBytes.set(bytesDone);
                total.set(bytesTotal);
            }

            @Override
            public boolean cancelled() {
                return lastBytes.get() > size / 2;
            }
        };
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importAll(store, ImportInput.of(log("first.jsonl", 100_000, 100_010)));
            assertThatThrownBy(() -> service.run(store, List.of(ImportInput.of(file)), null, ImportOptions.AUTOMATIC,
                    cancelHalfway)).isInstanceOf(ImportCancelledException.class);
            assertThat(total.get()).isEqualTo(size);
            assertThat(lastBytes.get()).isGreaterThan(size / 2);
            assertThat(store.eventCount()).isEqualTo(10);
            assertThat(store.imports()).hasSize(1);
        }
    }
}
