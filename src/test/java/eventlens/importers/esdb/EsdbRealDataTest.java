package eventlens.importers.esdb;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImportInput;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImportSource;
import eventlens.importers.ImportSummary;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowLoader;
import eventlens.model.query.EventQuery;
import eventlens.model.query.QueryParser;
import eventlens.model.state.AggregateState;
import eventlens.model.state.StateAt;
import eventlens.model.store.ProjectStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real EventStoreDB-style files under {@code ../shared/realdata/eventstore} (skipped where absent). */
class EsdbRealDataTest {
    private static final Path EVENTSTORE = Path.of(System.getProperty("eventlens.realdata", "../shared/realdata"),
            "eventstore");
    private static final String METERING = "msft_metering_RefreshIncludedQuantities";
    private static final String SUBSCRIPTION = "fdc778a6-1281-40e4-cade-4a5fc11f5440";

    @TempDir
    Path dir;

    private static Path folder(String name) {
        Path folder = EVENTSTORE.resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(folder), "real data not present at " + folder + "; skipped");
        return folder;
    }

    private static ImportSummary importAll(ProjectStore store, String format, Path... inputs) throws Exception {
        return new ImportService(ImporterRegistry.standard()).run(store, Stream.of(inputs).map(ImportInput::of).toList(),
                format, ImportOptions.AUTOMATIC, ImportListener.NONE);
    }

    private static Map<String, Event> byId(ProjectStore store) {
        return store.page(EventQuery.ALL, 0, 1000).stream().collect(Collectors.toMap(Event::id, Function.identity()));
    }

    @Test
    void theMeteringFolderImportsAsEightEventsAndEightSnapshots() throws Exception {
        Path metering = folder(METERING);
        try (ProjectStore store = ProjectStore.open(dir.resolve("m.db"))) {
            ImportSummary s = importAll(store, null, metering);

            assertThat(s.format()).isEqualTo("esdb");
            assertThat(s.read()).isEqualTo(16);
            assertThat(s.imported()).isEqualTo(16);
            assertThat(s.failed()).isZero();
            Map<String, Event> events = byId(store);
            assertThat(events.values().stream().filter(e -> e.type().equals(FolderExport.SNAPSHOT))).hasSize(8);

            Event purchased = events.get(METERING + "/000");
            assertThat(purchased.type()).isEqualTo("SubscriptionPurchased");
            assertThat(purchased.aggregateId()).isEqualTo(SUBSCRIPTION);
            assertThat(purchased.aggregateType()).isEqualTo("resource");
            assertThat(purchased.version()).isZero();
            assertThat(purchased.time()).isEqualTo(Instant.parse("2021-11-04T16:12:26Z"));
            assertThat(purchased.dataTree().at("/subscription/plan/planId").asText()).isEqualTo("mySaaSPlan");
            assertThat(purchased.metadataTree().path("label").asText()).isEqualTo("SubscriptionPurchased-2-year");

            Event overage = events.get(METERING + "/004");
            assertThat(overage.type()).isEqualTo("UsageReported");
            assertThat(overage.version()).isEqualTo(4L);
            assertThat(overage.time()).as("the file name's time, not value.timestamp").isEqualTo(Instant.parse("2023-11-03T00:00:02Z"));
            assertThat(overage.dataTree().path("quantity").asInt()).isEqualTo(2);

            Event ping = events.get(METERING + "/005");
            assertThat(ping.type()).isEqualTo("Ping");
            assertThat(ping.aggregateId()).isEqualTo("partition-0");

            Event submitted = events.get(METERING + "/006");
            assertThat(submitted.type()).isEqualTo("UsageSubmittedToAPI");
            assertThat(submitted.aggregateId()).isEqualTo(SUBSCRIPTION);
            assertThat(submitted.correlationId()).isEqualTo("deadbeef");

            Event recorded = events.get(METERING + "/005/state");
            assertThat(recorded.causationId()).isEqualTo(ping.id());
            assertThat(recorded.aggregateId()).isNull();
            assertThat(recorded.version()).isEqualTo(5L);
            assertThat(recorded.time()).isEqualTo(Instant.parse("2023-11-03T01:15:00Z"));
            assertThat(recorded.metadataTree().path("aggregateIds").get(0).asText()).isEqualTo(SUBSCRIPTION);
            assertThat(recorded.dataTree().at("/meters/0/usageToBeReported/0/quantity").asDouble()).isEqualTo(1.0);
        }
    }

    @Test
    void theRecordedStateOfAnEventIsFoundBesideTheFoldedOne() throws Exception {
        Path metering = folder(METERING);
        try (ProjectStore store = ProjectStore.open(dir.resolve("s.db"))) {
            importAll(store, null, metering);

            AggregateState folded = new StateAt(store).atVersion(SUBSCRIPTION, 4).orElseThrow();
            List<Event> recorded = store.page(QueryParser.parse("cause:" + METERING + "/004"), 0, 10);

            assertThat(folded.meta().eventCount()).as("snapshots never enter the fold").isEqualTo(5);
            assertThat(folded.meta().version()).isEqualTo(4L);
            assertThat(folded.data().path("quantity").asInt()).isEqualTo(2);
            assertThat(recorded).singleElement().satisfies(snapshot -> {
                assertThat(snapshot.type()).isEqualTo("$snapshot");
                assertThat(snapshot.version()).isEqualTo(folded.meta().version());
                assertThat(snapshot.dataTree().at("/meters/0/subscription/resourceId").asText()).isEqualTo(SUBSCRIPTION);
            });
            CausalGraph flow = new FlowLoader(store).byEvent(METERING + "/004").orElseThrow();
            assertThat(flow.nodes()).extracting(n -> n.event().id())
                    .containsExactly(METERING + "/004", METERING + "/004/state");
            assertThat(flow.node(METERING + "/004/state").orElseThrow().parent())
                    .isEqualTo(flow.node(METERING + "/004").orElseThrow().index());
            assertThat(new StateAt(store).latest(SUBSCRIPTION).orElseThrow().meta().lastEventType())
                    .isEqualTo("UsageSubmittedToAPI");
        }
    }

    @Test
    void everyFileUnderEventstoreImportsWithoutErrors() throws Exception {
        Path all = folder("");
        try (ProjectStore store = ProjectStore.open(dir.resolve("all.db"))) {
            ImportSummary s = importAll(store, null, all);

            // 16 metering files, 7 events in 4 shopping-cart batches, 1 entry in the Atom feed
            assertThat(s.imported()).isEqualTo(24);
            assertThat(s.failed()).isZero();
            assertThat(s.format()).contains("esdb").contains("json");
            Event entry = byId(store).get("c322e299-cb73-4b47-97c5-5054f920746f");
            assertThat(entry.origin().format()).isEqualTo("esdb");
            assertThat(entry.aggregateId()).isEqualTo("newstream");
        }
    }

    @Test
    void appendBatchesReadAsEsdbTakeTheStreamFromTheFileName() throws Exception {
        Path samples = folder("esdb_http_api_samples");
        Path cart = samples.resolve("shoppingCart-b989fe21-9469-4017-8d71-9820b8dd1164.json");
        Assumptions.assumeTrue(Files.isRegularFile(cart), "real data not present at " + cart + "; skipped");
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(cart)) {
            new EsdbImporter().read(new ImportSource(cart.toString(), in), ImportOptions.AUTOMATIC, sink);
        }

        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::id)
                .containsExactly("b989fe21-9469-4017-8d71-9820b8dd1164", "b989fe21-9469-4017-8d71-9820b8dd1174");
        assertThat(sink.events).extracting(Event::aggregateId).containsOnly("shoppingCart-b989fe21-9469-4017-8d71-9820b8dd1164");
        assertThat(sink.events).extracting(Event::aggregateType).containsOnly("shoppingCart");
        assertThat(sink.events).extracting(Event::version).containsExactly(0L, 1L);
        assertThat(sink.events.get(1).time()).isEqualTo(Instant.parse("2016-12-23T07:05:00.922540Z"));
        assertThat(sink.events.get(1).dataTree().path("Description").asText()).isEqualTo("Gears of War 4");
    }
}
