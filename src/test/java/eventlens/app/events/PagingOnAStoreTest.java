package eventlens.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.SameThreadWork;
import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events view over a real SQLite project large enough that loading it whole would show. */
class PagingOnAStoreTest {
    static final int EVENTS = 200_000;

    @TempDir
    static Path dir;
    static ProjectStore store;

    @BeforeAll
    static void buildProject() {
        store = ProjectStore.open(dir.resolve("big.eventlens"));
        Instant t0 = Instant.parse("2024-01-15T10:00:00Z");
        try (ImportWriter writer = store.beginImport()) {
            writer.startFile("big.jsonl", "json", null);
            for (int i = 1; i <= EVENTS; i++) {
                String id = "e" + i;
                writer.add(new Event(0, id, i % 10 == 0 ? "payment.failed" : "order.created", "svc", t0.plusMillis(i),
                        "Order", "order-" + i % 1000, (long) i / 1000 + 1, "c" + i % 5000, null,
                        "{\"n\":" + i + "}", "{}", "{\"id\":\"" + id + "\"}", new Origin("big.jsonl", i, "json")));
            }
            writer.commit();
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** The store, counting the pages asked of it. */
    static final class Counting implements EventPages {
        final EventPages inner = EventPages.of(store);
        final List<Long> offsets = new ArrayList<>();

        @Override
        public long count(EventQuery query) {
            return inner.count(query);
        }

        @Override
        public List<Event> page(EventQuery query, long offset, int limit) {
            offsets.add(offset);
            return inner.page(query, offset, limit);
        }
    }

    @Test
    void readingTheFirstAndLastRowsReadsTwoPagesQuickly() {
        Counting source = new Counting();
        EventsViewModel model = new EventsViewModel(new SameThreadWork(), new EventDetailViewModel(new SameThreadWork()));
        model.setSource(source);
        var rows = model.rowsProperty().get();
        assertThat(rows).hasSize(EVENTS);

        long start = System.nanoTime();
        assertThat(rows.get(0).id()).isEqualTo("e1");
        assertThat(rows.get(EVENTS - 1).id()).isEqualTo("e" + EVENTS);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(source.offsets).hasSize(2);
        assertThat(millis).as("two page reads, ms").isLessThan(500);
    }

    @Test
    void aFilteredListPagesTooAndHoldsOnlyMatchingEvents() {
        Counting source = new Counting();
        EventsViewModel model = new EventsViewModel(new SameThreadWork(), new EventDetailViewModel(new SameThreadWork()));
        model.setSource(source);
        model.filterTextProperty().set("type:payment.failed");
        model.applyFilter();
        var rows = model.rowsProperty().get();
        assertThat(rows).hasSize(EVENTS / 10);
        assertThat(rows.get(rows.size() - 1).id()).isEqualTo("e" + EVENTS);
        assertThat(rows.get(0).type()).isEqualTo("payment.failed");
        assertThat(source.offsets).hasSize(2);
    }
}
