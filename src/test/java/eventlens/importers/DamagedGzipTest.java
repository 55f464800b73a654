package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, reliability 5: a damaged {@code .gz} keeps what was read before the damage, reports the damage
 * as an error row with its place, and the other files of the command are imported.
 */
class DamagedGzipTest {
    private static final int LINES = 4_000;

    @TempDir
    Path dir;

    private final ImportService service = new ImportService(ImporterRegistry.standard());

    private static String line(int i) {
        return "{\"id\":\"z" + i + "\",\"type\":\"t\",\"timestamp\":\"2024-01-15T10:00:00Z\",\"data\":{\"n\":" + i
                + ",\"pad\":\"" + "abcdefghij".repeat(i % 9) + "\"}}\n";
    }

    private static byte[] gzipped() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            b.append(line(i));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private Path good() throws IOException {
        return Files.writeString(dir.resolve("good.jsonl"), "{\"id\":\"g1\",\"type\":\"t\",\"timestamp\":\"2024-01-15T10:00:00Z\"}\n");
    }

    private ImportSummary importBoth(ProjectStore store, Path damaged) throws ImportException, IOException {
        return service.run(store, List.of(ImportInput.of(damaged), ImportInput.of(good())), null,
                ImportOptions.AUTOMATIC, ImportListener.NONE);
    }

    /** The error rows of every file of the import. */
    private static List<ImportError> rows(ProjectStore store) {
        return store.imports().stream().flatMap(i -> store.importErrors(i.id(), 0, 100_000).stream()).toList();
    }

    @Test
    void aTruncatedGzipKeepsTheLinesBeforeTheCutAndTheOtherFiles() throws Exception {
        byte[] whole = gzipped();
        int cut = whole.length / 2;
        Path damaged = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(whole, cut));
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = importBoth(store, damaged);

            assertThat(s.imported()).as("about half of the lines, and the good file").isBetween(1_000L, (long) LINES);
            assertThat(store.event("g1")).isPresent();
            List<Event> first = store.page(EventQuery.ALL, 0, 3);
            assertThat(first).extracting(Event::id).containsExactly("z0", "z1", "z2");
            ImportError damage = rows(store).stream().filter(e -> e.reason().contains("gzip")).findFirst().orElseThrow();
            assertThat(damage.reason()).startsWith("gzip stream truncated at byte " + cut);
            assertThat(damage.file()).isEqualTo(damaged.toString());
            long fromDamagedFile = s.imported() - 1;
            assertThat(damage.line()).as("the line of the content where the cut is").isEqualTo(fromDamagedFile + 1);
        }
    }

    @Test
    void aBadTrailerKeepsEveryLineAndSaysTheTrailerDoesNotMatch() throws Exception {
        byte[] bytes = gzipped();
        bytes[bytes.length - 6] ^= (byte) 0xFF; // inside the CRC-32 of the trailer
        Path damaged = Files.write(dir.resolve("crc.jsonl.gz"), bytes);
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = importBoth(store, damaged);

            assertThat(s.imported()).isEqualTo(LINES + 1);
            assertThat(s.failed()).isEqualTo(1);
            assertThat(rows(store)).singleElement().satisfies(e -> {
                assertThat(e.reason()).startsWith("gzip trailer CRC or length mismatch at byte");
                assertThat(e.line()).isEqualTo(LINES + 1);
            });
        }
    }

    @Test
    void corruptDeflateDataKeepsWhatCameBeforeItAndIsReported() throws Exception {
        byte[] bytes = gzipped();
        for (int i = bytes.length * 2 / 3; i < bytes.length * 2 / 3 + 64; i++) {
            bytes[i] = (byte) 0xFF;
        }
        Path damaged = Files.write(dir.resolve("junk.jsonl.gz"), bytes);
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importBoth(store, damaged);

            for (int i = 0; i < LINES / 2; i++) {
                assertThat(store.event("z" + i)).as("line %d, before the damage", i + 1).isPresent();
            }
            assertThat(store.event("g1")).isPresent();
            // Inflating garbage may fail at once or yield junk until the trailer's CRC check: either is reported.
            assertThat(rows(store)).anySatisfy(e -> assertThat(e.reason())
                    .matches("gzip (data damaged|trailer CRC or length mismatch) at byte \\d+.*"));
        }
    }

    @Test
    void aGzipFileWithADamagedHeaderIsOneErrorRow() throws Exception {
        byte[] bytes = gzipped();
        bytes[2] = 9; // compression method: only 8 (deflate) exists
        Path damaged = Files.write(dir.resolve("head.jsonl.gz"), bytes);
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = importBoth(store, damaged);

            assertThat(s.imported()).isEqualTo(1);
            assertThat(s.failed()).isEqualTo(1);
            assertThat(rows(store)).singleElement().satisfies(e ->
                    assertThat(e.reason()).startsWith("not a readable gzip file: its header is damaged"));
        }
    }

    @Test
    void aGzFileThatIsNotGzipIsOneErrorRowAndTheOtherFilesAreImported() throws Exception {
        byte[] junk = new byte[300];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 37);
        }
        Path damaged = Files.write(dir.resolve("junk.gz"), junk);
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = importBoth(store, damaged);

            assertThat(s.imported()).isEqualTo(1);
            assertThat(rows(store)).singleElement().satisfies(e ->
                    assertThat(e.reason()).startsWith("named .gz but not gzip data; no reader recognises this input"));
        }
    }

    @Test
    void damageIsReportedEvenWhenWhatCameBeforeItIsNotRecognised() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write("# a licence header only\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        Path damaged = Files.write(dir.resolve("header.txt.gz"), Arrays.copyOf(whole, whole.length - 12));
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importBoth(store, damaged);

            assertThat(store.event("g1")).isPresent();
            assertThat(rows(store)).extracting(ImportError::reason).anySatisfy(r -> assertThat(r)
                    .startsWith("no reader recognises this input")).anySatisfy(r -> assertThat(r)
                    .startsWith("gzip stream truncated at byte " + (whole.length - 12)));
        }
    }

    /** Found by the mutation fuzzer: reading on after a reader had closed its stream failed the import. */
    @Test
    void aReaderThatStopsEarlyAndClosesItsStreamStillHasTheDamageReported() throws Exception {
        Importer firstLineOnly = new Importer() {
            @Override
            public String name() {
                return "first-line";
            }

            @Override
            public String description() {
                return "reads one line, then closes its stream";
            }

            @Override
            public List<FieldSource> fields() {
                return List.of();
            }

            @Override
            public int sniff(byte[] head, String name) {
                return 1;
            }

            @Override
            public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
                try (var in = source.input()) {
                    in.read(new byte[10]);
                } catch (IOException e) {
                    throw new ImportException(source.name(), 0, 0, "cannot read: " + e.getMessage(), e);
                }
            }
        };
        byte[] whole = gzipped();
        Path damaged = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(whole, whole.length * 3 / 4));
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = new ImportService(new ImporterRegistry(List.of(firstLineOnly))).run(store,
                    List.of(ImportInput.of(damaged)), null, ImportOptions.AUTOMATIC, ImportListener.NONE);

            assertThat(s.errors()).singleElement().satisfies(e ->
                    assertThat(e.reason()).startsWith("gzip stream truncated at byte " + whole.length * 3 / 4));
        }
    }

    @Test
    void theImportPreviewReadsTheContentBeforeTheDamage() throws Exception {
        byte[] whole = gzipped();
        Path damaged = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(whole, 200));
        try (var in = ImportService.decompressed(Files.newInputStream(damaged))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith(line(0));
        }
    }
}
