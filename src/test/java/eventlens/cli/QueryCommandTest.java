package eventlens.cli;

import static eventlens.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.cli.CommandLineTest.Run;
import eventlens.model.Json;
import eventlens.model.flow.FailureTypes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue's query on the samples from the command line, saved queries ({@code --where @name}) and the history. */
class QueryCommandTest {
    @TempDir
    Path dir;
    private String project;

    @BeforeEach
    void samples() {
        project = dir.resolve("p.eventlens").toString();
        assertThat(run("import", project, "samples/orders.jsonl", "samples/orders-dead-letters.jsonl").code()).isZero();
    }

    @Test
    void theIssuesQueryFindsTheFailedPaymentsOfTheLastDayOnTheSamples() throws Exception {
        List<JsonNode> all = events("events", project, "--json");
        Instant last = all.stream().map(e -> Instant.parse(e.get("time").asText())).max(Instant::compareTo).orElseThrow();
        List<JsonNode> found = events("events", project, "--json", "--where", "type:payment.* AND is:failed after:-1d");
        List<String> deadLettered = events("dlq", project, "--json").stream()
                .map(d -> d.path("eventId").asText()).toList();
        List<String> expected = new ArrayList<>();
        for (JsonNode e : all) {
            boolean failed = FailureTypes.isFailure(e.get("type").asText()) || deadLettered.contains(e.get("id").asText());
            if (e.get("type").asText().startsWith("payment.") && failed
                    && !Instant.parse(e.get("time").asText()).isBefore(last.minusSeconds(86_400))) {
                expected.add(e.get("id").asText());
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(found).extracting(e -> e.get("id").asText()).containsExactlyElementsOf(expected);
    }

    @Test
    void aSavedQueryRunsWithWhereAtNameAndIsListed() throws Exception {
        Run saved = run("query", project, "--save", "failed-payments", "type:payment.* AND is:failed");
        assertThat(saved.code()).as(saved.err()).isZero();
        assertThat(saved.out()).startsWith("saved @failed-payments: type:payment.* AND is:failed (");
        assertThat(run("query", project, "--list").out().strip())
                .isEqualTo("@failed-payments\ttype:payment.* AND is:failed");
        List<JsonNode> byName = events("events", project, "--json", "--where", "@failed-payments");
        List<JsonNode> typed = events("events", project, "--json", "--where", "type:payment.* AND is:failed");
        assertThat(byName).isNotEmpty().isEqualTo(typed);
        assertThat(run("query", project, "@failed-payments").out().strip()).isEqualTo(String.valueOf(typed.size()));

        Run missing = run("events", project, "--where", "@nope");
        assertThat(missing.code()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("has no saved query 'nope'", "eventlens query " + project + " --list");
        assertThat(run("query", project, "--delete", "failed-payments").code()).isZero();
        assertThat(run("query", project, "--list").out()).isEmpty();
    }

    @Test
    void aQueryThatDoesNotParseIsNotSavedAndABadNameIsRefused() {
        Run bad = run("query", project, "--save", "x", "type:a AND");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("bad query at column 8");
        assertThat(run("query", project, "--list").out()).isEmpty();
        Run badName = run("query", project, "--save", "@x y", "type:a");
        assertThat(badName.code()).isEqualTo(Main.USAGE);
        assertThat(badName.err()).contains("a name is letters, digits");
    }

    @Test
    void causalOperatorsWorkFromTheCommandLine() throws Exception {
        JsonNode root = events("events", project, "--json", "--where", "type:order.created", "--limit", "1").get(0);
        String id = root.get("id").asText();
        List<JsonNode> descendants = events("events", project, "--json", "--where", "causedby:" + id);
        assertThat(descendants).isNotEmpty().allSatisfy(e -> assertThat(e.get("id").asText()).isNotEqualTo(id));
        JsonNode child = descendants.get(descendants.size() - 1);
        assertThat(events("events", project, "--json", "--where", "causes:" + child.get("id").asText()))
                .extracting(e -> e.get("id").asText()).contains(id);
    }

    private static List<JsonNode> events(String... args) throws Exception {
        Run r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.lines()) {
            out.add(Json.mapper().readTree(line));
        }
        return out;
    }
}
