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

/**
 * Trailing commas are tolerated and reported: every record is imported, and each comma is a warning
 * row with its line and column (docs/decisions/0025-comments-counted-trailing-commas-warned.md).
 */
class TrailingCommaTest {
    private static RecordingSink read(String content) throws Exception {
        RecordingSink sink = new RecordingSink();
        new JsonImporter().read(new ImportSource("f.json",
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))), ImportOptions.AUTOMATIC, sink);
        return sink;
    }

    private static String where(ImportError e) {
        return e.line() + ":" + e.column() + " " + e.reason();
    }

    @Test
    void aJsonLinesLineEndingWithACommaIsImportedWithAWarning() throws Exception {
        RecordingSink sink = read("{\"id\":\"a\",\"type\":\"t\"},\n{\"id\":\"b\",\"type\":\"t\"} , \r\n{\"id\":\"c\",\"type\":\"t\"}\n");
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "b", "c");
        assertThat(sink.events.get(0).raw()).isEqualTo("{\"id\":\"a\",\"type\":\"t\"}");
        assertThat(sink.errors).allMatch(ImportError::warning).extracting(TrailingCommaTest::where).containsExactly(
                "1:22 trailing comma after the record (tolerated: the record was imported)",
                "2:23 trailing comma after the record (tolerated: the record was imported)");
    }

    @Test
    void aCommaBeforeAClosingBracketInsideARecordIsImportedWithAWarning() throws Exception {
        RecordingSink sink = read("{\"id\":\"a\",\"type\":\"t\",\"data\":{\"tags\":[\"x,\",],},}\n");
        assertThat(sink.events).singleElement().satisfies(e -> assertThat(e.data()).isEqualTo("{\"tags\":[\"x,\"]}"));
        assertThat(sink.errors).extracting(TrailingCommaTest::where).containsExactly(
                "1:42 trailing comma before a closing bracket (tolerated: the record was imported)");
    }

    @Test
    void aCommaAfterAnArraysLastRecordIsReportedAndEveryRecordImported() throws Exception {
        RecordingSink sink = read("[\n  {\"id\":\"a\",\"type\":\"t\"},\n  {\"id\":\"b\",\"type\":\"t\"},\n]\n");
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "b");
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.warning()).isTrue();
            assertThat(where(e)).isEqualTo("3:24 trailing comma before ']' (tolerated: every record was imported)");
        });
    }

    @Test
    void extraCommasInAnArrayAndBetweenObjectsAreReported() throws Exception {
        RecordingSink array = read("[,{\"id\":\"a\",\"type\":\"t\"},, {\"id\":\"b\",\"type\":\"t\"}]");
        assertThat(array.events).extracting(Event::id).containsExactly("a", "b");
        assertThat(array.errors).extracting(TrailingCommaTest::where).containsExactly(
                "1:2 comma before the first record (tolerated: every record was imported)",
                "1:25 a second comma in a row (tolerated: every record was imported)");
        RecordingSink objects = read("{\n  \"id\": \"a\", \"type\": \"t\"\n},\n{\n  \"id\": \"b\", \"type\": \"t\"\n}\n");
        assertThat(objects.events).extracting(Event::id).containsExactly("a", "b");
        assertThat(objects.errors).extracting(TrailingCommaTest::where).containsExactly(
                "3:2 comma between records (tolerated: every record was imported)");
    }

    @Test
    void aRecordWithAnotherFaultBesidesItsCommaIsStillAnErrorWithoutAWarning() throws Exception {
        RecordingSink sink = read("{\"id\":\"a\",\"type\":\"t\",\n{\"id\":\"b\",\"type\":\"t\" \"x\":1,}\n{\"id\":\"c\"}\n");
        assertThat(sink.events).extracting(Event::id).containsExactly("c");
        assertThat(sink.errors).hasSize(2).noneMatch(ImportError::warning);
        assertThat(sink.errors.get(0).reason()).startsWith("invalid JSON: the record ends too early");
    }

    @Test
    void commasInsideStringsAreNotTrailingCommas() {
        byte[] text = "{\"a\":\",}\",\"b\":[1]}".getBytes(StandardCharsets.UTF_8);
        assertThat(TrailingCommas.first(text, text.length)).isEqualTo(-1);
        byte[] after = "{\"a\":1} ,\t".getBytes(StandardCharsets.UTF_8);
        assertThat(TrailingCommas.first(after, after.length)).isEqualTo(8);
        assertThat(TrailingCommas.endWithoutFinalComma(after, after.length)).isEqualTo(7);
    }
}
