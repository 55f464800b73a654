package eventlens.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import eventlens.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages read ahead on another thread give the events of the query in order, and fail as the store fails. */
class StorePagesTest {
    private static final int EVENTS = 2 * StorePages.PAGE + 500;
    @TempDir
    Path dir;

    private ProjectStore project() throws Exception {
        Path log = dir.resolve("log.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= EVENTS; i++) {
            lines.add("{\"id\":\"e" + i + "\",\"type\":\"" + (i % 3 == 0 ? "odd" : "t") + "\",\"timestamp\":"
                    + (1_700_000_000_000L + i) + ",\"data\":{\"n\":" + i + "}}");
        }
        Files.write(log, lines);
        return TestProjects.imported(dir.resolve("p.eventlens"), log);
    }

    @Test
    void everyEventOfTheQueryComesOnceInPositionOrderAcrossPages() throws Exception {
        try (ProjectStore store = project()) {
            List<Long> positions = new ArrayList<>();
            new StorePages(store, EventQuery.ALL).forEachRemaining(e -> positions.add(e.position()));
            assertThat(positions).hasSize(EVENTS).isSorted().doesNotHaveDuplicates();

            List<String> filtered = new ArrayList<>();
            new StorePages(store, EventQuery.ALL.withType("odd")).forEachRemaining(e -> filtered.add(e.type()));
            assertThat(filtered).hasSize(EVENTS / 3).containsOnly("odd");
        }
    }

    @Test
    void theRecordTextsAreReadWithThePagesOnlyOnceAnEventsTextsWereAskedFor() throws Exception {
        try (ProjectStore store = project()) {
            store.buildIndexes(); // the replay's blocks among them
            List<Event> expected = store.events(EventQuery.ALL, 0, EVENTS);
            StorePages pages = new StorePages(store, EventQuery.ALL);
            List<Event> read = new ArrayList<>();
            for (int i = 0; i < StorePages.PAGE + 10; i++) {
                read.add(pages.next());
            }
            assertThat(pages.readsTexts()).as("no handler asked for a text yet").isFalse();
            assertThat(read.get(StorePages.PAGE + 5).data()).isEqualTo("{\"n\":" + (StorePages.PAGE + 6) + "}");
            assertThat(pages.readsTexts()).as("the pages after this one come with their texts").isTrue();
            pages.forEachRemaining(read::add);
            assertThat(read).hasSize(EVENTS);
            read.forEach(Event::raw);
            assertThat(read).isEqualTo(expected);
        }
    }

    @Test
    void aSlicesPositionsAreThoseOfItsEventsWithoutReadingThem() throws Exception {
        try (ProjectStore store = project()) {
            for (EventQuery q : List.of(EventQuery.ALL, EventQuery.ALL.withType("odd"))) {
                EventSource source = EventSource.of(store, q);
                List<Long> read = new ArrayList<>();
                source.open().forEachRemaining(e -> read.add(e.position()));
                assertThat(source.positions()).as("%s", q).containsExactly(read.stream().mapToLong(Long::longValue).toArray());
            }
        }
    }

    @Test
    void aPageThatCannotBeReadFailsWithTheStoresOwnError() throws Exception {
        ProjectStore store = project();
        Iterator<Event> pages = new StorePages(store, EventQuery.ALL);
        for (int i = 0; i < StorePages.PAGE; i++) {
            pages.next();
        }
        store.close();
        // The second page may have been read ahead before the close; the third cannot be read.
        assertThatThrownBy(() -> pages.forEachRemaining(e -> { }))
                .isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(CompletionException.class);
    }
}
