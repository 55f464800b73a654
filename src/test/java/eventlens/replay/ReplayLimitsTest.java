package eventlens.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.ScriptEngines;
import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run's limits (issue 11, reliability 2, 3 and 7): cascades end at their budgets with a failure that
 * names the handler and the chain, a handler stuck in a built-in times out, and a failure stays with the
 * delivery that caused it — while the run goes on to the next event.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReplayLimitsTest {
    static ScriptEngine engine;

    @BeforeAll
    static void engine() {
        engine = ScriptEngines.start();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Event recorded(String id, String type, int second) {
        return new Event(second, id, type, "svc", Instant.parse("2024-01-15T10:00:00Z").plusSeconds(second), null, null,
                null, null, null, "{}", "{}", "{}", new Origin("log.jsonl", second, "json"));
    }

    static ReplaySession session(String script, ReplayBudgets budgets, ScriptLimits limits, Event... events) {
        ReplaySettings settings = ReplaySettings.of(new ReplayScript("limits.js", script), ReplayMode.ALL)
                .withBudgets(budgets).withLimits(limits);
        return new ReplaySession(engine, EventSource.of(List.of(events)), settings, Runnable::run, Pacer.none());
    }

    static ReplaySession session(String script, ReplayBudgets budgets, Event... events) {
        return session(script, budgets, ScriptLimits.DEFAULT, events);
    }

    @Test
    void aHandlerPublishingTheTypeItHandlesEndsAtTheCascadeDepthNamingTheHandlerAndTheChain() {
        String script = """
                retry({ max: 3, backoff: 'fixed', baseMs: 10 });
                on('order.placed', (event, ctx) => ctx.publish('order.placed', {}), { name: 'echo' });
                """;
        try (ReplaySession s = session(script, new ReplayBudgets(100, 8, 1000), recorded("o1", "order.placed", 1),
                recorded("o2", "other", 2))) {
            s.runToEnd();

            RunSummary summary = s.summary();
            assertThat(summary.finished()).isTrue();
            assertThat(summary.published()).isEqualTo(8);
            assertThat(summary.retried()).as("a budget failure is final").isZero();
            ReplayDeadLetter dl = s.outputs().deadLetters().stream().reduce((a, b) -> b).orElseThrow();
            assertThat(s.outputs().deadLetters()).singleElement();
            assertThat(dl.handler()).isEqualTo("echo");
            assertThat(dl.error().errorType()).isEqualTo("CascadeBudgetExceeded");
            assertThat(dl.error().line()).isEqualTo(2);
            assertThat(dl.error().message()).isEqualTo(
                    "cascade budget: order.placed → order.placed → order.placed → … → order.placed → order.placed "
                            + "depth 8 exceeded in handler 'echo'");
            assertThat(s.deliveries()).last().satisfies(d -> assertThat(d.event().id()).isEqualTo("o2"));
        }
    }

    @Test
    void aHandlerFanningOutWithoutEndStopsAtTheBudgetOfOneDelivery() {
        String script = "on('tick', (event, ctx) => { for (;;) ctx.publish('tock', { n: 1 }); }, { name: 'fan' });";
        try (ReplaySession s = session(script, new ReplayBudgets(50, 64, 1000), recorded("t1", "tick", 1))) {
            s.runToEnd();

            assertThat(s.summary().published()).isEqualTo(50);
            assertThat(s.outputs().deadLetters()).singleElement().satisfies(d -> assertThat(d.error().message())
                    .isEqualTo("cascade budget: more than 50 events published while t1 (tick) was delivered, "
                            + "in handler 'fan' publishing tock"));
        }
    }

    @Test
    void aHandlerThatCatchesTheRefusalStillFails() {
        String script = """
                on('tick', (event, ctx) => {
                  for (let i = 0; i < 100; i++) { try { ctx.publish('tock', {}); } catch (e) { ctx.log('refused: ' + e.message); } }
                }, { name: 'stubborn' });
                """;
        try (ReplaySession s = session(script, new ReplayBudgets(5, 64, 1000), recorded("t1", "tick", 1))) {
            s.runToEnd();

            assertThat(s.summary().published()).isEqualTo(5);
            assertThat(s.outputs().logs()).hasSize(95);
            assertThat(s.outputs().deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.handler()).isEqualTo("stubborn");
                assertThat(d.error().errorType()).isEqualTo("CascadeBudgetExceeded");
            });
        }
    }

    @Test
    void aBranchingCascadeEndsAtTheRunBudgetAndTheRunFinishes() {
        String script = "on('cell', (event, ctx) => { ctx.publish('cell', {}); ctx.publish('cell', {}); }, { name: 'split' });";
        try (ReplaySession s = session(script, new ReplayBudgets(10, 64, 100), recorded("c1", "cell", 1),
                recorded("late", "other", 2))) {
            s.runToEnd();

            assertThat(s.summary().finished()).isTrue();
            assertThat(s.summary().published()).isEqualTo(100);
            assertThat(s.outputs().deadLetters()).isNotEmpty().allSatisfy(d -> assertThat(d.error().message())
                    .startsWith("cascade budget: the run already published 100 events, its limit; handler 'split' publishing cell under cell → cell"));
        }
    }

    @Test
    void theDefaultBudgetsStopAnEndlessCascade() {
        String script = "on('order.placed', (event, ctx) => ctx.publish('order.placed', {}));";
        try (ReplaySession s = session(script, ReplayBudgets.DEFAULT, recorded("o1", "order.placed", 1))) {
            s.runToEnd();

            assertThat(s.summary().published()).isEqualTo(ReplayBudgets.DEFAULT.cascadeDepth());
            assertThat(s.outputs().deadLetters()).singleElement().satisfies(d -> assertThat(d.error().message())
                    .contains("depth 64 exceeded in handler 'order.placed#1'"));
        }
    }

    @Test
    void aHandlerStuckInABacktrackingRegexTimesOutAndTheRunGoesOn() {
        String script = """
                let seen = 0;
                on('msg', (event, ctx) => {
                  seen++;
                  if (event.id === 'm1') /^(a+)+\\1$/.test('a'.repeat(40) + 'b');
                  ctx.log('done ' + event.id + ' after ' + seen);
                }, { name: 'matcher' });
                """;
        ScriptLimits fast = ScriptLimits.DEFAULT.withTime(Duration.ofMillis(1500));
        try (ReplaySession s = session(script, ReplayBudgets.DEFAULT, fast, recorded("m1", "msg", 1), recorded("m2", "msg", 2))) {
            s.runToEnd();

            assertThat(s.outputs().deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.event().id()).isEqualTo("m1");
                assertThat(d.error().errorType()).isEqualTo("TimeLimitExceeded");
                assertThat(d.error().message()).isEqualTo("handler timed out after 1500 ms");
                assertThat(d.error().describe()).startsWith("limits.js:");
            });
            // an interrupt keeps the context: the top-level counter carried over
            assertThat(s.outputs().logs()).extracting(LogLine::text).containsExactly("done m2 after 2");
        }
    }

    @Test
    void aThrownLoopingProxyIsBlamedOnItsOwnDeliveryAndItsLogIsKept() {
        String script = """
                on('msg', (event, ctx) => {
                  ctx.log('handling ' + event.id);
                  if (event.id === 'm1') throw new Proxy({}, { get: (t, k) => { while (true) {} } });
                }, { name: 'proxy' });
                """;
        try (ReplaySession s = session(script, ReplayBudgets.DEFAULT, new ScriptLimits(100_000),
                recorded("m1", "msg", 1), recorded("m2", "msg", 2))) {
            s.runToEnd();

            assertThat(s.outputs().deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.event().id()).isEqualTo("m1");
                assertThat(d.error().line()).isEqualTo(3);
            });
            assertThat(s.outputs().failures()).extracting(HandlerFailure::eventId).containsExactly("m1");
            assertThat(s.outputs().logs()).extracting(LogLine::eventId, LogLine::text).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("m1", "handling m1"), org.assertj.core.groups.Tuple.tuple("m2", "handling m2"));
        }
    }
}
