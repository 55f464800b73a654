package eventlens.model.flow.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.flow.CausalGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportTest {
    private static Event event(int position, String id, String type, long millis, String cause) {
        return new Event(position, id, type, "svc \"A\"", Instant.parse("2024-01-15T10:00:00Z").plusMillis(millis),
                null, null, null, null, cause, "{}", null, "{}", null);
    }

    private static CausalGraph awkward() {
        return CausalGraph.build(List.of(
                event(1, "id with spaces", "a\"b<c>|#d&e", 100, null),
                event(2, "x-->y", "payment.failed", 60, "id with spaces"),
                event(3, "o", "stray", 70, "missing \"one\""),
                event(4, "self", "loop", 80, "self")));
    }

    @Test
    void mermaidUsesGeneratedIdsAndEscapesEveryLabel() {
        String m = MermaidExport.render(awkward());
        assertThat(m).startsWith("flowchart TD\n");
        assertThat(m).contains("a#quot;b#lt;c#gt;#124;#35;d#amp;e").contains(":::failed").contains(":::missing")
                .contains("-.->").contains("\"-40 ms\"");
        assertThat(m).doesNotContain("x-->y").doesNotContain("id with spaces");
        for (String line : m.split("\n")) {
            if (line.startsWith("  n") || line.startsWith("  m")) {
                assertThat(line.substring(2).split("[\\[ ]")[0]).matches("[nm][0-9]+");
            }
        }
    }

    @Test
    void dotEscapesQuotesAndDrawsTheMissingCause() {
        String d = DotExport.render(awkward());
        assertThat(d).startsWith("digraph flow {").contains("a\\\"b<c>|#d&e").contains("svc \\\"A\\\"")
                .contains("missing\\nmissing \\\"one\\\"").contains("style=dashed").endsWith("}\n");
    }

    @Test
    void treeTextMarksEveryAnomaly() {
        String t = TreeText.render(awkward());
        assertThat(t).contains("⚠ skew -40 ms").contains("✗ failed").contains("⚠ orphan (cause missing \"one\" missing)")
                .contains("↻ cycle").contains("3 anomalies");
    }

    @Test
    void jsonLinksByIdAndListsAnomalies() throws Exception {
        JsonNode j = Json.mapper().readTree(FlowJson.write(awkward()));
        assertThat(j.get("nodes")).hasSize(4);
        assertThat(j.get("edges")).singleElement().satisfies(e -> {
            assertThat(e.get("cause").asText()).isEqualTo("id with spaces");
            assertThat(e.get("latencyMicros").asLong()).isEqualTo(-40_000);
            assertThat(e.get("skewed").asBoolean()).isTrue();
        });
        List<String> kinds = new ArrayList<>();
        j.get("anomalies").forEach(a -> kinds.add(a.get("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrder("CLOCK_SKEW", "ORPHAN", "CYCLE");
        assertThat(j.get("stats").get("failures").asInt()).isEqualTo(1);
        assertThat(j.get("lanes").get(0).asText()).isEqualTo("svc \"A\"");
    }

    @Test
    void foldedSiblingsAppearAsOneGroupInEveryDiagram() {
        List<Event> events = new ArrayList<>();
        events.add(event(1, "cart", "cart.opened", 0, null));
        for (int i = 0; i < 500; i++) {
            events.add(event(2 + i, "i" + i, "item.added", 1 + i, "cart"));
        }
        CausalGraph g = CausalGraph.build(events);
        assertThat(TreeText.render(g)).contains("×500 item.added").hasLineCount(5);
        assertThat(MermaidExport.render(g)).contains("×500 item.added").contains(":::group");
        assertThat(DotExport.render(g)).contains("×500 item.added");
    }
}
