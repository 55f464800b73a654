package eventlens.importers.json;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSource;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.ImportError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How the JSON reader finds its feet again after damage, and what it says about it. */
class JsonImporterRecoveryTest {
    private static RecordingSink read(String content) throws Exception {
        RecordingSink sink = new RecordingSink();
        new JsonImporter().read(new ImportSource("t.json",
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))), ImportOptions.AUTOMATIC, sink);
        return sink;
    }

    @Test
    void unrecognizedTokenPointsAtItsStart() throws Exception {
        RecordingSink sink = read("{\"id\":\"a\",\"x\": nope}\n");
        assertThat(sink.errors).extracting(ImportError::reason)
                .containsExactly("invalid JSON: unrecognized token 'nope' at column 16");
    }

    @Test
    void errorsInMultiLineRecordsNameLineAndColumn() throws Exception {
        RecordingSink sink = read("{\n  \"id\": \"a\"\n}\n{\n  \"id\": \"b\",\n  \"x\": ]\n}\n{\n  \"id\": \"c\"\n}\n");
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "c");
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.reason()).startsWith("invalid JSON: ").endsWith("at line 6, column 8");
        });
    }

    @Test
    void junkBetweenConcatenatedObjectsIsReportedOnItsOwn() throws Exception {
        RecordingSink sink = read("{\n  \"id\": \"a\"\n}\nsome junk here\n{\n  \"id\": \"b\"\n}\n");
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "b");
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.raw()).isEqualTo("some junk here");
        });
    }

    @Test
    void truncatedConcatenatedFileReportsTheLastRecord() throws Exception {
        RecordingSink sink = read("{\n  \"id\": \"a\"\n}\n{\n  \"id\": \"b\",\n  \"data\": {\"x\": 1");
        assertThat(sink.events).extracting(Event::id).containsExactly("a");
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isGreaterThanOrEqualTo(4);
            assertThat(e.reason()).startsWith("invalid JSON: the record ends too early");
        });
    }

    @Test
    void unterminatedStringEndsTheRecordAtTheLineEnd() throws Exception {
        RecordingSink sink = read("{\n  \"id\": \"a\n}\n{\n  \"id\": \"b\"\n}\n");
        assertThat(sink.events).extracting(Event::id).contains("b");
        assertThat(sink.errors).isNotEmpty();
    }

    @Test
    void brokenArrayElementIsSkippedAndTheOthersImport() throws Exception {
        RecordingSink sink = read("[{\"id\":\"a\"},{\"id\": },{\"id\":\"c\"}]");
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "c");
        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e.column()).isEqualTo(20));
    }

    @Test
    void arraysOneAfterAnotherAreBatches() throws Exception {
        RecordingSink sink = read("[\n{\"id\":\"a\"}\n]\n[\n{\"id\":\"b\"}\n]\n");
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "b");
    }

    @Test
    void deadLetterWithEventAsJsonString() throws Exception {
        RecordingSink sink = read("{\"event\":\"{\\\"id\\\":\\\"e1\\\"}\",\"error\":{\"type\":\"Boom\",\"message\":\"m\"},\"failedAt\":1700000000000}\n");
        assertThat(sink.events).isEmpty();
        assertThat(sink.deadLetters).singleElement().satisfies(d -> {
            assertThat(d.eventId()).isEqualTo("e1");
            assertThat(d.errorType()).isEqualTo("Boom");
            assertThat(d.event()).isEqualTo("{\"id\":\"e1\"}");
        });
    }

    @Test
    void sameContentGetsTheSameDerivedIdAcrossImports() throws Exception {
        String content = "{\"type\":\"Ping\",\"n\":1}\n";
        assertThat(read(content).events.get(0).id()).isEqualTo(read(content).events.get(0).id()).startsWith("sha-");
    }

    @Test
    void lineOfOnlyCarriageReturnsIsBlank() throws Exception {
        RecordingSink sink = read("{\"id\":\"a\"}\n\r\r\n{\"id\":\"b\"}\n");
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "b");
        assertThat(sink.errors).isEmpty();
    }
}
