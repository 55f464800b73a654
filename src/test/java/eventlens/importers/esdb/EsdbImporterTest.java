package eventlens.importers.esdb;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSource;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.ImportError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Hand-written EventStoreDB feeds, entries and folder-export files. */
class EsdbImporterTest {
    /** A page of stream order-42 read with ?embed=body: newest first, as the server writes it. */
    private static final String FEED = """
            {
              "title": "Event stream 'order-42'",
              "id": "http://localhost:2113/streams/order-42",
              "updated": "2024-03-01T10:00:02.000001Z",
              "streamId": "order-42",
              "author": {"name": "EventStore"},
              "headOfStream": true,
              "selfUrl": "http://localhost:2113/streams/order-42",
              "eTag": "2;248368668",
              "links": [{"uri": "http://localhost:2113/streams/order-42", "relation": "self"}],
              "entries": [
                {
                  "eventId": "0a7f5d0c-0000-4000-8000-000000000003",
                  "eventType": "OrderNoted",
                  "eventNumber": 2,
                  "data": "just a note, not JSON",
                  "metaData": "",
                  "streamId": "order-42",
                  "isJson": false,
                  "isMetaData": false,
                  "isLinkMetaData": false,
                  "positionEventNumber": 2,
                  "positionStreamId": "order-42",
                  "title": "2@order-42",
                  "id": "http://localhost:2113/streams/order-42/2",
                  "updated": "2024-03-01T10:00:02.000001Z",
                  "summary": "OrderNoted"
                },
                {
                  "eventId": "0a7f5d0c-0000-4000-8000-000000000002",
                  "eventType": "OrderPaid",
                  "eventNumber": "one",
                  "data": "{\\"amount\\": 10}",
                  "streamId": "order-42",
                  "isJson": true,
                  "title": "1@order-42",
                  "updated": "2024-03-01T10:00:01Z"
                },
                {
                  "eventId": "0a7f5d0c-0000-4000-8000-000000000001",
                  "eventType": "OrderPlaced",
                  "eventNumber": 0,
                  "data": "{\\"sku\\": \\"X-1\\", \\"qty\\": 2}",
                  "metaData": "{\\"$correlationId\\": \\"corr-1\\", \\"$causationId\\": \\"cmd-9\\", \\"user\\": \\"ann\\"}",
                  "streamId": "order-42",
                  "isJson": true,
                  "isMetaData": true,
                  "positionEventNumber": 0,
                  "positionStreamId": "order-42",
                  "title": "0@order-42",
                  "id": "http://localhost:2113/streams/order-42/0",
                  "updated": "2024-03-01T10:00:00.123Z",
                  "summary": "OrderPlaced"
                }
              ]
            }
            """;

    private static RecordingSink read(String name, String text) throws Exception {
        RecordingSink sink = new RecordingSink();
        new EsdbImporter().read(new ImportSource(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))),
                ImportOptions.AUTOMATIC, sink);
        return sink;
    }

    @Test
    void feedEntriesBecomeEventsOldestFirstAndABadEntryIsReportedWhileTheRestImports() throws Exception {
        RecordingSink sink = read("order-42.json", FEED);

        assertThat(sink.events).extracting(Event::id).containsExactly(
                "0a7f5d0c-0000-4000-8000-000000000001", "0a7f5d0c-0000-4000-8000-000000000003");
        assertThat(sink.events).extracting(Event::version).containsExactly(0L, 2L);
        ImportError bad = sink.errors.get(0);
        assertThat(sink.errors).hasSize(1);
        assertThat(bad.reason()).isEqualTo("entry 2 of the feed: eventNumber is not a whole number: \"one\"");
        assertThat(bad.line()).isEqualTo(FEED.lines().toList().indexOf(
                FEED.lines().filter(l -> l.contains("000000000002")).findFirst().orElseThrow()) + 1L);
        assertThat(bad.raw()).contains("OrderPaid");
    }

    @Test
    void jsonDataAndMetadataAreDecodedAndTheSystemCorrelationFieldsMapped() throws Exception {
        Event placed = read("order-42.json", FEED).events.get(0);

        assertThat(placed.type()).isEqualTo("OrderPlaced");
        assertThat(placed.aggregateId()).isEqualTo("order-42");
        assertThat(placed.aggregateType()).isEqualTo("order");
        assertThat(placed.time()).isEqualTo(Instant.parse("2024-03-01T10:00:00.123Z"));
        assertThat(placed.dataTree().path("qty").asInt()).isEqualTo(2);
        assertThat(placed.metadataTree().path("user").asText()).isEqualTo("ann");
        assertThat(placed.correlationId()).isEqualTo("corr-1");
        assertThat(placed.causationId()).isEqualTo("cmd-9");
        assertThat(placed.raw()).contains("\"eventNumber\":0").doesNotContain("OrderPaid");
        assertThat(placed.origin().format()).isEqualTo("esdb");
    }

    @Test
    void dataNotWrittenAsJsonIsKeptAsText() throws Exception {
        Event noted = read("order-42.json", FEED).events.get(1);

        assertThat(noted.dataTree().isTextual()).isTrue();
        assertThat(noted.dataTree().textValue()).isEqualTo("just a note, not JSON");
        assertThat(noted.metadataTree().textValue()).isEmpty();
        assertThat(noted.correlationId()).isNull();
    }

    @Test
    void dataMarkedAsJsonThatDoesNotParseIsKeptAsTextNotLost() throws Exception {
        RecordingSink sink = read("e.jsonl", "{\"eventId\":\"e9\",\"eventType\":\"T\",\"eventNumber\":3,"
                + "\"streamId\":\"s-1\",\"isJson\":true,\"data\":\"{broken\"}\n");

        assertThat(sink.errors).isEmpty();
        assertThat(sink.events.get(0).dataTree().textValue()).isEqualTo("{broken");
    }

    @Test
    void anEntryReadThroughACategoryStreamKeepsItsOwnStreamAndNumber() throws Exception {
        String line = "{\"eventId\":\"e1\",\"eventType\":\"Shipped\",\"eventNumber\":7,\"streamId\":\"order-42\","
                + "\"positionStreamId\":\"$ce-order\",\"positionEventNumber\":1530,\"data\":\"{}\",\"isJson\":true,"
                + "\"updated\":\"2024-03-01T11:00:00Z\"}\n";
        Event shipped = read("ce-order.jsonl", line).events.get(0);

        assertThat(shipped.aggregateId()).isEqualTo("order-42");
        assertThat(shipped.version()).isEqualTo(7L);
    }

    @Test
    void appendBatchesTakeTheirStreamFromTheFileName() throws Exception {
        RecordingSink sink = read("/x/shoppingCart-b9.json", """
                [{"eventId": "a", "eventType": "ItemAdded", "data": {"d": 1}, "metadata": {"TimeStamp": "2016-12-23T08:00:00.9225401+01:00"}},
                 {"eventId": "b", "eventType": "ItemAdded", "data": {"d": 2}}]
                """);

        assertThat(sink.events).extracting(Event::aggregateId).containsOnly("shoppingCart-b9");
        assertThat(sink.events).extracting(Event::aggregateType).containsOnly("shoppingCart");
        assertThat(sink.events).extracting(Event::version).containsExactly(0L, 1L);
        assertThat(sink.events.get(0).time()).isEqualTo(Instant.parse("2016-12-23T07:00:00.922540Z"));
    }

    @Test
    void recordsOfNoKnownShapeAreErrorRows() throws Exception {
        RecordingSink sink = read("x.json", "{\"hello\": 1}\n[1]\n{\"eventType\": \"T\"}\n");

        assertThat(sink.events).isEmpty();
        assertThat(sink.errors).extracting(ImportError::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("not an EventStoreDB record: expected an Atom feed"),
                r -> assertThat(r).contains("expected a JSON object"),
                r -> assertThat(r).isEqualTo("no eventId (nor an ack link or id URI)"));
    }

    @Test
    void folderExportFilesMapEventsAndTurnStatesIntoSnapshotsOfTheEventBefore() throws Exception {
        Event usage = read("/exports/case1/004--event--2023-11-03--00-00-02--Usage-go-into-overage.json",
                "\uFEFF{\"type\": \"UsageReported\", \"value\": {\"resourceId\": \"r-1\", \"quantity\": 2}}").events.get(0);
        Event ping = read("/exports/case1/005--event--2023-11-03--01-15-00--Ping.json",
                "{\"type\": \"Ping\", \"value\": {\"partitionId\": \"0\"}}").events.get(0);
        Event state = read("/exports/case1/004--state.json",
                "{\"lastProcessedMessage\": {\"sequenceNumber\": \"4\", \"partitionTimestamp\": \"2023-11-03T00:00:02Z\"},"
                        + " \"meters\": [{\"subscription\": {\"resourceId\": \"r-1\"}, \"usageToBeReported\": []}]}").events.get(0);

        assertThat(usage.id()).isEqualTo("case1/004");
        assertThat(usage.type()).isEqualTo("UsageReported");
        assertThat(usage.aggregateId()).isEqualTo("r-1");
        assertThat(usage.version()).isEqualTo(4L);
        assertThat(usage.time()).isEqualTo(Instant.parse("2023-11-03T00:00:02Z"));
        assertThat(usage.dataTree().path("quantity").asInt()).isEqualTo(2);
        assertThat(usage.metadataTree().path("label").asText()).isEqualTo("Usage-go-into-overage");
        assertThat(ping.aggregateId()).isEqualTo("partition-0");
        assertThat(ping.aggregateType()).isEqualTo("partition");

        assertThat(state.type()).isEqualTo(FolderExport.SNAPSHOT);
        assertThat(state.id()).isEqualTo("case1/004/state");
        assertThat(state.causationId()).isEqualTo(usage.id());
        assertThat(state.aggregateId()).as("a snapshot never enters the fold").isNull();
        assertThat(state.version()).isEqualTo(4L);
        assertThat(state.time()).isEqualTo(Instant.parse("2023-11-03T00:00:02Z"));
        assertThat(state.metadataTree().path("snapshot").asBoolean()).isTrue();
        assertThat(state.metadataTree().path("aggregateIds").get(0).asText()).isEqualTo("r-1");
        assertThat(state.metadataTree().has("recordedSequenceNumber")).isFalse();
        assertThat(state.dataTree().path("meters").size()).isEqualTo(1);
    }

    @Test
    void anEventFileWithoutATypeIsAnErrorRow() throws Exception {
        RecordingSink sink = read("/e/001--event--2021-11-05--00-00-01--x.json", "{\"value\": {}}");

        assertThat(sink.events).isEmpty();
        assertThat(sink.errors).singleElement().extracting(ImportError::reason)
                .isEqualTo("an event file needs a \"type\" (found members value)");
    }

    @Test
    void sniffIsHighOnlyForFeedsAndClaimsFolderExportsByName() throws Exception {
        EsdbImporter esdb = new EsdbImporter();
        byte[] feed = FEED.getBytes(StandardCharsets.UTF_8);
        byte[] plain = "{\"type\": \"Ping\", \"value\": {}}".getBytes(StandardCharsets.UTF_8);
        byte[] batch = "[{\"eventId\": \"a\", \"eventType\": \"ItemAdded\", \"data\": {}}]".getBytes(StandardCharsets.UTF_8);

        assertThat(esdb.sniff(feed, "page.json")).isEqualTo(97);
        assertThat(esdb.sniff("{\"contentType\": \"application/vnd.eventstore.atom+json\"}".getBytes(StandardCharsets.UTF_8), "x"))
                .isEqualTo(97);
        assertThat(esdb.sniff(plain, "/f/005--event--2023-11-03--01-15-00--Ping.json")).isEqualTo(92);
        assertThat(esdb.sniff(plain, "/f/005--state.json")).isEqualTo(92);
        assertThat(esdb.sniff(plain, "ping.json")).isZero();
        assertThat(esdb.sniff(batch, "shoppingCart-1.json")).isZero();
        ImporterRegistry registry = ImporterRegistry.standard();
        assertThat(registry.detect(feed, "page.json").name()).isEqualTo("esdb");
        assertThat(registry.detect(plain, "/f/005--state.json").name()).isEqualTo("esdb");
        assertThat(registry.detect(plain, "ping.json").name()).isEqualTo("json");
        assertThat(registry.detect(batch, "shoppingCart-1.json").name()).isEqualTo("json");
    }
}
