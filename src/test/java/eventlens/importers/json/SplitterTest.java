package eventlens.importers.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitterTest {
    /** Records as "line:column text", too-long ones as "line:column TOO LONG head". */
    private static final class Collected implements RecordHandler {
        final List<String> seen = new ArrayList<>();

        @Override
        public void record(byte[] bytes, int from, int length, long line, long column, long offset) {
            seen.add(line + ":" + column + " " + new String(bytes, from, length, StandardCharsets.UTF_8));
        }

        @Override
        public void tooLong(byte[] head, int headLength, long line, long column, long limit) {
            seen.add(line + ":" + column + " TOO LONG " + new String(head, 0, Math.min(headLength, 5), StandardCharsets.UTF_8));
        }

        @Override
        public void comment(long line) {
            seen.add(line + " COMMENT");
        }

        @Override
        public void strayComma(long line, long column, String reason) {
            seen.add(line + ":" + column + " COMMA " + reason);
        }
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void linesOverTheLimitAreReportedAndTheNextLineIsRead() throws Exception {
        Collected c = new Collected();
        new LineSplitter(bytes("{\"a\":1}\n{\"long\":\"" + "x".repeat(100) + "\"}\r\n{\"b\":2}\r\n"), 20).split(c);
        assertThat(c.seen).containsExactly("1:1 {\"a\":1}", "2:1 TOO LONG {\"lon", "3:1 {\"b\":2}");
    }

    @Test
    void valuesOverTheLimitAreReportedAndTheNextObjectIsRead() throws Exception {
        Collected c = new Collected();
        new ValueSplitter(bytes("{\n \"a\": 1\n}\n{\n \"long\": \"" + "x".repeat(100) + "\"\n}\n{\n \"b\": 2\n}\n"), 30).split(c);
        assertThat(c.seen).containsExactly("1:1 {\n \"a\": 1\n}", "4:1 TOO LONG {\n \"l", "7:1 {\n \"b\": 2\n}");
    }

    @Test
    void lineSplitterWorksAcrossChunkBoundaries() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            content.append("{\"n\":").append(i).append(",\"pad\":\"").append("p".repeat(i % 50)).append("\"}\n");
        }
        Collected c = new Collected();
        new LineSplitter(bytes(content.toString())).split(c);
        assertThat(c.seen).hasSize(5000);
        assertThat(c.seen.get(4999)).startsWith("5000:1 {\"n\":4999,");
    }

    @Test
    void valueSplitterKeepsBracketsInsideStrings() throws Exception {
        Collected c = new Collected();
        new ValueSplitter(bytes("[{\"s\":\"]},[{\\\"\"},\n {\"t\":[1,{}]}]")).split(c);
        assertThat(c.seen).containsExactly("1:2 {\"s\":\"]},[{\\\"\"}", "2:2 {\"t\":[1,{}]}");
    }
}
