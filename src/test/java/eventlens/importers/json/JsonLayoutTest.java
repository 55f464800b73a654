package eventlens.importers.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLayoutTest {
    private static JsonLayout layout(String head) {
        return JsonLayout.of(head.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void completeObjectOnTheFirstLineMeansJsonLines() {
        assertThat(layout("{\"id\":1}\n{\"id\":2}\n")).isEqualTo(JsonLayout.LINES);
        assertThat(layout("\uFEFF  {\"id\":1}")).isEqualTo(JsonLayout.LINES);
    }

    @Test
    void objectRunningPastTheFirstLineMeansValues() {
        assertThat(layout("{\n  \"id\": 1\n}\n")).isEqualTo(JsonLayout.VALUES);
    }

    @Test
    void objectWhoseFirstLineEndsWithACommaMeansValues() {
        assertThat(layout("{\"id\": 1,\n  \"type\": \"t\"}\n")).isEqualTo(JsonLayout.VALUES);
        assertThat(layout("{\"data\": [{\"id\": 1},\n  {\"id\": 2}]}\n")).isEqualTo(JsonLayout.VALUES);
    }

    @Test
    void arraysAreValuesUnlessMoreValuesFollowOnTheirOwnLines() {
        assertThat(layout("[\n {\"id\":1}\n]")).isEqualTo(JsonLayout.VALUES);
        assertThat(layout("[{\"id\":1},{\"id\":2}]\n")).isEqualTo(JsonLayout.VALUES);
        assertThat(layout("[1,2]\n{\"id\":1}\n")).isEqualTo(JsonLayout.LINES);
    }

    @Test
    void aFirstLineCutAfterACommaMeansValues() {
        // Jackson reports this cut as a parse error, not as an end of input.
        assertThat(layout("{\"events\": [{\"eventId\": \"1\", \"eventType\": \"X\",\n  \"eventTime\": \"t\"}]}\n"))
                .isEqualTo(JsonLayout.VALUES);
        assertThat(layout("{\"a\": 1,\n\"b\": 2}\n")).isEqualTo(JsonLayout.VALUES);
        assertThat(layout("[{\"a\": 1},\n{\"b\": 2}]\n")).isEqualTo(JsonLayout.VALUES);
    }

    @Test
    void aFirstLineLongerThanTheHeadMeansValues() {
        byte[] head = ("{\"data\":\"" + "x".repeat(100)).getBytes(StandardCharsets.UTF_8);
        assertThat(JsonLayout.of(head, false)).isEqualTo(JsonLayout.VALUES);
    }

    @Test
    void brokenOrUnknownStartsAreReadLineByLine() {
        assertThat(layout("{\"id\":1,,}\n{\"id\":2}\n")).isEqualTo(JsonLayout.LINES);
        assertThat(layout("[{\"id\":1},{\"id\": }]\n")).isEqualTo(JsonLayout.VALUES);
        assertThat(layout("hello\n")).isEqualTo(JsonLayout.LINES);
        assertThat(layout("")).isEqualTo(JsonLayout.LINES);
    }
}
