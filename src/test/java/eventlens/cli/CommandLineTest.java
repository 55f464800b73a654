package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.isBlank() ? List.of() : Arrays.asList(out.strip().split("\\R"));
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private String project() {
        return dir.resolve("p.db").toString();
    }

    @Test
    void importsTheSamplesAndPrintsOneJsonSummary() throws Exception {
        Run r = run("import", project(), "samples/orders.jsonl", "samples/orders-dead-letters.jsonl", "--json");
        assertThat(r.code()).isZero();
        JsonNode summary = Json.mapper().readTree(r.out());
        assertThat(summary.get("format").asText()).isEqualTo("json");
        assertThat(summary.get("imported").asLong()).isEqualTo(474);
        assertThat(summary.get("deadLetters").asLong()).isEqualTo(8);
        assertThat(summary.get("failed").asLong()).isZero();
        assertThat(summary.get("errors").isArray()).isTrue();
    }

    @Test
    void controlCharactersInFieldsNeitherBreakRowsNorReachTheTerminal() throws Exception {
        Path log = dir.resolve("hostile.jsonl");
        // A tab and a line break in the type, an escape sequence in the source, a right-to-left override in
        // the id: each must stay inside its cell, written as an escape.
        Files.writeString(log, "{\"id\":\"evil\\u202etxt.exe\",\"type\":\"a\\tb\\nc\",\"source\":\"\\u001b[31mred\","
                + "\"timestamp\":\"2024-01-15T10:00:00Z\",\"data\":{\"x\":\"\\u0007\"}}\n"
                + "{\"id\":\"plain\",\"type\":\"t\",\"timestamp\":\"2024-01-15T10:00:01Z\"}\n");
        assertThat(run("import", project(), log.toString()).code()).isZero();

        Run text = run("events", project());
        assertThat(text.code()).isZero();
        assertThat(text.lines()).hasSize(2);
        String first = text.lines().get(0);
        assertThat(first).contains("a\\tb\\nc", "\\u001b[31mred", "evil\\u202etxt.exe")
                .doesNotContain("\u001b", "\u202e", "\u0007");
        assertThat(text.lines().get(1).split("\t")).hasSameSizeAs(first.split("\t"));

        Run json = run("events", project(), "--json");
        assertThat(json.out()).doesNotContain("\u001b", "\u202e", "\u0007");
        JsonNode e = Json.mapper().readTree(json.lines().get(0));
        assertThat(e.get("id").asText()).isEqualTo("evil\u202etxt.exe");
        assertThat(e.get("source").asText()).isEqualTo("\u001b[31mred");
    }

    @Test
    void everyReadCommandRefusesAForeignDatabaseInOneLineWithExitOne() throws Exception {
        Path app = dir.resolve("app.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + app); var s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id INTEGER)");
        }
        for (String[] args : List.of(new String[] {"events", app.toString()}, new String[] {"flows", app.toString()},
                new String[] {"aggregates", app.toString()}, new String[] {"dlq", app.toString()},
                new String[] {"import", app.toString(), "samples/orders.jsonl"})) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err().strip()).startsWith("eventlens: ").contains("not an EventLens project")
                    .doesNotContain("\tat ", "Exception");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void eventsOfOneCorrelationComeBackAsJsonLines() throws Exception {
        run("import", project(), "samples/orders.jsonl");
        Run r = run("events", project(), "--where", "corr:evt-94c3b33c7845", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.lines()).hasSizeGreaterThan(5);
        for (String line : r.lines()) {
            JsonNode e = Json.mapper().readTree(line);
            assertThat(e.get("correlationId").asText()).isEqualTo("evt-94c3b33c7845");
            assertThat(e.get("data").isObject()).isTrue();
        }
        assertThat(r.lines()).anySatisfy(l -> assertThat(l).contains("\"type\":\"payment.failed\""));
    }

    @Test
    void limitAndTypeFilterWork() {
        run("import", project(), "samples/orders.jsonl");
        Run r = run("events", project(), "--where", "type:payment.* source:payment-service", "--limit", "3");
        assertThat(r.lines()).hasSize(3).allSatisfy(l -> assertThat(l).contains("\tpayment."));
    }

    @Test
    void badRecordsAreReportedWithLineAndTheRestImports() throws Exception {
        Path log = Files.writeString(dir.resolve("bad.jsonl"),
                "{\"id\":\"a\",\"type\":\"t\"}\n{\"id\": oops}\n{\"id\":\"b\",\"type\":\"t\"}\n");
        Run r = run("import", project(), log.toString(), "--json");
        assertThat(r.code()).isZero();
        JsonNode s = Json.mapper().readTree(r.out());
        assertThat(s.get("imported").asLong()).isEqualTo(2);
        assertThat(s.get("failed").asLong()).isEqualTo(1);
        assertThat(s.get("errors").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(s.get("errors").get(0).get("file").asText()).endsWith("bad.jsonl");
    }

    @Test
    void exitCodesSayWhatHappened() {
        assertThat(run("import", project(), dir.resolve("missing.jsonl").toString()).code()).isEqualTo(Main.FAILED);
        Run missingProject = run("events", dir.resolve("none.db").toString());
        assertThat(missingProject.code()).isEqualTo(Main.FAILED);
        assertThat(missingProject.err()).contains("no such project");
        assertThat(Files.exists(dir.resolve("none.db"))).isFalse();
        assertThat(run("events").code()).isEqualTo(Main.USAGE);
        assertThat(run("frobnicate").code()).isEqualTo(Main.USAGE);
        run("import", project(), "samples/bank-accounts.jsonl");
        Run badQuery = run("events", project(), "--where", "colour:red");
        assertThat(badQuery.code()).isEqualTo(Main.USAGE);
        assertThat(badQuery.err()).contains("unknown filter");
    }

    @Test
    void aBadQueryIsAUsageErrorWithItsColumnAndACaretUnderIt() throws Exception {
        run("import", project(), "samples/bank-accounts.jsonl");
        Run r = run("events", project(), "--where", "type:order.*\tAND OR source:x");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(
                "eventlens: bad query at column 18: expected a term after 'AND' at column 14, found 'OR'",
                "  type:order.* AND OR source:x",
                "                   ^^");
        assertThat(run("replay", project(), "--script", "samples/scripts/analytics.js", "--where", "data.total>")
                .err()).startsWith("eventlens: bad query at column 12: 'data.total>' needs a value after '>'");
    }

    @Test
    void formatsListsTheJsonReaderAndItsFields() {
        Run r = run("formats");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("json").contains("correlationId").contains("causationId");
    }

    @Test
    void sampleIsDeterministicAndImportable() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertThat(run("sample", a.toString(), "--events", "500", "--seed", "3").code()).isZero();
        run("sample", b.toString(), "--events", "500", "--seed", "3");
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        JsonNode s = Json.mapper().readTree(run("import", project(), a.toString(), "--json").out());
        assertThat(s.get("read").asLong()).isEqualTo(500);
        assertThat(s.get("failed").asLong()).isZero();
        assertThat(s.get("imported").asLong() + s.get("deadLetters").asLong()).isEqualTo(500);
    }

    @Test
    void aggregatesAtATimeShowEachStateThenAndLeaveOutLaterOnes() throws Exception {
        run("import", project(), "samples/bank-accounts.jsonl");
        Run r = run("aggregates", project(), "--at", "2024-01-15T09:15:00Z", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.lines()).hasSize(1);
        JsonNode acc = Json.mapper().readTree(r.lines().get(0));
        assertThat(acc.get("aggregateId").asText()).isEqualTo("acc-1001");
        assertThat(acc.at("/state/data/balance").asInt()).isEqualTo(800);
        assertThat(acc.at("/state/meta/version").asInt()).isEqualTo(3);
        assertThat(run("aggregates", project(), "--at", "soon").code()).isEqualTo(Main.USAGE);
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String command : List.of("import", "events", "flow", "flows", "state", "aggregates", "replay", "dlq",
                "formats", "sample", "benchmark", "gui", "query")) {
            Run r = run(command, "--help");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: eventlens " + command);
        }
        for (String what : List.of("import", "flow", "state", "replay", "dlq", "readers", "ui", "query")) {
            Run r = run("benchmark", what, "--help");
            assertThat(r.code()).as("benchmark " + what).isZero();
            assertThat(r.out()).as(what).contains("Usage: eventlens benchmark " + what);
        }
        Run bare = run("benchmark");
        assertThat(bare.code()).isEqualTo(Main.USAGE);
        assertThat(bare.err()).contains("say what to measure");
    }

    @Test
    void sharedOptionsSayInEachCommandWhatTheyMean() {
        assertThat(run("events", "--help").out()).contains("PROJECT").contains("--where=QUERY")
                .contains("filter, e.g. 'type:payment.* AND is:failed after:-1d'").contains("one event per line as JSON");
        assertThat(run("replay", "--help").out()).contains("the slice, e.g. 'type:order.*")
                .contains("one JSON object: summary, published events");
        assertThat(run("import", "--help").out()).contains("the project file (SQLite)").contains("print one summary object");
        assertThat(run("dlq", "--help").out()).contains("one JSON object per line");
        // Every --json and --where of every command has a help text: a mixin's text missing for one shows here.
        List<String> silent = new java.util.ArrayList<>();
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(List.of(Main.commandLine(null)));
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            for (var option : c.getCommandSpec().options()) {
                if (List.of("--json", "--where").contains(option.longestName())
                        && String.join("", option.description()).isBlank()) {
                    silent.add(c.getCommandSpec().qualifiedName() + " " + option.longestName());
                }
            }
        }
        assertThat(silent).isEmpty();
    }
}
