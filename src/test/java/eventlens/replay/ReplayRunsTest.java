package eventlens.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.ScriptEngines;
import eventlens.model.store.ProjectStore;
import eventlens.replay.run.ReplayRuns;
import eventlens.replay.run.RunComparison;
import eventlens.replay.run.RunDifference;
import eventlens.replay.run.StoredReplay;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayRunsTest {
    @TempDir
    Path dir;

    @Test
    void runsAreStoredLoadedBackIdenticallyAndCompared() {
        ReplayScript v1 = SampleProject.script("order-pipeline.js");
        ReplayScript v2 = new ReplayScript(v1.name(), v1.text().replace("const BIG_ORDER = Infinity;", "const BIG_ORDER = 500;"));
        try (ScriptEngine engine = ScriptEngines.start(); ProjectStore store = ProjectStore.open(SampleProject.orders(dir))) {
            ReplayRuns runs = new ReplayRuns(store);
            long[] ids = new long[2];
            RunOutputs[] outputs = new RunOutputs[2];
            ReplayScript[] scripts = {v1, v2};
            for (int i = 0; i < 2; i++) {
                ReplaySettings settings = ReplaySettings.of(scripts[i], ReplayMode.ROOTS);
                try (ReplaySession s = ReplaySession.open(store, engine, settings, Runnable::run, Pacer.none())) {
                    s.runToEnd();
                    outputs[i] = s.outputs();
                    ids[i] = runs.save(settings, Instant.parse("2026-01-01T00:00:00Z"), s.summary(), s.outputs());
                }
            }

            assertThat(runs.list()).extracting(StoredReplay::id).containsExactly(ids[1], ids[0]);
            StoredReplay loaded = runs.load(ids[0]).orElseThrow();
            assertThat(loaded.outputs()).isEqualTo(outputs[0]);
            assertThat(loaded.summary().matched()).isEqualTo(424);
            assertThat(loaded.script()).isEqualTo(v1.text());
            assertThat(loaded.mode()).isEqualTo(ReplayMode.ROOTS);

            RunComparison c = RunComparison.of(loaded.outputs(), runs.load(ids[1]).orElseThrow().outputs());
            // order-1018: verified and its 4 descendants only in v1, flagged only in v2
            assertThat(c.differences()).extracting(RunDifference::kind, RunDifference::type).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(RunDifference.Kind.ONLY_LEFT, "order.verified"),
                    org.assertj.core.groups.Tuple.tuple(RunDifference.Kind.ONLY_LEFT, "payment.processed"),
                    org.assertj.core.groups.Tuple.tuple(RunDifference.Kind.ONLY_LEFT, "fulfillment.started"),
                    org.assertj.core.groups.Tuple.tuple(RunDifference.Kind.ONLY_LEFT, "shipment.created"),
                    org.assertj.core.groups.Tuple.tuple(RunDifference.Kind.ONLY_LEFT, "notification.sent"),
                    org.assertj.core.groups.Tuple.tuple(RunDifference.Kind.ONLY_RIGHT, "order.flagged"),
                    // the fraud check of 1018 itself carries a different score
                    org.assertj.core.groups.Tuple.tuple(RunDifference.Kind.DATA_DIFFERS, "fraud.check.completed"));
            assertThat(c.matched()).isEqualTo(424 - 5);
        }
    }
}
