package eventlens.importers.json;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImportOptions;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON reader keeps an event's data and metadata as the record writes them (decision 0068): the data member is
 * not made into a tree, the metadata not written out again from its tree, and every other field is found as before.
 */
class VerbatimDataTest {
    private final JsonImporter importer = new JsonImporter();

    private RecordingSink read(String content, ImportOptions options) throws Exception {
        RecordingSink sink = new RecordingSink();
        importer.read(new eventlens.importers.ImportSource("events.jsonl",
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))), options, sink);
        return sink;
    }

    @Test
    void dataIsTheRecordsOwnTextWithItsSpacingAndNumbers() throws Exception {
        String data = "{\"price\": 70.30, \"n\": 1e2, \"items\": [ {\"sku\":\"A\"} ]}";
        String line = "{\"id\":\"a\",\"type\":\"T\",\"version\":3,\"time\":\"2024-01-01T00:00:00Z\",\"data\":" + data
                + ",\"metadata\":{\"correlationId\":\"c\",\"source\":\"s\"}}";
        RecordingSink sink = read(line + "\n", ImportOptions.AUTOMATIC);
        assertThat(sink.errors).isEmpty();
        Event e = sink.events.getFirst();
        assertThat(e.data()).isEqualTo(data);
        assertThat(e.id()).isEqualTo("a");
        assertThat(e.version()).isEqualTo(3L);
        assertThat(e.correlationId()).isEqualTo("c");
        assertThat(e.source()).isEqualTo("s");
        assertThat(e.metadata()).isEqualTo("{\"correlationId\":\"c\",\"source\":\"s\"}");
        assertThat(e.raw()).isEqualTo(line);
    }

    @Test
    void metadataIsKeptAsWrittenAndItsMembersAreStillFound() throws Exception {
        String meta = "{ \"correlationId\": \"c-1\", \"causation_id\": \"p\", \"weight\": 1.50 }";
        String line = "{\"id\":\"a\",\"type\":\"T\",\"data\":{},\"headers\":" + meta + "}";
        Event e = read(line + "\n", ImportOptions.AUTOMATIC).events.getFirst();
        assertThat(e.metadata()).isEqualTo(meta);
        assertThat(e.correlationId()).isEqualTo("c-1");
        assertThat(e.causationId()).isEqualTo("p");
        String array = "{\"id\":\"b\",\"type\":\"T\",\"meta\": [1, 2.50]}";
        assertThat(read(array + "\n", ImportOptions.AUTOMATIC).events.getFirst().metadata()).isEqualTo("[1,2.5]");
    }

    @Test
    void aRecordBeyondAsciiKeepsItsDataTextWhole() throws Exception {
        // Line two sits after a line of multi-byte characters in the same buffer: places are counted in bytes.
        String first = "{\"id\":\"é\",\"type\":\"T\",\"payload\":[\"ünïcödé\",\"😀\"]}";
        String second = "{\"id\":\"b\",\"type\":\"T\",\"note\":\"naïve\",\"data\":{\"city\":\"Zürich\",\"x\":[1,2]}}";
        RecordingSink sink = read(first + "\n" + second + "\n", ImportOptions.AUTOMATIC);
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::data)
                .containsExactly("[\"ünïcödé\",\"😀\"]", "{\"city\":\"Zürich\",\"x\":[1,2]}");
    }

    @Test
    void prettyPrintedRecordsOneAfterAnotherAndArraysKeepTheirDataText() throws Exception {
        String first = "{\n  \"id\": \"a\",\n  \"data\": {\n    \"x\": [1, 2]\n  }\n}";
        String second = "{\n  \"id\": \"b\",\n  \"data\": {\"y\": \"}\"}\n}";
        assertThat(read(first + "\n" + second + "\n", ImportOptions.AUTOMATIC).events).extracting(Event::data)
                .containsExactly("{\n    \"x\": [1, 2]\n  }", "{\"y\": \"}\"}");
        assertThat(read("[" + first + ",\n" + second + "]", ImportOptions.AUTOMATIC).events).extracting(Event::data)
                .containsExactly("{\n    \"x\": [1, 2]\n  }", "{\"y\": \"}\"}");
    }

    @Test
    void aFaultInsideTheDataStillFailsTheRecordAndTheNextIsRead() throws Exception {
        String bad = "{\"id\":\"a\",\"type\":\"T\",\"data\":{\"x\":tru}}";
        String deep = "{\"id\":\"d\",\"type\":\"T\",\"data\":" + "[".repeat(Json.MAX_DEPTH + 5)
                + "]".repeat(Json.MAX_DEPTH + 5) + "}";
        String good = "{\"id\":\"b\",\"type\":\"T\",\"data\":{\"x\":true}}";
        RecordingSink sink = read(bad + "\n" + deep + "\n" + good + "\n", ImportOptions.AUTOMATIC);
        assertThat(sink.events).extracting(Event::id).containsExactly("b");
        assertThat(sink.errors).extracting(err -> err.line()).containsExactly(1L, 2L);
    }

    @Test
    void scalarDataAndDataInAStringAreReadAsBefore() throws Exception {
        String text = "{\"id\":\"a\",\"type\":\"T\",\"data\":\"{\\\"x\\\": 1}\"}";
        String scalar = "{\"id\":\"b\",\"type\":\"T\",\"data\":5}";
        String none = "{\"id\":\"c\",\"type\":\"T\",\"amount\": 2.50}";
        RecordingSink sink = read(text + "\n" + scalar + "\n" + none + "\n", ImportOptions.AUTOMATIC);
        assertThat(sink.events).extracting(Event::data).containsExactly("{\"x\":1}", "5", "{\"amount\":2.5}");
    }

    @Test
    void theLastOfTwoDataMembersWinsAsInATree() throws Exception {
        String line = "{\"id\":\"a\",\"type\":\"T\",\"data\":{\"first\":1},\"data\":{\"second\":2}}";
        assertThat(read(line + "\n", ImportOptions.AUTOMATIC).events.getFirst().data()).isEqualTo("{\"second\":2}");
    }

    @Test
    void aMappingReadsTheTreeAsBefore() throws Exception {
        String line = "{\"id\":\"a\",\"type\":\"T\",\"data\":{\"price\": 70.30}}";
        RecordingSink sink = read(line + "\n", new ImportOptions(Map.of("aggregateId", "/data/price")));
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events.getFirst().aggregateId()).isEqualTo("70.3");
        assertThat(sink.events.getFirst().data()).isEqualTo("{\"price\":70.3}");
    }
}
