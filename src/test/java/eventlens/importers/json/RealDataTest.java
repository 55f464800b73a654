package eventlens.importers.json;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImportOptions;
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
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(file)) {
            new JsonImporter().read(new ImportSource(file.toString(), in), ImportOptions.AUTOMATIC, sink);
        }
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).isNotEmpty();
        for (Event e : sink.events) {
            assertThat(e.raw()).isNotBlank();
            if (relative.startsWith("cloudevents")) {
                assertThat(e.id()).isNotBlank().doesNotStartWith("sha-");
                assertThat(e.type()).isNotBlank();
                assertThat(e.source()).isNotBlank();
                assertThat(e.time()).isNotNull();
            } else if (!relative.endsWith(ATOM_FEED)) {
                assertThat(e.id()).isNotBlank().doesNotStartWith("sha-");
                assertThat(e.type()).isEqualTo("ItemAdded");
                assertThat(e.time()).isNotNull();
                assertThat(e.data()).contains("Description");
            }
        }
    }
}
