package eventlens.importers.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSource;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.ImportError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Debezium reader on hand-written change events, one concern per test. */
class DebeziumImporterTest {
    private static final String SOURCE = "\"source\":{\"connector\":\"postgresql\",\"name\":\"shop\",\"db\":\"shopdb\","
            + "\"schema\":\"public\",\"table\":\"orders\",\"txId\":77,\"lsn\":1000,\"ts_ms\":1700000000123}";

    static RecordingSink read(String text) throws Exception {
        RecordingSink sink = new RecordingSink();
        new DebeziumImporter().read(new ImportSource("fixture.txt",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), ImportOptions.AUTOMATIC, sink);
        return sink;
    }

    private static String change(String op, String before, String after) {
        return "{\"before\":" + before + ",\"after\":" + after + "," + SOURCE + ",\"op\":\"" + op
                + "\",\"ts_ms\":1700000000999}";
    }

    @ParameterizedTest(name = "op {0} → orders.{1}")
    @CsvSource(delimiter = '|', value = {
        "c | created   | null                          | {\"id\":7,\"status\":\"NEW\"}  | NEW",
        "r | read      | null                          | {\"id\":7,\"status\":\"NEW\"}  | NEW",
        "u | updated   | {\"id\":7,\"status\":\"NEW\"} | {\"id\":7,\"status\":\"PAID\"} | PAID",
        "d | deleted   | {\"id\":7,\"status\":\"PAID\"}| null                           | PAID"})
    void eachRowOpBecomesAnEventOfTheRowsAggregate(String op, String verb, String before, String after, String status)
            throws Exception {
        RecordingSink sink = read(change(op, before, after));
        assertThat(sink.errors).isEmpty();
        Event e = sink.events.get(0);
        assertThat(e.type()).isEqualTo("orders." + verb);
        assertThat(e.aggregateType()).isEqualTo("orders");
        assertThat(e.aggregateId()).isEqualTo("orders/7"); // table/key: ids are unique per project
        assertThat(e.source()).isEqualTo("postgresql/shopdb.public.orders");
        assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1700000000123L)); // source.ts_ms: when the database changed
        assertThat(e.dataTree().path("status").asText()).isEqualTo(status);
        assertThat(e.dataTree().path("__op").asText()).isEqualTo(op);
        // a snapshot read is no transaction of the application's
        assertThat(e.correlationId()).isEqualTo("r".equals(op) ? null : "shop:77");
    }

    @Test
    void truncateHasTheTableButNoRow() throws Exception {
        Event e = read(change("t", "null", "null")).events.get(0);
        assertThat(e.type()).isEqualTo("orders.truncated");
        assertThat(e.aggregateType()).isEqualTo("orders");
        assertThat(e.aggregateId()).isNull();
        assertThat(e.data()).isEqualTo("{\"__op\":\"t\"}");
    }

    @Test
    void updateNamesTheChangedColumnsAndKeepsBothImages() throws Exception {
        Event e = read(change("u", "{\"id\":7,\"status\":\"NEW\",\"total\":5}", "{\"id\":7,\"status\":\"PAID\",\"total\":5}"))
                .events.get(0);
        JsonNode meta = e.metadataTree();
        assertThat(meta.path("changed").toString()).isEqualTo("[\"status\"]");
        assertThat(meta.path("before").path("status").asText()).isEqualTo("NEW");
        assertThat(meta.path("after").path("status").asText()).isEqualTo("PAID");
        assertThat(meta.path("source").path("lsn").asLong()).isEqualTo(1000);
    }

    @Test
    void unknownOpIsAnErrorRowAndTheNextLineStillImports() throws Exception {
        RecordingSink sink = read(change("x", "null", "{\"id\":1}") + "\n"
                + "{\"not\":{\"a\":\"change\"}}\n"
                + "{\"before\":null,\"after\":{\"id\":2}, broken\n"
                + change("c", "null", "{\"id\":3}") + "\n");
        assertThat(sink.events).extracting(Event::aggregateId).containsExactly("orders/3");
        assertThat(sink.errors).extracting(ImportError::line).containsExactly(1L, 2L, 3L);
        assertThat(sink.errors.get(0).reason()).contains("unknown Debezium op \"x\"");
        assertThat(sink.errors.get(1).reason()).contains("not a Debezium change event");
        assertThat(sink.errors.get(2).raw()).contains("broken");
    }

    @Test
    void transactionMarkersAreReportedAndNotTakenForKeys() throws Exception {
        RecordingSink sink = read(String.join("\n",
                "{\"status\":\"BEGIN\",\"id\":\"571:53195829\",\"event_count\":null,\"data_collections\":null}",
                change("c", "null", "{\"id\":7}"),
                "{\"status\":\"END\",\"id\":\"571:53195829\",\"event_count\":1,\"data_collections\":[]}"));
        assertThat(sink.events).hasSize(1);
        assertThat(sink.events.get(0).metadataTree().has("key")).isFalse();
        assertThat(sink.errors).extracting(ImportError::line).containsExactly(1L, 3L);
        assertThat(sink.errors.get(0).reason()).startsWith("transaction BEGIN marker");
    }

    @Test
    void theSameChangeWithAndWithoutTheSchemaEnvelopeHasOneId() throws Exception {
        String bare = change("c", "null", "{\"id\":7}");
        String wrapped = "{\"schema\":{\"type\":\"struct\",\"name\":\"shop.public.orders.Envelope\",\"fields\":[]},"
                + "\"payload\":" + bare + "}";
        Event a = read(bare).events.get(0);
        Event b = read(wrapped).events.get(0);
        assertThat(a.id()).startsWith("sha-").isEqualTo(b.id());
        assertThat(read(change("c", "null", "{\"id\":8}")).events.get(0).id()).isNotEqualTo(a.id());
        assertThat(b.raw()).contains("\"schema\"");
    }

    @Test
    void schemaNamesLogicalTypesThatAreShownReadably() throws Exception {
        String schema = """
                {"type":"struct","name":"shop.public.orders.Envelope","fields":[
                 {"field":"after","type":"struct","name":"shop.public.orders.Value","fields":[
                  {"field":"id","type":"int32"},
                  {"field":"placed_on","type":"int32","name":"io.debezium.time.Date"},
                  {"field":"placed_at","type":"int64","name":"io.debezium.time.MicroTimestamp"},
                  {"field":"slot","type":"int64","name":"io.debezium.time.MicroTime"},
                  {"field":"total","type":"bytes","name":"org.apache.kafka.connect.data.Decimal","parameters":{"scale":"2"}},
                  {"field":"rate","type":"struct","name":"io.debezium.data.VariableScaleDecimal"},
                  {"field":"price","type":"double","name":"org.apache.kafka.connect.data.Decimal","parameters":{"scale":"2"}},
                  {"field":"tags","type":"string","name":"io.debezium.data.Json"}]}]}""".replace("\n", "");
        // 17927 days = 2019-01-31; 3999 = 0x0F9F = base64 "D58="; 123 with scale 1 = 12.3
        String after = "{\"id\":1,\"placed_on\":17927,\"placed_at\":1548936781500000,\"slot\":45000000000,"
                + "\"total\":\"D58=\",\"rate\":{\"scale\":1,\"value\":\"ew==\"},\"price\":39.98,\"tags\":\"[\\\"a\\\"]\"}";
        Event e = read("{\"schema\":" + schema + ",\"payload\":" + change("c", "null", after) + "}").events.get(0);
        JsonNode data = e.dataTree();
        assertThat(data.path("placed_on").asText()).isEqualTo("2019-01-31");
        assertThat(data.path("placed_at").asText()).isEqualTo("2019-01-31T12:13:01.500");
        assertThat(data.path("slot").asText()).isEqualTo("12:30");
        assertThat(data.path("total").decimalValue()).isEqualByComparingTo("39.99");
        assertThat(data.path("rate").decimalValue()).isEqualByComparingTo("12.3");
        assertThat(data.path("price").asDouble()).isEqualTo(39.98); // already a number: left alone
        assertThat(data.path("tags").get(0).asText()).isEqualTo("a");
        assertThat(e.metadataTree().path("after").path("placed_on").asText()).isEqualTo("2019-01-31");
    }

    @Test
    void keyAndValueOnAlternateLinesArePairedAndTheTombstoneAfterADeleteIsSkipped() throws Exception {
        RecordingSink sink = read(String.join("\n",
                "{\"id\":\"A-1\"}",
                change("c", "null", "{\"id\":7,\"status\":\"NEW\"}"),
                "{\"schema\":{\"type\":\"struct\",\"name\":\"shop.public.orders.Key\"},\"payload\":{\"id\":\"A-1\"}}",
                change("d", "{\"id\":7,\"status\":\"NEW\"}", "null"),
                "{\"id\":\"A-1\"}", // the tombstone: kcat printed its null value as an empty line
                "",
                "{\"id\":\"B-2\"}",
                "null", // a tombstone printed with kcat -Z
                "{\"id\":\"C-3\"}")); // a key with nothing after it
        assertThat(sink.events).extracting(Event::aggregateId).containsExactly("orders/A-1", "orders/A-1");
        assertThat(sink.events.get(0).metadataTree().path("key").path("id").asText()).isEqualTo("A-1");
        assertThat(sink.errors).hasSize(1);
        assertThat(sink.errors.get(0).line()).isEqualTo(9);
        assertThat(sink.errors.get(0).reason()).contains("key record with no change event after it");
    }

    @Test
    void compositeKeyJoinsItsValues() throws Exception {
        Event e = read("{\"order_id\":7,\"line\":2}\n" + change("c", "null", "{\"order_id\":7,\"line\":2,\"qty\":1}"))
                .events.get(0);
        assertThat(e.aggregateId()).isEqualTo("orders/7/2");
    }

    @Test
    void withoutKeyOrIdColumnTheTablesOwnIdColumnIsUsed() throws Exception {
        Event e = read(change("c", "null", "{\"order_id\":9,\"status\":\"NEW\"}")).events.get(0);
        assertThat(e.aggregateId()).isEqualTo("orders/9");
    }

    @Test
    void mongoDbAfterInExtendedJsonIsDecoded() throws Exception {
        String after = "{\\\"_id\\\": {\\\"$oid\\\": \\\"5f1e2d3c4b5a697887766554\\\"}, \\\"qty\\\": {\\\"$numberLong\\\": \\\"42\\\"},"
                + " \\\"placed\\\": {\\\"$date\\\": 1548936781000}, \\\"name\\\": \\\"pen\\\"}";
        String line = "{\"after\":\"" + after + "\",\"source\":{\"connector\":\"mongodb\",\"name\":\"m\",\"rs\":\"rs0\","
                + "\"db\":\"shop\",\"collection\":\"items\",\"ts_ms\":1548936781000},\"op\":\"c\",\"ts_ms\":1548936781999}";
        String key = "{\"id\":\"{\\\"$oid\\\": \\\"5f1e2d3c4b5a697887766554\\\"}\"}";
        Event e = read(key + "\n" + line).events.get(0);
        assertThat(e.type()).isEqualTo("items.created");
        assertThat(e.source()).isEqualTo("mongodb/shop.items");
        assertThat(e.aggregateId()).isEqualTo("items/5f1e2d3c4b5a697887766554");
        JsonNode data = e.dataTree();
        assertThat(data.path("_id").asText()).isEqualTo("5f1e2d3c4b5a697887766554");
        assertThat(data.path("qty").isIntegralNumber()).isTrue();
        assertThat(data.path("qty").asLong()).isEqualTo(42);
        assertThat(data.path("placed").asText()).isEqualTo("2019-01-31T12:13:01Z");
        assertThat(data.path("name").asText()).isEqualTo("pen");
    }

    @Test
    void timeFallsBackFromSourceToTheEventsOwnMostPreciseStamp() throws Exception {
        String line = "{\"before\":null,\"after\":{\"id\":1},\"source\":{\"connector\":\"mysql\",\"db\":\"d\",\"table\":\"t\","
                + "\"ts_ms\":0},\"op\":\"c\",\"ts_ms\":1700000000123,\"ts_us\":1700000000123456}";
        assertThat(read(line).events.get(0).time()).isEqualTo(Instant.parse("2023-11-14T22:13:20.123456Z"));
    }

    @Test
    void outboxRowOnItsOwnBecomesTheEventItCarries() throws Exception {
        RecordingSink sink = read("{\"id\":\"e-1\",\"aggregate_type\":\"Order\",\"aggregate_id\":\"42\","
                + "\"event_type\":\"OrderPaid\",\"payload\":\"{\\\"amount\\\": 12.5}\",\"created_at\":\"2024-05-01T10:00:00Z\","
                + "\"tracingspancontext\":null}");
        assertThat(sink.errors).isEmpty();
        Event e = sink.events.get(0);
        assertThat(e.id()).isEqualTo("e-1");
        assertThat(e.type()).isEqualTo("OrderPaid");
        assertThat(e.aggregateType()).isEqualTo("Order");
        assertThat(e.aggregateId()).isEqualTo("42");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(e.dataTree().path("amount").asDouble()).isEqualTo(12.5);
        assertThat(e.metadataTree().path("outbox").has("tracingspancontext")).isTrue();
    }

    @Test
    void outboxTableDeleteStaysAPlainChangeOfTheOutboxTable() throws Exception {
        // Debezium's event router ignores these deletes; they are shown as what they are
        String row = "{\"id\":\"e-1\",\"aggregatetype\":\"Order\",\"aggregateid\":\"42\",\"type\":\"OrderPaid\",\"payload\":\"{}\"}";
        String line = "{\"before\":" + row + ",\"after\":null,\"source\":{\"connector\":\"postgresql\",\"db\":\"d\","
                + "\"table\":\"outboxevent\",\"ts_ms\":1700000000000},\"op\":\"d\"}";
        Event e = read(line).events.get(0);
        assertThat(e.type()).isEqualTo("outboxevent.deleted");
        assertThat(e.aggregateId()).isEqualTo("outboxevent/e-1");
    }

    /** A text as a JSON string literal, as kcat writes a record's key and value. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void kcatDumpOfADebeziumTopicReadsTheChangeInEachValue() throws Exception {
        String key = quoted("{\"schema\":{\"type\":\"struct\",\"name\":\"shop.public.orders.Key\"},\"payload\":{\"id\":7}}");
        String created = quoted("{\"schema\":{\"type\":\"struct\"},\"payload\":" + change("c", "null", "{\"id\":7}") + "}");
        String deleted = quoted(change("d", "{\"id\":7}", "null"));
        RecordingSink sink = read(String.join("\n",
                "{\"topic\":\"shop.public.orders\",\"partition\":0,\"offset\":10,\"ts\":1700000001000,\"headers\":[],"
                        + "\"key\":" + key + ",\"payload\":" + created + "}",
                "{\"topic\":\"shop.public.orders\",\"partition\":0,\"offset\":11,\"key\":" + key + ",\"payload\":" + deleted + "}",
                "{\"topic\":\"shop.public.orders\",\"partition\":0,\"offset\":12,\"key\":" + key + ",\"payload\":null}"));
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::type).containsExactly("orders.created", "orders.deleted");
        assertThat(sink.events).extracting(Event::aggregateId).containsExactly("orders/7", "orders/7");
        JsonNode kafka = sink.events.get(0).metadataTree().path("kafka");
        assertThat(kafka.path("topic").asText()).isEqualTo("shop.public.orders");
        assertThat(kafka.path("offset").asLong()).isEqualTo(10);
        assertThat(sink.events.get(0).metadataTree().path("key").path("id").asInt()).isEqualTo(7);
    }

    @Test
    void outboxEventRouterOutputMapsHeadersKeyAndTopic() throws Exception {
        String value = quoted("{\"schema\":{\"type\":\"string\"},\"payload\":" + quoted("{\"id\": 1, \"customerId\": 123}") + "}");
        RecordingSink sink = read(String.join("\n",
                "{\"topic\":\"outbox.event.Order\",\"partition\":0,\"offset\":5,\"ts\":1556890294484,"
                        + "\"headers\":[\"id\",\"406c07f3-26f0-4eea-a50c-109940064b8f\",\"eventType\",\"OrderCreated\"],"
                        + "\"key\":\"1\",\"payload\":" + value + "}",
                "{\"topic\":\"customers\",\"partition\":1,\"offset\":9,\"timestamp\":1556890295000,"
                        + "\"headers\":[{\"key\":\"id\",\"value\":\"e-2\"},{\"key\":\"type\",\"value\":\"CustomerMoved\"}],"
                        + "\"key\":\"\\\"c-9\\\"\",\"value\":\"{\\\"city\\\":\\\"Lyon\\\"}\"}"));
        assertThat(sink.errors).isEmpty();
        Event order = sink.events.get(0);
        assertThat(order.id()).isEqualTo("406c07f3-26f0-4eea-a50c-109940064b8f");
        assertThat(order.type()).isEqualTo("OrderCreated");
        assertThat(order.aggregateType()).isEqualTo("Order");
        assertThat(order.aggregateId()).isEqualTo("1");
        assertThat(order.source()).isEqualTo("outbox.event.Order");
        assertThat(order.time()).isEqualTo(Instant.ofEpochMilli(1556890294484L));
        assertThat(order.dataTree().path("customerId").asInt()).isEqualTo(123);
        Event moved = sink.events.get(1);
        assertThat(moved.id()).isEqualTo("e-2");
        assertThat(moved.type()).isEqualTo("CustomerMoved");
        assertThat(moved.aggregateType()).isEqualTo("customers"); // a renamed topic: taken whole
        assertThat(moved.aggregateId()).isEqualTo("c-9");
        assertThat(moved.dataTree().path("city").asText()).isEqualTo("Lyon");
    }

    @Test
    void kafkaRecordThatIsNeitherAChangeNorRoutedIsAnErrorRow() throws Exception {
        String ddl = quoted("{\"source\":{\"connector\":\"mysql\"},\"databaseName\":\"shop\",\"ddl\":\"ALTER TABLE t\"}");
        RecordingSink sink = read("{\"topic\":\"shop\",\"partition\":0,\"offset\":3,\"key\":null,\"payload\":" + ddl + "}");
        assertThat(sink.events).isEmpty();
        assertThat(sink.errors.get(0).reason()).contains("neither a Debezium change event nor outbox router output");
    }

    @Test
    void logicalDecodingMessageIsKeyedByItsPrefix() throws Exception {
        String line = "{\"op\":\"m\",\"ts_ms\":1700000000000,\"source\":{\"connector\":\"postgresql\",\"db\":\"d\","
                + "\"table\":\"\"},\"message\":{\"prefix\":\"audit\",\"content\":\"aGk=\"}}";
        Event e = read(line).events.get(0);
        assertThat(e.type()).isEqualTo("message");
        assertThat(e.aggregateId()).isEqualTo("audit");
        assertThat(e.dataTree().path("message").path("content").asText()).isEqualTo("aGk=");
    }

    @Test
    void commentHeadersAreSkippedAndPrettyPrintedRecordsKeepTheirLines() throws Exception {
        String text = "/*\n * licence\n */\n# Kafka Message key: \"7\"\n// note\n{\n  \"before\": null,\n  \"after\": {\"id\": 7},\n"
                + "  " + SOURCE + ",\n  \"op\": \"c\"\n}\n{\n  \"op\": \"c\", \"after\": {\"id\": 8}, " + SOURCE + "\n}\n";
        RecordingSink sink = read(text);
        assertThat(sink.errors).isEmpty();
        assertThat(sink.comments).isEqualTo(5); // counted, as in every JSON layout
        assertThat(sink.events).extracting(Event::aggregateId).containsExactly("orders/7", "orders/8");
        assertThat(sink.events).extracting(e -> e.origin().line()).containsExactly(6L, 12L);
        assertThat(sink.events.get(0).metadataTree().path("kafka").path("key").asText()).isEqualTo("7");
        assertThat(sink.events.get(1).metadataTree().has("kafka")).isFalse(); // a note is for the record below it only
    }
}
