package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import writes the trace links of the events it stores and stamps the table, so the first flow opened
 * does not wait for a pass over every body; the rows are exactly those a refresh from nothing finds; and a
 * table that was behind before an import is left to its refresh, which catches up to the same rows.
 */
class ImportedTraceLinksTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @TempDir
    Path dir;

    private Path log(String name, int from, int to) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            String span = String.format("%016x", 0xabc000L + i);
            String context = switch (i % 4) {
                case 0 -> ",\"metadata\":{\"headers\":{\"traceparent\":\"00-" + TRACE + "-" + span + "-01\"}}";
                case 1 -> ",\"Traceparent\":\"00-" + TRACE + "-" + span + "-00\"";
                case 2 -> ",\"data\":{\"note\":\"no traceparent here\"}";
                default -> "";
            };
            out.append("{\"id\":\"e").append(i).append("\",\"type\":\"t\",\"time\":\"2026-03-01T10:00:00Z\",")
                    .append("\"correlationId\":\"c").append(i % 7).append('"').append(context).append("}\n");
        }
        return Files.writeString(dir.resolve(name), out.toString());
    }

    private static List<String> links(ProjectStore store) {
        return store.reads().list("SELECT event_id || ' ' || coalesce(correlation_id, '-') || ' ' || trace_id || ' ' "
                + "|| span_id || ' ' || flags FROM trace_links ORDER BY event_id", rs -> rs.getString(1));
    }

    private static String stamp(ProjectStore store) {
        return store.reads().list("SELECT value FROM meta WHERE key = ?", rs -> rs.getString(1), TraceLinks.STAMP_KEY)
                .stream().findFirst().orElse("");
    }

    /** What a refresh from nothing finds in a copy of the project. */
    private List<String> rebuilt(ProjectStore store, String name) {
        Path copy = dir.resolve(name);
        store.reads().update("VACUUM INTO ?", copy.toString());
        try (ProjectStore again = ProjectStore.open(copy)) {
            again.reads().update("DELETE FROM trace_links");
            again.reads().update("DELETE FROM meta WHERE key = ?", TraceLinks.STAMP_KEY);
            try (TraceLinks t = new TraceLinks(again)) {
                t.refresh();
            }
            return links(again);
        }
    }

    @Test
    void anImportWritesTheLinksARefreshWouldFindAndStampsThem() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.eventlens"), log("a.jsonl", 0, 400))) {
            assertThat(stamp(store)).isEqualTo("400");
            List<String> imported = links(store);
            assertThat(imported).hasSize(200).contains("e1 c1 " + TRACE + " 0000000000abc001 00");
            assertThat(imported).isEqualTo(rebuilt(store, "copy-1.eventlens"));
            try (TraceLinks t = new TraceLinks(store)) {
                assertThat(t.refresh()).as("nothing left to index").isZero();
            }
        }
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.eventlens"), log("b.jsonl", 400, 500))) {
            assertThat(stamp(store)).as("a second import keeps the table covered").isEqualTo("500");
            assertThat(links(store)).hasSize(250).isEqualTo(rebuilt(store, "copy-2.eventlens"));
        }
    }

    @Test
    void aTableBehindBeforeTheImportIsLeftToItsRefresh() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("q.eventlens"), log("a.jsonl", 0, 100))) {
            store.reads().update("DELETE FROM trace_links");
            store.reads().update("DELETE FROM meta WHERE key = ?", TraceLinks.STAMP_KEY);
        }
        try (ProjectStore store = TestProjects.imported(dir.resolve("q.eventlens"), log("b.jsonl", 100, 200))) {
            assertThat(stamp(store)).isEmpty();
            assertThat(links(store)).isEmpty();
            try (TraceLinks t = new TraceLinks(store)) {
                assertThat(t.refresh()).isEqualTo(100);
            }
            assertThat(stamp(store)).isEqualTo("200");
            assertThat(links(store)).hasSize(100).isEqualTo(rebuilt(store, "copy-3.eventlens"));
        }
    }
}
