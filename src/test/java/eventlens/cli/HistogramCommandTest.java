package eventlens.cli;

import static eventlens.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramCommandTest {
    @TempDir
    Path dir;

    private String imported() {
        String project = dir.resolve("p.eventlens").toString();
        assertThat(run("import", project, "samples/orders.jsonl").code()).isZero();
        return project;
    }

    @Test
    void theBarsAsJsonCountEveryTimedEventWithTheFailures() throws Exception {
        String project = imported();
        CommandLineTest.Run r = run("histogram", project, "--bars", "10", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        long events = 0;
        long failed = 0;
        String previousEnd = null;
        for (String line : r.lines()) {
            JsonNode bar = Json.mapper().readTree(line);
            events += bar.get("events").asLong();
            failed += bar.get("failed").asLong();
            if (previousEnd != null) {
                assertThat(bar.get("start").asText()).as("bars follow each other").isEqualTo(previousEnd);
            }
            previousEnd = bar.get("end").asText();
            long series = 0;
            for (JsonNode n : bar.get("series")) {
                series += n.asLong();
            }
            assertThat(series).isEqualTo(bar.get("events").asLong());
        }
        assertThat(r.lines()).hasSizeLessThanOrEqualTo(11);
        assertThat(events).isEqualTo(countEvents(project));
        assertThat(failed).isPositive();
    }

    private static long countEvents(String project) {
        return run("events", project, "--where", "after:1970-01-01", "--limit", "100000", "--json").lines().size();
    }

    @Test
    void textHasAHeaderWithTheSeriesAndBadOptionsAreUsageErrors() {
        String project = imported();
        CommandLineTest.Run text = run("histogram", project, "--by", "source", "--series", "2");
        assertThat(text.code()).isZero();
        assertThat(text.lines().get(0)).contains("start").contains("events").contains("(other)").contains("failed");
        assertThat(run("histogram", project, "--by", "colour").code()).isEqualTo(2);
        assertThat(run("histogram", project, "--bars", "0").code()).isEqualTo(2);
        assertThat(run("histogram", project, "--from", "2030-01-01T00:00:00Z", "--to", "2029-01-01T00:00:00Z").code())
                .isEqualTo(2);
    }

    @Test
    void whereCountsOnlyTheMatchesAndABadQueryIsAUsageError() throws Exception {
        String project = imported();
        CommandLineTest.Run r = run("histogram", project, "--where", "type:payment.*", "--bars", "10", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        long events = 0;
        for (String line : r.lines()) {
            events += Json.mapper().readTree(line).get("events").asLong();
        }
        long payments = run("events", project, "--where", "type:payment.*", "--limit", "100000", "--json").lines().size();
        assertThat(events).isEqualTo(payments).isPositive().isLessThan(countEvents(project));
        assertThat(run("histogram", project, "--where", "type:(").code()).isEqualTo(2);
    }
}
