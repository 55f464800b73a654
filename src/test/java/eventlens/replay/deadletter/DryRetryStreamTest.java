package eventlens.replay.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.app.work.ScriptEngines;
import eventlens.model.DeadLetter;
import eventlens.model.Origin;
import eventlens.model.deadletter.DeadLetterContexts;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterPages;
import eventlens.model.state.StateAt;
import eventlens.model.store.ProjectStore;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptLimits;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry run over a group streams it: pages are pulled as the entries are retried, never all first. */
class DryRetryStreamTest {
    private static final int ENTRIES = 2 * DryRetry.PAGE + 500;

    @TempDir
    Path dir;

    private ProjectStore store;
    private ScriptEngine engine;

    @BeforeEach
    void open() {
        store = ProjectStore.open(dir.resolve("empty.eventlens"));
        engine = ScriptEngines.start();
    }

    @AfterEach
    void close() {
        store.close();
        engine.close();
    }

    /** Synthetic dead letters made on demand, counting the pages asked for. */
    private static final class CountingPages implements DeadLetterPages {
        int served;

        @Override
        public List<DeadLetter> entries(DeadLetterFilter filter, long afterKey, int limit) {
            served++;
            List<DeadLetter> page = new ArrayList<>();
            for (long key = afterKey + 1; key <= ENTRIES && page.size() < limit; key++) {
                String event = "{\"id\":\"evt-" + key + "\",\"type\":\"order." + (key % 3 == 0 ? "odd" : "even") + "\"}";
                Instant at = Instant.parse("2024-01-15T10:00:00Z").plusSeconds(key);
                page.add(new DeadLetter(key, "evt-" + key, event, "worker", "q", null, "Error", "boom " + key, null, 1,
                        at, at, "fp", event, new Origin("dlq", key, "test")));
            }
            return page;
        }
    }

    private DryRetry retry() {
        ReplayScript script = new ReplayScript("even.js", """
                on('order.even', (event, ctx) => { ctx.log('ok ' + event.id); });
                on('order.odd', (event, ctx) => { throw new Error('still odd'); });
                """);
        return new DryRetry(new DeadLetterContexts(store), new StateAt(store), engine, script, ScriptLimits.DEFAULT, 0);
    }

    @Test
    void eachPageIsPulledOnlyWhenTheEntriesBeforeItAreDone() {
        CountingPages pages = new CountingPages();
        List<Integer> servedWhenSeen = new ArrayList<>();
        DryRunTally tally;
        try (DryRetry retry = retry()) {
            tally = retry.retryEach(pages, DeadLetterFilter.ALL, e -> servedWhenSeen.add(pages.served));
        }
        assertThat(servedWhenSeen).hasSize(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            // a run that read the whole group first would have asked for every page before the first entry
            assertThat(servedWhenSeen.get(i)).as("pages read when entry %d was retried", i).isEqualTo(i / DryRetry.PAGE + 1);
        }
        assertThat(pages.served).isEqualTo(ENTRIES / DryRetry.PAGE + 1);
        assertThat(tally.total()).isEqualTo(ENTRIES);
        assertThat(tally.count(RetryOutcome.FAILED_AGAIN)).isEqualTo(ENTRIES / 3);
        assertThat(tally.count(RetryOutcome.SUCCEEDED)).isEqualTo(ENTRIES - ENTRIES / 3);
        assertThat(tally.summary()).isEqualTo((ENTRIES - ENTRIES / 3) + " of " + ENTRIES + " would now succeed");
    }

    @Test
    void theTallyIsTheReportsCountsAndAStopEndsTheRunWhereItIs() {
        CountingPages pages = new CountingPages();
        try (DryRetry retry = retry()) {
            DryRunReport report = retry.retry(pages, DeadLetterFilter.ALL);
            assertThat(report.entries()).hasSize(ENTRIES);
            assertThat(report.tally().counts()).isEqualTo(report.counts());
            CountingPages again = new CountingPages();
            int[] seen = {0};
            assertThatThrownBy(() -> retry.retryEach(again, DeadLetterFilter.ALL, e -> {
                if (++seen[0] == 10) {
                    throw new CancellationException();
                }
            })).isInstanceOf(CancellationException.class);
            assertThat(again.served).isEqualTo(1);
        }
    }
}
