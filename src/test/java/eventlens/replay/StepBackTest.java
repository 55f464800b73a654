package eventlens.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.ScriptEngines;
import eventlens.model.Event;
import eventlens.model.store.ProjectStore;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step back among the kept steps (decision 0054): what the session shows after going back to a step is what a fresh
 * run stopped at that step shows, for scripts that publish, retry, dead-letter, reduce and upcast.
 */
class StepBackTest {
    @TempDir
    static Path dir;
    static ScriptEngine engine;
    static ProjectStore orders;
    static ProjectStore versions;

    @BeforeAll
    static void projects() {
        engine = ScriptEngines.start();
        orders = ProjectStore.open(SampleProject.orders(dir));
        versions = ProjectStore.open(SampleProject.of(dir, "order-versions"));
    }

    @AfterAll
    static void close() {
        orders.close();
        versions.close();
        engine.close();
    }

    static ReplaySession session(ProjectStore store, String script, ReplayMode mode) {
        return ReplaySession.open(store, engine, ReplaySettings.of(SampleProject.script(script), mode), Runnable::run,
                Pacer.none());
    }

    @Test
    void goingBackShowsWhatAFreshRunStoppedThereShows() {
        check(orders, "order-pipeline.js", ReplayMode.ROOTS, 150, 60); // publishes, reduces orders, diverges
        check(orders, "order-pipeline.js", ReplayMode.ALL, 120, 40);
        check(orders, "flaky-payment.js", ReplayMode.ALL, 200, 50);   // retries and dead letters
        check(versions, "upcast-orders.js", ReplayMode.ALL, 90, 45);   // upcasters
    }

    private static void check(ProjectStore store, String script, ReplayMode mode, int steps, int back) {
        try (ReplaySession s = session(store, script, mode)) {
            for (int i = 0; i < steps; i++) {
                s.step();
            }
            List<Delivery> forward = s.deliveries();
            int at = forward.size();
            assertThat(at).as(script + ": enough steps").isGreaterThan(back);
            for (int k = at - 1; k >= at - back; k--) {
                Optional<Delivery> last = s.stepBack();
                assertThat(last.map(Delivery::index)).as(script + " back to " + k).contains((long) k);
                try (ReplaySession fresh = session(store, script, mode)) {
                    for (int i = 0; i < k; i++) {
                        fresh.step();
                    }
                    sameView(script + " at " + k, s, fresh, forward);
                }
            }
            for (int k = at - back; k < at; k++) {
                assertThat(s.step()).as(script + ": forward again").contains(forward.get(k));
            }
            assertThat(s.deliveries()).isEqualTo(forward);
            // at the head again: the run goes on
            Optional<Delivery> beyond = s.step();
            beyond.ifPresent(d -> assertThat(d.index()).isEqualTo(at + 1L));
        }
    }

    private static void sameView(String where, ReplaySession back, ReplaySession fresh, List<Delivery> forward) {
        assertThat(back.position()).as(where).isEqualTo(fresh.position());
        assertThat(back.deliveries()).as(where).isEqualTo(fresh.deliveries());
        assertThat(back.summary()).as(where).isEqualTo(fresh.summary());
        assertThat(back.outputs()).as(where).isEqualTo(fresh.outputs());
        assertThat(back.now()).as(where).isEqualTo(fresh.now());
        assertThat(back.next().map(Event::id)).as(where).isEqualTo(fresh.next().map(Event::id));
        List<String> aggregates = new ArrayList<>();
        for (Delivery d : forward) {
            if (d.event().aggregateId() != null && !aggregates.contains(d.event().aggregateId())) {
                aggregates.add(d.event().aggregateId());
            }
        }
        for (String id : aggregates) {
            assertThat(back.state(id)).as(where + ", state of " + id).isEqualTo(fresh.state(id));
        }
        Delivery lastDone = back.deliveries().isEmpty() ? null : back.deliveries().getLast();
        if (lastDone != null) {
            Event e = lastDone.event();
            Event same = fresh.deliveries().getLast().event();
            assertThat(back.stateBefore(e)).as(where + ", state before the last step").isEqualTo(fresh.stateBefore(same));
        }
        int position = (int) back.position();
        if (position < forward.size() && forward.get(position).attempt() == 1 && back.next().isPresent()) {
            assertThat(back.stateAfter(back.next().get())).as(where + ", state after the next step")
                    .isEqualTo(fresh.stateAfter(fresh.next().get()));
        }
    }

    @Test
    void breakpointsStopWhereAFreshRunStopsWhenRunningForwardThroughKeptSteps() {
        stopsAlike("order-pipeline.js", ReplayMode.ROOTS, Breakpoint.onType("payment.failed"));
        stopsAlike("order-pipeline.js", ReplayMode.ALL,
                Breakpoint.onCondition("event.type === 'order.cancelled' && state !== null && state.status === 'verified'"));
        stopsAlike("flaky-payment.js", ReplayMode.ALL, Breakpoint.onError());
    }

    private static void stopsAlike(String script, ReplayMode mode, Breakpoint b) {
        try (ReplaySession fresh = session(orders, script, mode);
             ReplaySession back = session(orders, script, mode)) {
            fresh.addBreakpoint(b);
            BreakpointHit expected = fresh.runToEnd().orElseThrow();
            for (long p = 0; p < expected.delivery() + 20 && back.step().isPresent(); p++) {
                // past the stop, without breakpoints
            }
            while (back.position() > expected.delivery() - 3) {
                back.stepBack();
            }
            back.addBreakpoint(b);
            BreakpointHit hit = back.runToEnd().orElseThrow();
            assertThat(hit.delivery()).as(script + " " + b).isEqualTo(expected.delivery());
            assertThat(hit.eventId()).as(script + " " + b).isEqualTo(expected.eventId());
            assertThat(back.position()).isEqualTo(fresh.position());
            assertThat(back.summary()).isEqualTo(fresh.summary());
            Event next = back.next().orElse(null);
            if (next != null && next.aggregateId() != null) {
                assertThat(back.state(next.aggregateId())).isEqualTo(fresh.state(next.aggregateId()));
            }
        }
    }

    @Test
    void furtherBackThanTheKeptStepsTheRunIsRebuilt() {
        List<Event> events = new ArrayList<>();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        int n = ReplaySession.KEPT_DELIVERIES + 5;
        for (int i = 0; i < n; i++) {
            String data = "{\"n\":" + i + "}";
            events.add(new Event(i + 1, "e-" + i, "tick", null, t.plusMillis(i), "Clock", "c-" + (i % 7), null, null, null,
                    data, null, data, null));
        }
        ReplayScript script = new ReplayScript("count.js", "let n = 0; on('tick', (e, ctx) => { n++; if (n % 1000 === 0) ctx.log('at ' + n); });");
        try (ReplaySession s = new ReplaySession(engine, EventSource.of(events), ReplaySettings.of(script, ReplayMode.ALL),
                Runnable::run, Pacer.none())) {
            s.runToEnd();
            List<Delivery> last = s.deliveries();
            assertThat(last.getFirst().index()).isEqualTo(6);
            for (long p = n; p > 6; p--) {
                s.stepBack();
            }
            assertThat(s.position()).isEqualTo(6);
            assertThat(s.deliveries()).containsExactly(last.getFirst());
            assertThat(s.state("c-5")).isEqualTo("{\"n\":5}");
            assertThat(s.stepBack()).map(Delivery::index).contains(5L); // rebuilt: step 5 was not kept
            assertThat(s.position()).isEqualTo(5);
            assertThat(s.deliveries()).hasSize(5);
            assertThat(s.state("c-5")).isNull();
            assertThat(s.runToEnd()).isEmpty();
            assertThat(s.deliveries()).isEqualTo(last);
            assertThat(s.outputs().logs()).hasSize(10); // the script's own counter started over with the rebuilt run
        }
    }

    @Test
    void runningForwardThroughKeptStepsTellsTheListenersOnceNotPerStep() {
        try (ReplaySession s = session(orders, "order-pipeline.js", ReplayMode.ROOTS)) {
            for (int i = 0; i < 60; i++) {
                s.step();
            }
            for (int i = 0; i < 30; i++) {
                s.stepBack();
            }
            List<String> told = new ArrayList<>();
            s.addListener(new ReplayListener() {
                @Override
                public void reset() {
                    told.add("reset");
                }

                @Override
                public void stopped(BreakpointHit hit) {
                    told.add("stopped at " + hit.delivery());
                }
            });
            s.step();
            assertThat(told).containsExactly("reset");
            told.clear();
            s.runToPosition(Long.MAX_VALUE); // through the 29 kept steps, then on at the head
            assertThat(told).containsExactly("reset");
            assertThat(s.position()).isGreaterThan(60);
        }
    }
}
