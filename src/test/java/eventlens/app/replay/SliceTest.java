package eventlens.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import eventlens.replay.EventSource;
import eventlens.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scrubber's scale answers the same whether the slice is the whole log (a range) or a filtered list. */
class SliceTest {
    @TempDir
    Path dir;

    @Test
    void theWholeLogIsARangeThatAnswersAsTheListOfItsPositionsWould() throws Exception {
        Path log = dir.resolve("log.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            lines.add("{\"id\":\"e" + i + "\",\"type\":\"" + (i % 4 == 0 ? "four" : "t") + "\",\"timestamp\":"
                    + (1_700_000_000_000L + i) + ",\"data\":{}}");
        }
        Files.write(log, lines);
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.eventlens"), log)) {
            for (EventQuery q : List.of(EventQuery.ALL, EventQuery.ALL.withType("four"))) {
                Slice fast = Slice.of(store, q);
                Slice read = Slice.of(EventSource.of(store, q).positions());
                assertThat(fast.size()).isEqualTo(read.size()).isEqualTo(q.isAll() ? 300 : 75);
                for (int i = 0; i < read.size(); i++) {
                    assertThat(fast.positionAt(i)).isEqualTo(read.positionAt(i));
                }
                long last = read.positionAt(read.size() - 1);
                for (long p = -2; p <= last + 3; p++) {
                    assertThat(fast.indexOf(p)).as("%s, position %d", q, p).isEqualTo(read.indexOf(p));
                }
            }
        }
    }
}
