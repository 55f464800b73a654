package eventlens.importers.json;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImportOptions;
import eventlens.importers.Importer;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.ImportSource;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Imports the real files under {@code ../shared/realdata} (skipped where they are absent). */
class RealDataTest {
    private static final Path REALDATA = Path.of(System.getProperty("eventlens.realdata", "../shared/realdata"));
    private static final String ATOM_FEED = "persistent-subscription-read-stream-response.json";

    static Stream<String> files() throws IOException {
        List<String> found = new java.util.ArrayList<>();
        for (String folder : List.of("cloudevents", "eventstore/esdb_http_api_samples")) {
            Path dir = REALDATA.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".json")).sorted()
                            .forEach(f -> found.add(REALDATA.relativize(f).toString()));
                }
            }
        }
        // one placeholder keeps the parameterized test from failing when the folder is absent
        return found.isEmpty() ? Stream.of("(realdata not present)") : found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void importsRealFile(String relative) throws Exception {
        Path file = REALDATA.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "realdata not present at " + REALDATA);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        Importer reader = ImporterRegistry.standard().detect(head, file.toString());
        // the Atom feed belongs to the EventStoreDB reader; the append batches and CloudEvents stay JSON
        assertThat(reader.name()).isEqualTo(relative.endsWith(ATOM_FEED) ? "esdb" : "json");
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(file)) {
            reader.read(new ImportSource(file.toString(), in), ImportOptions.AUTOMATIC, sink);
        }
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).isNotEmpty();
        if (relative.endsWith(ATOM_FEED)) {
            assertThat(sink.events).hasSize(1);
        }
        for (Event e : sink.events) {
            assertThat(e.raw()).isNotBlank();
            if (relative.startsWith("cloudevents")) {
                assertThat(e.id()).isNotBlank().doesNotStartWith("sha-");
                assertThat(e.type()).isNotBlank();
                assertThat(e.source()).isNotBlank();
                assertThat(e.time()).isNotNull();
            } else if (relative.endsWith(ATOM_FEED)) {
                // a feed read without embed=body: id from the ack link, type from summary, stream and
                // number from the title "1@newstream"
                assertThat(e.id()).isEqualTo("c322e299-cb73-4b47-97c5-5054f920746f");
                assertThat(e.type()).isEqualTo("SomeEvent");
                assertThat(e.aggregateId()).isEqualTo("newstream");
                assertThat(e.aggregateType()).isEqualTo("newstream");
                assertThat(e.version()).isEqualTo(1L);
                assertThat(e.time()).isEqualTo(java.time.Instant.parse("2015-12-02T09:17:48.556545Z"));
                assertThat(e.data()).isNull();
            } else {
                assertThat(e.id()).isNotBlank().doesNotStartWith("sha-");
                assertThat(e.type()).isEqualTo("ItemAdded");
                assertThat(e.time()).isNotNull();
                assertThat(e.data()).contains("Description");
            }
        }
    }
}
