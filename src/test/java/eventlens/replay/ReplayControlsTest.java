package eventlens.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.replay.script.ScriptLimits;

import eventlens.app.work.ScriptEngines;
import eventlens.model.store.ProjectStore;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step, step back, run to, play/pause, speed and breakpoints. */
class ReplayControlsTest {
    @TempDir
    static Path dir;
    static ScriptEngine engine;
    static ProjectStore store;

    @BeforeAll
    static void project() {
        engine = ScriptEngines.start();
        store = ProjectStore.open(SampleProject.orders(dir));
    }

    @AfterAll
    static void close() {
        store.close();
        engine.close();
    }

    static ReplaySession pipeline(ReplayMode mode) {
        return ReplaySession.open(store, engine, ReplaySettings.of(SampleProject.script("order-pipeline.js"), mode),
                Runnable::run, Pacer.none());
    }

    @Test
    void aSessionKnowsWhetherItsScriptFoldsAggregatesAsAFreshLoadWouldSay() {
        for (String script : new String[] {"order-pipeline.js", "analytics.js"}) {
            try (ReplaySession s = ReplaySession.open(store, engine, ReplaySettings.of(SampleProject.script(script),
                    ReplayMode.ALL), Runnable::run, Pacer.none());
                 RunReducers fresh = RunReducers.load(engine, SampleProject.script(script), ScriptLimits.DEFAULT)) {
                assertThat(s.rebuildsAggregates()).as(script).isEqualTo(fresh.rebuilds());
            }
        }
        try (ReplaySession s = pipeline(ReplayMode.ROOTS)) {
            assertThat(s.rebuildsAggregates()).as("order-pipeline.js reduces orders").isTrue();
        }
    }

    @Test
    void stepBackThenForwardReproducesTheSameDeliveries() {
        try (ReplaySession s = pipeline(ReplayMode.ROOTS)) {
            for (int i = 0; i < 40; i++) {
                s.step();
            }
            List<Delivery> forward = s.deliveries();
            RunOutputs outputsAt40 = s.outputs();
            List<String> resets = new ArrayList<>();
            s.addListener(new ReplayListener() {
                @Override
                public void reset() {
                    resets.add("reset");
                }
            });

            for (int i = 0; i < 5; i++) {
                s.stepBack();
            }
            assertThat(s.position()).isEqualTo(35);
            assertThat(s.deliveries()).isEqualTo(forward.subList(0, 35));
            assertThat(resets).hasSize(5);

            for (int i = 0; i < 5; i++) {
                assertThat(s.step()).contains(forward.get(35 + i));
            }
            assertThat(s.outputs()).isEqualTo(outputsAt40);
        }
    }

    @Test
    void theStateBeforeAStepAndAfterTheComingOneAreKnownWithoutChangingTheRun() {
        try (ReplaySession s = pipeline(ReplayMode.ALL)) {
            eventlens.model.Event next = s.next().orElseThrow();
            while (next.aggregateId() == null || s.state(next.aggregateId()) == null) {
                s.step();
                next = s.next().orElseThrow();
            }
            String id = next.aggregateId();
            String now = s.state(id);
            String coming = s.stateAfter(next);
            assertThat(s.state(id)).as("a preview delivers nothing").isEqualTo(now);
            assertThat(s.next()).contains(next);

            Delivery d = s.step().orElseThrow();
            assertThat(d.event()).isSameAs(next);
            assertThat(s.stateBefore(d.event())).isEqualTo(now);
            assertThat(s.state(id)).isEqualTo(coming);
            // Asked again, or after reading the state, the state before stays the one before the step.
            assertThat(s.stateBefore(d.event())).isEqualTo(now);
            // An event not delivered by the last step: its aggregate's state now.
            eventlens.model.Event other = s.deliveries().get(0).event();
            if (other.aggregateId() != null && other != d.event()) {
                assertThat(s.stateBefore(other)).isEqualTo(s.state(other.aggregateId()));
            }
        }
    }

    @Test
    void stepBackAtTheStartStaysThere() {
        try (ReplaySession s = pipeline(ReplayMode.ALL)) {
            assertThat(s.stepBack()).isEmpty();
            assertThat(s.position()).isZero();
            s.step();
            assertThat(s.stepBack()).isEmpty();
            assertThat(s.position()).isZero();
        }
    }

    @Test
    void aTypeBreakpointStopsBeforeTheEventAndTheNextStepDeliversIt() {
        try (ReplaySession s = pipeline(ReplayMode.ROOTS)) {
            s.addBreakpoint(Breakpoint.onType("payment.failed"));
            BreakpointHit hit = s.runToEnd().orElseThrow();
            assertThat(s.next().orElseThrow().type()).isEqualTo("payment.failed");
            assertThat(hit.eventId()).isEqualTo(s.next().orElseThrow().id());
            Delivery d = s.step().orElseThrow();
            assertThat(d.event().type()).isEqualTo("payment.failed");
            assertThat(d.handlers()).containsExactly("compensation");
            // resuming passes the breakpoint it stands on and stops at the next payment.failed
            assertThat(s.runToEnd()).isPresent();
            assertThat(s.outputs().published()).filteredOn(e -> e.type().equals("payment.failed")).hasSize(2);
            // step back and forward lands on the same event
            s.stepBack();
            assertThat(s.step().orElseThrow().event().type()).isNotNull();
        }
    }

    @Test
    void aConditionBreakpointSeesEventAndState() {
        try (ReplaySession s = pipeline(ReplayMode.ALL)) {
            s.addBreakpoint(Breakpoint.onCondition("event.type === 'order.created' && event.data.total > 500"));
            s.runToEnd().orElseThrow();
            assertThat(s.next().orElseThrow().aggregateId()).isEqualTo("order-1018");
        }
        try (ReplaySession s = pipeline(ReplayMode.ALL)) {
            // state: the Order as folded by the script's reducer, before the event
            s.addBreakpoint(Breakpoint.onCondition("event.type === 'order.cancelled' && state !== null && state.status === 'verified'"));
            s.runToEnd().orElseThrow();
            assertThat(s.next().orElseThrow().aggregateId()).isEqualTo("order-1007");
        }
    }

    @Test
    void errorAndDivergenceBreakpointsStopAfterTheStep() {
        try (ReplaySession s = ReplaySession.open(store, engine,
                ReplaySettings.of(SampleProject.script("flaky-payment.js"), ReplayMode.ALL), Runnable::run, Pacer.none())) {
            s.addBreakpoint(Breakpoint.onError());
            BreakpointHit hit = s.runToEnd().orElseThrow();
            assertThat(hit.breakpoint()).isEqualTo(Breakpoint.onError());
            assertThat(s.outputs().failures()).hasSize(1);
            assertThat(hit.delivery()).isEqualTo(s.position());
        }
        ReplayScript original = SampleProject.script("order-pipeline.js");
        ReplayScript altered = new ReplayScript(original.name(), original.text().replace("const BIG_ORDER = Infinity;", "const BIG_ORDER = 500;"));
        try (ReplaySession s = ReplaySession.open(store, engine, ReplaySettings.of(altered, ReplayMode.ROOTS), Runnable::run, Pacer.none())) {
            s.addBreakpoint(Breakpoint.onDivergence());
            assertThat(s.runToEnd()).isPresent();
            assertThat(s.outputs().divergences()).hasSize(2);
            assertThat(s.deliveries().get(s.deliveries().size() - 1).event().type()).isEqualTo("fraud.check.completed");
        }
    }

    @Test
    void runToTimeAndToPosition() {
        try (ReplaySession s = pipeline(ReplayMode.ALL)) {
            Instant t = Instant.parse("2024-01-15T10:00:00Z");
            s.runTo(t);
            assertThat(s.now()).isBeforeOrEqualTo(t);
            assertThat(s.next().orElseThrow().time()).isAfter(t);
        }
        try (ReplaySession s = pipeline(ReplayMode.ALL)) {
            s.runToPosition(10);
            List<Delivery> d = s.deliveries();
            assertThat(d.get(d.size() - 1).event().position()).isEqualTo(10);
        }
    }

    @Test
    void playRunsOnTheInjectedExecutorAtARecordedPaceThroughThePacer() throws Exception {
        List<Duration> waits = new ArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (ReplaySession s = ReplaySession.open(store, engine, ReplaySettings.of(SampleProject.script("analytics.js"), ReplayMode.ALL)
                .withQuery(eventlens.model.query.QueryParser.parse("type:order.created"), ""), executor, waits::add)) {
            List<RunSummary> ended = new ArrayList<>();
            s.addListener(new ReplayListener() {
                @Override
                public void playEnded(RunSummary summary) {
                    ended.add(summary);
                }
            });
            s.setSpeed(Speed.times(100));
            s.play();
            executor.shutdown();
            assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ended).singleElement().satisfies(r -> assertThat(r.finished()).isTrue());
            assertThat(s.summary().delivered()).isEqualTo(50);
            // 50 orders: a wait before each but the first, 1/100 of the recorded gap, at most MAX_WAIT
            assertThat(waits).hasSize(49).allSatisfy(w -> assertThat(w).isPositive().isLessThanOrEqualTo(ReplaySession.MAX_WAIT));
        }
    }

    @Test
    void pauseStopsPlayingAfterTheCurrentStep() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (ReplaySession s = ReplaySession.open(store, engine, ReplaySettings.of(SampleProject.script("analytics.js"), ReplayMode.ALL),
                executor, Pacer.none())) {
            s.addListener(new ReplayListener() {
                @Override
                public void delivered(Delivery d) {
                    if (d.index() == 7) {
                        s.pause();
                    }
                }
            });
            s.play();
            executor.shutdown();
            assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(s.position()).isEqualTo(7);
            assertThat(s.isPlaying()).isFalse();
        }
    }
}
