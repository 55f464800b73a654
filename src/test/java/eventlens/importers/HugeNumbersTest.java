package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by {@link MutationFuzzTest} (issue 11): a number with a huge exponent escaped as a
 * NumberFormatException (no BigDecimal holds 1e99999999923) and lost the whole import, and an epoch time of
 * 1e999999999 threw an ArithmeticException while 1e99999999 took over a minute.
 */
class HugeNumbersTest {
    @TempDir
    Path dir;

    private List<Event> importFile(String name, String content, ImportSummary[] summary) throws Exception {
        Path file = Files.writeString(dir.resolve(name), content);
        try (ProjectStore store = ProjectStore.open(dir.resolve(name + ".db"))) {
            summary[0] = new ImportService(ImporterRegistry.standard()).run(store, List.of(ImportInput.of(file)), null,
                    ImportOptions.AUTOMATIC, ImportListener.NONE);
            return store.page(EventQuery.ALL, 0, 100);
        }
    }

    @Test
    @Timeout(30)
    void aNumberNoBigDecimalHoldsIsAnErrorRowInEveryLayout() throws Exception {
        String bad = "{\"id\":\"bad\",\"type\":\"t\",\"n\":1e99999999923}";
        String good = "{\"id\":\"good\",\"type\":\"t\"}";
        ImportSummary[] s = new ImportSummary[1];
        for (String content : new String[] {bad + "\n" + good + "\n", "[\n" + bad + ",\n" + good + "\n]\n",
                "{\n  \"id\":\"bad\",\n  \"n\":1e99999999923\n}\n{\n  \"id\":\"good\"\n}\n"}) {
            List<Event> events = importFile("n" + content.length() + ".json", content, s);
            assertThat(events).as(content).extracting(Event::id).containsExactly("good");
            assertThat(s[0].errors()).as(content).singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo("invalid JSON: a number out of range"));
        }
    }

    @Test
    @Timeout(30)
    void epochTimesFarBeyondAnyDateAreNoTimeAndCostNothing() throws Exception {
        ImportSummary[] s = new ImportSummary[1];
        List<Event> events = importFile("t.jsonl", "{\"id\":\"a\",\"type\":\"t\",\"timestamp\":1e999999999}\n"
                + "{\"id\":\"b\",\"type\":\"t\",\"timestamp\":1e99999999}\n"
                + "{\"id\":\"c\",\"type\":\"t\",\"timestamp\":-1e99999999}\n"
                + "{\"id\":\"d\",\"type\":\"t\",\"timestamp\":1e-99999999}\n", s);
        assertThat(events).extracting(Event::id).containsExactly("a", "b", "c", "d");
        assertThat(events.subList(0, 3)).extracting(Event::time).containsOnlyNulls();
        assertThat(events.get(3).time()).hasToString("1970-01-01T00:00:00Z");
        assertThat(Timestamps.fromEpoch(new BigDecimal("1e-999999999"))).hasToString("1970-01-01T00:00:00Z");
    }
}
