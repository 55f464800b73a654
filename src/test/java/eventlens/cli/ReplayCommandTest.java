package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    String project() {
        return dir.resolve("p.eventlens").toString();
    }

    @Test
    void printsTheRunSummaryAndStoresTheRun() {
        run("import", project(), "samples/orders.jsonl");
        Run r = run("replay", project(), "--script", "samples/scripts/order-pipeline.js", "--mode", "roots");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("run 1: order-pipeline.js, mode roots")
                .contains("delivered 474, published 424, failed 0, retried 0, dead-lettered 0, divergences 0, log lines 0")
                .contains("matched 424 recorded events").doesNotContain("was not called");
        Run again = run("replay", project(), "--script", "samples/scripts/flaky-payment.js");
        assertThat(again.out()).contains("run 2: flaky-payment.js, mode all")
                .contains("failed 18, retried 12, dead-lettered 6")
                .contains("dead letter: flaky-payment on ").contains("flaky-payment.js:8:11: Error: gateway declined");
    }

    @Test
    void givenAHandlerNoEventReaches_whenTheRunEnds_thenTheSummarySaysSoAndHowItsPatternMatches() throws Exception {
        run("import", project(), "samples/orders.jsonl");
        Path script = dir.resolve("star.js");
        Files.writeString(script, "on('*', (e, ctx) => ctx.log(e.type));\non('order.#', () => {}, { name: 'orders' });\n");
        Run r = run("replay", project(), "--script", script.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("log lines 0")
                .contains("handler *#1 was not called: no type delivered matches '*' ('*' is one dot-separated word")
                .doesNotContain("handler orders");
        JsonNode json = Json.parseOrMissing(run("replay", project(), "--script", script.toString(), "--json").out());
        assertThat(json.path("summary").path("idle")).hasSize(1);
        assertThat(json.path("summary").path("idle").get(0).path("pattern").asText()).isEqualTo("*");
    }

    @Test
    void jsonHasTheDetails() {
        run("import", project(), "samples/orders.jsonl");
        Run r = run("replay", project(), "--script", "samples/scripts/flaky-payment.js", "--where", "type:order.created", "--json");
        assertThat(r.code()).isZero();
        JsonNode n = Json.parseOrMissing(r.out());
        assertThat(n.path("summary").path("deadLettered").asInt()).isEqualTo(6);
        assertThat(n.path("published")).hasSize(44);
        JsonNode dl = n.path("deadLetters").get(0);
        assertThat(dl.path("error").path("line").asInt()).isEqualTo(8);
        assertThat(dl.path("error").path("file").asText()).isEqualTo("flaky-payment.js");
        assertThat(dl.path("attempts").asInt()).isEqualTo(3);
        assertThat(n.path("run").asLong()).isEqualTo(1);
    }

    @Test
    void aMissingScriptOrASyntaxErrorExitsWithOneAndALocation() throws Exception {
        run("import", project(), "samples/orders.jsonl");
        Run missing = run("replay", project(), "--script", dir.resolve("nope.js").toString());
        assertThat(missing.code()).isEqualTo(Main.FAILED);
        assertThat(missing.err()).contains("no such script");

        Path bad = dir.resolve("bad.js");
        Files.writeString(bad, "on('order.created', (e) => {\n  let x = ;\n});\n");
        Run syntax = run("replay", project(), "--script", bad.toString());
        assertThat(syntax.code()).isEqualTo(Main.FAILED);
        assertThat(syntax.err().strip()).startsWith("eventlens: bad.js:2:").contains("SyntaxError");
        assertThat(syntax.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void theLimitsAndBudgetsAreOptionsAndABreachIsADeadLetterNamingIt() throws Exception {
        run("import", project(), "samples/orders.jsonl");
        Path echo = dir.resolve("echo.js");
        Files.writeString(echo, "on('order.created', (e, ctx) => ctx.publish('order.created', {}), { name: 'echo' });\n");
        Run r = run("replay", project(), "--script", echo.toString(), "--where", "id:evt-f3aa9f7d1c0f",
                "--max-cascade-depth", "3", "--no-save");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("delivered 4, published 3, failed 1, retried 0, dead-lettered 1")
                .contains("echo.js:1:33: CascadeBudgetExceeded: cascade budget: order.created → order.created → order.created "
                        + "→ order.created → order.created depth 3 exceeded in handler 'echo'");

        Path regex = dir.resolve("regex.js");
        Files.writeString(regex, "on('order.created', (e) => /^(a+)+\\1$/.test('a'.repeat(40) + 'b'), { name: 'slow' });\n");
        Run slow = run("replay", project(), "--script", regex.toString(), "--where", "id:evt-f3aa9f7d1c0f",
                "--time-limit", "1.25", "--no-save");
        assertThat(slow.out()).contains("dead-lettered 1").contains("TimeLimitExceeded: handler timed out after 1250 ms");
    }

    @Test
    void badLimitsExitWithTwo() {
        run("import", project(), "samples/orders.jsonl");
        for (String[] bad : new String[][] {{"--time-limit", "0"}, {"--time-limit", "NaN"}, {"--memory-limit", "-1"},
                {"--max-cascade-depth", "0"}, {"--max-published", "0"}, {"--max-published-per-event", "0"}, {"--statement-limit", "0"}}) {
            Run r = run("replay", project(), "--script", "samples/scripts/analytics.js", bad[0], bad[1]);
            assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains(bad[0]);
        }
        // A limit too small even for the prelude the runtime loads first: one line, no stack trace.
        Run tiny = run("replay", project(), "--script", "samples/scripts/analytics.js", "--statement-limit", "2");
        assertThat(tiny.code()).isEqualTo(1);
        assertThat(tiny.err().strip()).contains("StatementLimitExceeded").doesNotContain("PolyglotException", "\tat ");
    }

    @Test
    void badUsageExitsWithTwo() {
        run("import", project(), "samples/orders.jsonl");
        assertThat(run("replay", project(), "--script", "samples/scripts/analytics.js", "--mode", "some").code()).isEqualTo(Main.USAGE);
        assertThat(run("replay", project()).code()).isEqualTo(Main.USAGE);
        assertThat(run("replay", project(), "--script", "samples/scripts/analytics.js", "--where", "after:notatime").code()).isEqualTo(Main.USAGE);
        assertThat(run("replay", dir.resolve("none.eventlens").toString(), "--script", "samples/scripts/analytics.js").code()).isEqualTo(Main.FAILED);
    }
}
