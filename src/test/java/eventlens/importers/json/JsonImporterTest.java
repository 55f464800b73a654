package eventlens.importers.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.importers.ImportCancelledException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSink;
import eventlens.importers.ImportSource;
import eventlens.importers.RecordingSink;
import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.ImportError;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JsonImporterTest {
    @TempDir
    Path dir;

    private final JsonImporter importer = new JsonImporter();

    private RecordingSink read(byte[] content) throws Exception {
        Path file = dir.resolve("events.json");
        Files.write(file, content);
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(file)) {
            importer.read(new ImportSource(file.toString(), in), ImportOptions.AUTOMATIC, sink);
        }
        return sink;
    }

    private RecordingSink read(String content) throws Exception {
        return read(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonLinesKeepEachLineAsRawWithItsLineNumber() throws Exception {
        String a = "{\"id\":\"a\",\"type\":\"A\",\"time\":\"2024-01-01T00:00:00Z\"}";
        String b = "{ \"id\" : \"b\", \"type\" : \"B\" }";
        RecordingSink sink = read(a + "\n\n" + b + "\r\n");
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::raw).containsExactly(a, b);
        assertThat(sink.events).extracting(e -> e.origin().line()).containsExactly(1L, 3L);
        assertThat(sink.events.get(0).origin().format()).isEqualTo("json");
        assertThat(sink.events.get(0).time()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void topLevelArrayOfRecordsKeepsEachElementsText() throws Exception {
        String content = "[\n  {\"id\": \"a\",\n   \"type\": \"A\"},\n  {\"id\": \"b\", \"type\": \"B\"}\n]\n";
        RecordingSink sink = read(content);
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::raw)
                .containsExactly("{\"id\": \"a\",\n   \"type\": \"A\"}", "{\"id\": \"b\", \"type\": \"B\"}");
        assertThat(sink.events).extracting(e -> e.origin().line()).containsExactly(2L, 4L);
    }

    @Test
    void oneLineArrayIsAnArrayOfRecords() throws Exception {
        RecordingSink sink = read("[{\"id\":\"a\"},{\"id\":\"b\"}]");
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "b");
    }

    @Test
    void concatenatedPrettyPrintedObjects() throws Exception {
        String first = "{\n  \"id\": \"a\",\n  \"type\": \"A\"\n}";
        String second = "{\n  \"id\": \"b\",\n  \"text\": \"has } and { inside \\\" quotes\"\n}";
        RecordingSink sink = read(first + "\n" + second + "\n");
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::raw).containsExactly(first, second);
        assertThat(sink.events).extracting(e -> e.origin().line()).containsExactly(1L, 5L);
    }

    @Test
    void brokenRecordInTheMiddleOfConcatenatedObjectsIsReportedAndTheNextImports() throws Exception {
        String content = "{\n  \"id\": \"a\"\n}\n{\n  \"id\": \"b\",\n  \"x\": \n{\n  \"id\": \"c\"\n}\n";
        RecordingSink sink = read(content);
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "c");
        assertThat(sink.errors).hasSize(1);
        assertThat(sink.errors.get(0).line()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void brokenJsonInTheMiddleIsRejectedWithColumnAndTheRestImports() throws Exception {
        RecordingSink sink = read("{\"id\":\"a\"}\n{\"id\":\"b\",,}\n{\"id\":\"c\"}\n");
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "c");
        ImportError error = sink.errors.get(0);
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(11);
        assertThat(error.reason()).isEqualTo("invalid JSON: unexpected character ',' at column 11");
        assertThat(error.raw()).isEqualTo("{\"id\":\"b\",,}");
    }

    @Test
    void truncatedLastLineIsReported() throws Exception {
        RecordingSink sink = read("{\"id\":\"a\"}\n{\"id\":\"b\",\"data\":{\"x\"");
        assertThat(sink.events).extracting(Event::id).containsExactly("a");
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).startsWith("invalid JSON: the record ends too early");
        });
    }

    @Test
    void byteOrderMarkAtTheStartIsIgnored() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "{\"id\":\"a\"}\n".getBytes(StandardCharsets.UTF_8);
        RecordingSink lines = read(concat(bom, body));
        assertThat(lines.errors).isEmpty();
        assertThat(lines.events).extracting(Event::raw).containsExactly("{\"id\":\"a\"}");
        RecordingSink array = read(concat(bom, "[{\"id\":\"a\"}]".getBytes(StandardCharsets.UTF_8)));
        assertThat(array.errors).isEmpty();
        assertThat(array.events).extracting(Event::id).containsExactly("a");
    }

    @Test
    void invalidUtf8IsReportedWithItsLineAndTheRestImports() throws Exception {
        byte[] bad = concat("{\"id\":\"a\"}\n{\"id\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}\n{\"id\":\"c\"}\n".getBytes(StandardCharsets.UTF_8));
        RecordingSink sink = read(bad);
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "c");
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(8);
            assertThat(e.reason()).isEqualTo("invalid UTF-8 at byte 18");
        });
    }

    @Test
    void aReplacementCharacterWrittenInARecordIsKeptWhileMalformedBytesAreNot() throws Exception {
        byte[] content = concat("{\"id\":\"a\",\"note\":\"\uFFFD kept\"}\n{\"id\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}\n".getBytes(StandardCharsets.UTF_8));
        RecordingSink sink = read(content);
        assertThat(sink.events).extracting(Event::raw).containsExactly("{\"id\":\"a\",\"note\":\"\uFFFD kept\"}");
        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e.reason()).startsWith("invalid UTF-8 at byte "));
    }

    @Test
    @Timeout(10)
    void binaryJunkIsReportedAsBinaryAndTheRestImports() throws Exception {
        byte[] junk = new byte[5000];
        new Random(7).nextBytes(junk);
        for (int i = 0; i < junk.length; i++) {
            if (junk[i] == '\n') {
                junk[i] = 0;
            }
        }
        RecordingSink sink = read(concat("{\"id\":\"a\"}\n".getBytes(StandardCharsets.UTF_8), junk,
                "\n{\"id\":\"b\"}\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "b");
        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e.reason()).startsWith("binary data"));
    }

    @Test
    void emptyAndBlankFilesGiveNothing() throws Exception {
        for (String content : new String[] {"", "\n\n  \n", "[]", "[\n]\n"}) {
            RecordingSink sink = read(content);
            assertThat(sink.events).as(content).isEmpty();
            assertThat(sink.errors).as(content).isEmpty();
        }
    }

    @Test
    void twentyMegabyteRecordImports() throws Exception {
        String big = "x".repeat(20 * 1024 * 1024);
        RecordingSink sink = read("{\"id\":\"small\"}\n{\"id\":\"big\",\"data\":{\"blob\":\"" + big + "\"}}\n{\"id\":\"after\"}\n");
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::id).containsExactly("small", "big", "after");
        assertThat(sink.events.get(1).data()).hasSize(big.length() + 11);
    }

    @Test
    void singleHugeRecordAloneImports() throws Exception {
        String big = "y".repeat(20 * 1024 * 1024);
        RecordingSink sink = read("{\"id\":\"big\",\"data\":\"" + big + "\"}");
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(Event::id).containsExactly("big");
    }

    @Test
    @Timeout(10)
    void absurdNestingIsRejectedWithoutStackOverflow() throws Exception {
        String deep = "{\"id\":\"deep\",\"data\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        RecordingSink sink = read("{\"id\":\"a\"}\n" + deep + "\n{\"id\":\"b\"}\n");
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "b");
        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e.reason()).contains("nesting depth"));
        RecordingSink alone = read(deep);
        assertThat(alone.errors).singleElement().satisfies(e -> assertThat(e.reason()).contains("nesting depth"));
    }

    @Test
    void arraysNumbersAndStringsInJsonLinesAreRejected() throws Exception {
        RecordingSink sink = read("{\"id\":\"a\"}\n[1,2]\n42\n\"text\"\n{\"id\":\"b\"}\n");
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "b");
        assertThat(sink.errors).extracting(ImportError::reason).containsExactly(
                "record is a JSON array, not a JSON object",
                "record is a number, not a JSON object",
                "record is a string, not a JSON object");
        assertThat(sink.errors).extracting(ImportError::line).containsExactly(2L, 3L, 4L);
    }

    @Test
    void scalarsInsideATopLevelArrayAreRejected() throws Exception {
        RecordingSink sink = read("[\n {\"id\":\"a\"},\n 7,\n \"s, with comma\",\n {\"id\":\"b\"}\n]");
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "b");
        assertThat(sink.errors).extracting(ImportError::line).containsExactly(3L, 4L);
    }

    @Test
    void recordWithoutIdTypeOrTimeIsRejectedAndKeptAsRaw() throws Exception {
        RecordingSink sink = read("{\"foo\":1,\"bar\":2}\n");
        assertThat(sink.events).isEmpty();
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("no id, type or time field found (fields: foo, bar)");
            assertThat(e.raw()).isEqualTo("{\"foo\":1,\"bar\":2}");
            assertThat(e.line()).isEqualTo(1);
        });
    }

    @Test
    @Timeout(10)
    void veryLongLineOfGarbageIsOneShortError() throws Exception {
        String garbage = "garbage ".repeat(1_000_000);
        RecordingSink sink = read("{\"id\":\"a\"}\n" + garbage + "\n{\"id\":\"b\"}\n");
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "b");
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("invalid JSON: unrecognized token 'garbage' at column 1");
            assertThat(e.raw().length()).isLessThanOrEqualTo(ImportError.MAX_RAW + 100);
        });
    }

    @Test
    void garbageFirstLineStillReadsAsJsonLines() throws Exception {
        RecordingSink sink = read("not json at all\n{\"id\":\"a\"}\n");
        assertThat(sink.events).extracting(Event::id).containsExactly("a");
        assertThat(sink.errors).extracting(ImportError::line).containsExactly(1L);
    }

    @Test
    void commentLinesAreSkippedAndCounted() throws Exception {
        RecordingSink sink = read("# exported 2024-01-01\n// another\n{\"id\":\"a\"}\n");
        assertThat(sink.errors).isEmpty();
        assertThat(sink.comments).isEqualTo(2);
        assertThat(sink.events).extracting(Event::id).containsExactly("a");
    }

    @Test
    void commentHeaderLinesAreSkippedWhetherLinesOrAnArrayFollow() throws Exception {
        RecordingSink lines = read("# exported by hand\n// from the staging bus\n{\"id\":\"a\",\"type\":\"t\"}\n"
                + "{\"id\":\"b\",\"type\":\"t\",}\n{\"id\":\"c\",\"type\":\"t\"}\n");
        assertThat(lines.events).extracting(Event::id).containsExactly("a", "b", "c");
        assertThat(lines.errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.warning()).isTrue();
        });
        assertThat(lines.comments).isEqualTo(2);
        RecordingSink array = read("/*\n * Licensed under the Apache License 2.0\n */\n[{\"id\":\"a\",\"type\":\"t\"},\n"
                + " {\"id\":\"b\",\"type\":\"t\"}]\n");
        assertThat(array.errors).isEmpty();
        assertThat(array.comments).isEqualTo(3);
        assertThat(array.events).extracting(Event::id).containsExactly("a", "b");
        assertThat(array.events.get(1).origin().line()).isEqualTo(5);
        assertThat(new JsonImporter().sniff("# note\n{\"id\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "x"))
                .isEqualTo(90);
    }

    @Test
    void textAfterTheRecordOnTheSameLineIsAnError() throws Exception {
        RecordingSink sink = read("{\"id\":\"a\"} trailing\n{\"id\":\"b\"}\n");
        assertThat(sink.events).extracting(Event::id).containsExactly("b");
        assertThat(sink.errors.get(0).reason()).startsWith("invalid JSON: more text after the record");
    }

    @Test
    void deadLettersAreDeliveredAsDeadLettersOnly() throws Exception {
        RecordingSink sink = read("{\"event\":{\"id\":\"e1\",\"type\":\"T\"},\"handler\":\"h\",\"error\":\"Boom: bad\",\"retryCount\":0}\n");
        assertThat(sink.events).isEmpty();
        assertThat(sink.deadLetters).singleElement().satisfies(d -> {
            assertThat(d.eventId()).isEqualTo("e1");
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.origin().line()).isEqualTo(1);
        });
    }

    @Test
    void mappingOptionIsUsed() throws Exception {
        Path file = Files.writeString(dir.resolve("m.jsonl"), "{\"h\":{\"mid\":\"m1\"},\"kind\":\"K\"}\n");
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(file)) {
            importer.read(new ImportSource("m.jsonl", in), new ImportOptions(Map.of("id", "/h/mid", "type", "/kind")), sink);
        }
        assertThat(sink.events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("m1");
            assertThat(e.type()).isEqualTo("K");
        });
    }

    @Test
    void cancellationFromTheSinkPropagates() throws Exception {
        Path file = Files.writeString(dir.resolve("c.jsonl"), "{\"id\":\"a\"}\n{\"id\":\"b\"}\n");
        CancellingSink sink = new CancellingSink();
        try (InputStream in = Files.newInputStream(file)) {
            assertThatThrownBy(() -> importer.read(new ImportSource("c.jsonl", in), ImportOptions.AUTOMATIC, sink))
                    .isInstanceOf(ImportCancelledException.class);
        }
        assertThat(sink.seen).isEqualTo(1);
    }

    @Test
    void sniffsObjectsAndArrays() {
        assertThat(importer.sniff("\uFEFF  {".getBytes(StandardCharsets.UTF_8), "x")).isEqualTo(90);
        assertThat(importer.sniff("[".getBytes(StandardCharsets.UTF_8), "x")).isEqualTo(80);
        assertThat(importer.sniff("id,type".getBytes(StandardCharsets.UTF_8), "x.csv")).isZero();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Cancels on the first event. */
    private static final class CancellingSink implements ImportSink {
        int seen;

        @Override
        public void accept(Event event) {
            seen++;
            throw new ImportCancelledException();
        }

        @Override
        public void accept(DeadLetter deadLetter) {
            throw new ImportCancelledException();
        }

        @Override
        public void reject(ImportError error) {
            throw new ImportCancelledException();
        }

        @Override
        public void comments(long lines) {
            throw new ImportCancelledException();
        }
    }
}
