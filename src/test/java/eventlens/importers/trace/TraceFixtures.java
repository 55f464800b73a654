package eventlens.importers.trace;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSource;
import eventlens.importers.Importer;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading helpers and the causal-structure check shared by the trace reader tests. */
final class TraceFixtures {
    private TraceFixtures() {
    }

    static RecordingSink read(Importer importer, String json) throws Exception {
        return read(importer, "fixture.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    static RecordingSink read(Importer importer, String name, InputStream in) throws Exception {
        RecordingSink sink = new RecordingSink();
        importer.read(new ImportSource(name, in), ImportOptions.AUTOMATIC, sink);
        return sink;
    }

    static Event byId(List<Event> events, String id) {
        return events.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + id + " among " + ids(events)));
    }

    static List<String> ids(List<Event> events) {
        return events.stream().map(Event::id).toList();
    }

    /**
     * Every causation id names another event of the same list, except those of the expected
     * orphans (spans whose parent the file does not hold); ids are unique; correlation is the
     * trace id and the id starts with it.
     */
    static void assertParentsResolve(List<Event> events, String... expectedOrphans) {
        Set<String> ids = events.stream().map(Event::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(events.size());
        List<String> orphans = events.stream()
                .filter(e -> e.causationId() != null && !ids.contains(e.causationId()))
                .map(Event::id).toList();
        assertThat(orphans).containsExactlyInAnyOrder(expectedOrphans);
        for (Event e : events) {
            assertThat(e.causationId()).isNotEqualTo(e.id());
            assertThat(e.id()).startsWith(e.correlationId() + ":");
            assertThat(e.raw()).isNotBlank();
        }
    }
}
