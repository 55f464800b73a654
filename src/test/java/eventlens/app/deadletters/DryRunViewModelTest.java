package eventlens.app.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.SameThreadWork;
import eventlens.app.work.SharedScriptEngine;
import eventlens.cli.Main;
import eventlens.model.DeadLetter;
import eventlens.model.Json;
import eventlens.model.Origin;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterGroups;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import eventlens.replay.deadletter.RetryOutcome;
import eventlens.replay.script.ReplayScript;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry run over a group larger than the view lists: all counted, the first listed, all exportable. */
class DryRunViewModelTest {
    private static final int ENTRIES = DryRunViewModel.SHOWN + 200;
    private static final String SCRIPT = """
            on('order.even', (event, ctx) => {});
            on('order.odd', (event, ctx) => { throw new Error('still odd'); });
            """;

    @TempDir
    Path dir;

    private ProjectStore store;
    private DeadLetterGroups groups;
    private final SharedScriptEngine engine = new SharedScriptEngine();

    @BeforeEach
    void storeABigGroup() {
        store = ProjectStore.open(dir.resolve("big.eventlens"));
        try (ImportWriter w = store.beginImport()) {
            w.startFile("dlq.jsonl", "test", null);
            for (int i = 1; i <= ENTRIES; i++) {
                String event = "{\"id\":\"evt-" + i + "\",\"type\":\"order." + (i % 4 == 0 ? "odd" : "even") + "\"}";
                Instant at = Instant.parse("2024-01-15T10:00:00Z").plusSeconds(i);
                w.add(new DeadLetter(0, "evt-" + i, event, "worker", "q", null, "Error", "boom " + i, null, 1, at, at, null,
                        event, new Origin("dlq.jsonl", i, "test")));
            }
            w.commit();
        }
        groups = new DeadLetterGroups(store);
    }

    @AfterEach
    void close() {
        groups.close();
        store.close();
        engine.close();
    }

    @Test
    void aGroupLargerThanTheListIsCountedWholeListedInPartAndExportedWhole() throws Exception {
        DryRunViewModel model = new DryRunViewModel(new SameThreadWork(), engine);
        model.setStore(store, groups);
        model.scriptProperty().set(new ReplayScript("even.js", SCRIPT));
        model.run(DeadLetterFilter.ALL, null);

        long succeeded = ENTRIES - ENTRIES / 4;
        assertThat(model.reportProperty().get().total()).isEqualTo(ENTRIES);
        assertThat(model.reportProperty().get().count(RetryOutcome.FAILED_AGAIN)).isEqualTo(ENTRIES / 4);
        assertThat(model.outcomes()).hasSize(DryRunViewModel.SHOWN);
        assertThat(model.outcomes().get(0).deadLetter().eventId()).isEqualTo("evt-1");
        assertThat(model.summaryProperty().get())
                .isEqualTo(succeeded + " of " + ENTRIES + " would now succeed (even.js) · listing the first " + DryRunViewModel.SHOWN);

        Path out = dir.resolve("redeliver.jsonl");
        assertThat(model.exportSucceeded(out)).isEqualTo(succeeded);
        List<String> ids = Files.readAllLines(out).stream().map(l -> Json.parseOrMissing(l).get("id").asText()).toList();
        assertThat(ids).hasSize((int) succeeded).doesNotContain("evt-4").contains("evt-" + (ENTRIES - 1), "evt-1");

        model.clear(); // a new run or another project: the spooled export goes
        assertThat(model.exportSucceeded(dir.resolve("none.jsonl"))).isZero();
        assertThat(Files.exists(dir.resolve("none.jsonl"))).isFalse();
    }

    @Test
    void theCommandLineStreamsTheSameGroupSummaryFirst() throws Exception {
        Path script = dir.resolve("even.js");
        Files.writeString(script, SCRIPT);
        Path out = dir.resolve("cli.jsonl");
        groups.close();
        store.close();
        StringWriter text = new StringWriter();
        int code = Main.run(new String[] {"dlq", dir.resolve("big.eventlens").toString(), "--retry", "--script",
            script.toString(), "--json", "--export", out.toString()}, new PrintWriter(text), new PrintWriter(new StringWriter()));
        store = ProjectStore.open(dir.resolve("big.eventlens"));
        groups = new DeadLetterGroups(store);
        assertThat(code).isZero();
        List<String> lines = text.toString().strip().lines().toList();
        assertThat(lines).hasSize(ENTRIES + 1);
        assertThat(Json.parseOrMissing(lines.get(0)).get("total").asLong()).isEqualTo(ENTRIES);
        assertThat(Json.parseOrMissing(lines.get(0)).get("exported").asLong()).isEqualTo(ENTRIES - ENTRIES / 4);
        assertThat(lines.subList(1, lines.size())).extracting(l -> Json.parseOrMissing(l).get("key").asLong())
                .isSorted().doesNotHaveDuplicates();
        assertThat(Files.readAllLines(out)).hasSize(ENTRIES - ENTRIES / 4);
    }
}
