package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's "done when" on the command line: samples/order-versions.jsonl (OrderPlaced 1.0 with items as
 * strings, 2.0 with item objects, the first orders with no version) replays whole through
 * samples/scripts/upcast-orders.js, whose handlers understand 2.0 only; without its upcaster the old
 * orders fail clearly; and its dead letters of old-version messages succeed in a dry-run retry.
 */
class UpcastOrdersCommandTest {
    static final String SCRIPT = "samples/scripts/upcast-orders.js";

    @TempDir
    Path dir;
    String project;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void importTheSample() {
        project = dir.resolve("versions.eventlens").toString();
        Run imported = run("import", project, "samples/order-versions.jsonl", "samples/order-versions-dead-letters.jsonl");
        assertThat(imported.code()).as(imported.err()).isZero();
    }

    /** The sample script with its upcast(...) call turned into a call of a function that does nothing (same lines). */
    Path withoutTheUpcaster() throws IOException {
        String text = Files.readString(Path.of(SCRIPT));
        assertThat(text).contains("upcast('OrderPlaced'");
        Path copy = dir.resolve("upcast-orders.js");
        Files.writeString(copy, text.replace("upcast('OrderPlaced'", "((...ignored) => {})('OrderPlaced'"));
        return copy;
    }

    @Test
    void givenTheOldAndNewOrders_whenReplayedThroughTheUpcaster_thenEveryOrderIsHandledAndTheCountIsPrinted() {
        Run r = run("replay", project, "--script", SCRIPT, "--no-save");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("delivered 499, published 207,").contains("failed 0, retried 0, dead-lettered 0")
                .contains("upcaster OrderPlaced 1.0->2.0: 40 events changed");

        JsonNode json = Json.parseOrMissing(run("replay", project, "--script", SCRIPT, "--no-save", "--json").out());
        assertThat(json.path("summary").path("upcasts").get(0).path("upcaster").asText()).isEqualTo("OrderPlaced 1.0->2.0");
        assertThat(json.path("summary").path("upcasts").get(0).path("events").asLong()).isEqualTo(40);
        assertThat(json.path("deadLetters")).isEmpty();
        // 292 recorded events and 207 StockReserved, one per item of every order
        assertThat(json.path("published").size()).isEqualTo(207);
        assertThat(json.path("logs").get(0).path("text").asText()).matches("order-2001 paid [\\d.]+ EUR for 3 units");
    }

    @Test
    void givenTheSameHandlersWithoutTheUpcaster_whenReplayed_thenTheOldOrdersFailAtTheHandlersLine() throws IOException {
        Run r = run("replay", project, "--script", withoutTheUpcaster().toString(), "--no-save");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("dead-lettered 40").doesNotContain("upcaster ")
                .containsPattern("dead letter: inventory-service.reserveStock on evt-\\w+: upcast-orders.js:11:\\d+: TypeError: ");
    }

    @Test
    void givenDeadLettersOfOldVersionMessages_whenRetriedDryThroughTheUpcasterFix_thenAllWouldNowSucceed() throws IOException {
        Run fixed = run("dlq", project, "--retry", "--script", SCRIPT, "--json");
        assertThat(fixed.code()).as(fixed.err()).isZero();
        assertThat(Json.parseOrMissing(fixed.out().lines().findFirst().orElseThrow()).toString()).contains("4 of 4 would now succeed");

        Run unfixed = run("dlq", project, "--retry", "--script", withoutTheUpcaster().toString(), "--json");
        assertThat(Json.parseOrMissing(unfixed.out().lines().findFirst().orElseThrow()).toString()).contains("0 of 4 would now succeed");
    }

    @Test
    void givenAnUpcasterThatThrows_whenDeadLettersAreRetriedDry_thenEachFailsAgainWithTheUpcastersLineAndNoHandlerRuns() throws IOException {
        Path broken = dir.resolve("broken.js");
        Files.writeString(broken, """
                upcast('OrderPlaced', '1.0', '2.0', (e) => {
                  throw new Error('cannot read ' + e.schemaVersion);
                });
                on('OrderPlaced', (e, ctx) => ctx.publish('StockReserved', {}), { name: 'inventory-service.reserveStock' });
                """);
        Run r = run("dlq", project, "--retry", "--script", broken.toString());
        assertThat(r.out()).startsWith("0 of 4 would now succeed (broken.js)")
                .contains("failed again\tinventory-service.reserveStock")
                .contains("broken.js:2:9: Error: in upcaster OrderPlaced 1.0->2.0: cannot read 1.0")
                .doesNotContain("publishes");
    }
}
