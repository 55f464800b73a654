package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.state.AggregateList;
import eventlens.model.state.StateAt;
import eventlens.model.store.AggregateSummary;
import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of one stream per file (EventStoreDB): the file name is the aggregate, the record index its version. */
class StreamPerFileMappingTest {
    private static final Map<String, String> STREAM_PER_FILE =
            Map.of("aggregateId", MappingFile.FILE, "version", MappingFile.RECORD);

    @TempDir
    Path dir;

    private ImportSummary importWith(ProjectStore store, Map<String, String> mapping, Path... files) throws Exception {
        return new ImportService(ImporterRegistry.standard()).run(store,
                java.util.Arrays.stream(files).map(ImportInput::of).toList(), null, new ImportOptions(mapping),
                ImportListener.NONE);
    }

    @Test
    void theFileNameBecomesTheAggregateAndTheRecordIndexItsVersion() throws Exception {
        Path cart = Files.writeString(dir.resolve("cart-7.json"), """
                [ {"eventId": "a", "eventType": "ItemAdded", "data": {"item": "x"}},
                  {"eventId": "b", "eventType": "ItemAdded", "data": {"item": "y"}},
                  {"eventId": "c", "eventType": "CheckedOut", "data": {"paid": true}} ]
                """);
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            assertThat(importWith(store, STREAM_PER_FILE, cart).imported()).isEqualTo(3);
            List<Event> events = store.page(EventQuery.ALL, 0, 10);
            assertThat(events).extracting(Event::aggregateId).containsOnly("cart-7");
            assertThat(events).extracting(Event::version).containsExactly(1L, 2L, 3L);
            assertThat(events).extracting(Event::type).containsExactly("ItemAdded", "ItemAdded", "CheckedOut");
        }
    }

    @Test
    void tokensOtherThanFileAndRecordAreRefused() {
        assertThat(MappingFile.problems(Map.of("aggregateId", "{path}"))).singleElement().asString()
                .contains("{file}").contains("{record}");
    }

    @Test
    void theEventStoreDbShoppingCartsShowTheirHistories() throws Exception {
        Path folder = Path.of(System.getProperty("eventlens.realdata", "../shared/realdata"), "eventstore",
                "esdb_http_api_samples");
        Assumptions.assumeTrue(Files.isDirectory(folder), "real data not present at " + folder + "; skipped");
        Path[] carts;
        try (var files = Files.list(folder)) {
            carts = files.filter(p -> p.getFileName().toString().startsWith("shoppingCart-")).sorted().toArray(Path[]::new);
        }
        try (ProjectStore store = ProjectStore.open(dir.resolve("esdb.db"))) {
            ImportSummary s = importWith(store, STREAM_PER_FILE, carts);
            assertThat(s.failed()).isZero();
            List<AggregateSummary> aggregates = new AggregateList(new StateAt(store)).page(null, "shoppingCart-", null, 10);
            assertThat(aggregates).hasSize(carts.length);
            assertThat(aggregates).allSatisfy(a -> {
                assertThat(a.versionIssues()).isZero();
                assertThat(a.currentVersion()).isEqualTo(a.events());
            });
            assertThat(aggregates.stream().mapToLong(AggregateSummary::events).sum()).isEqualTo(s.imported());
            StateAt states = new StateAt(store);
            assertThat(states.latest(aggregates.get(0).aggregateId()).orElseThrow().meta().eventCount())
                    .isEqualTo(aggregates.get(0).events());
        }
    }
}
