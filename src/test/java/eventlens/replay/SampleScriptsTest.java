package eventlens.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.ScriptEngines;
import eventlens.model.Event;
import eventlens.model.store.ProjectStore;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample scripts over samples/orders.jsonl. */
class SampleScriptsTest {
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

    static ReplaySession session(ReplayScript script, ReplayMode mode) {
        return ReplaySession.open(store, engine, ReplaySettings.of(script, mode), Runnable::run, Pacer.none());
    }

    static ReplaySession finished(ReplayScript script, ReplayMode mode) {
        ReplaySession s = session(script, mode);
        s.runToEnd();
        return s;
    }

    @Test
    void orderPipelineFromRootsRegeneratesTheRecordedSagaWithoutDivergence() {
        try (ReplaySession s = finished(SampleProject.script("order-pipeline.js"), ReplayMode.ROOTS)) {
            RunSummary r = s.summary();
            assertThat(r.divergences()).isZero();
            assertThat(r.matched()).isEqualTo(424); // every recorded event but the 50 roots
            assertThat(r.published()).isEqualTo(424);
            assertThat(r.delivered()).isEqualTo(474);
            assertThat(r.finished()).isTrue();
            List<Event> published = s.outputs().published();
            assertThat(published).filteredOn(e -> e.type().equals("order.flagged")).hasSize(3);
            assertThat(published).filteredOn(e -> e.type().equals("payment.failed")).hasSize(5);
            assertThat(published).filteredOn(e -> e.type().equals("inventory.released")).hasSize(5);
            assertThat(published).filteredOn(e -> e.type().equals("order.cancelled")).hasSize(7);
            Event flagged = published.stream().filter(e -> e.type().equals("order.flagged")).findFirst().orElseThrow();
            assertThat(flagged.correlationId()).isEqualTo(store.event(flagged.correlationId()).orElseThrow().id());
            assertThat(flagged.aggregateId()).isEqualTo("order-1012");
            // the Order reducer of the script rebuilt the state
            assertThat(s.state("order-1012")).contains("\"status\":\"flagged\"");
        }
    }

    @Test
    void changingOneRuleReportsExactlyTheChangedChildren() {
        ReplayScript original = SampleProject.script("order-pipeline.js");
        ReplayScript altered = new ReplayScript(original.name(),
                original.text().replace("const BIG_ORDER = Infinity;", "const BIG_ORDER = 500;"));
        try (ReplaySession s = finished(altered, ReplayMode.ROOTS)) {
            List<Divergence> d = s.outputs().divergences();
            // only order-1018 (530.70) is above 500: flagged instead of verified
            Event fraud = store.events(eventlens.model.query.QueryParser.parse("type:fraud.check.completed data.orderId=order-1018"), 0, 10).get(0);
            assertThat(d).extracting(Divergence::kind, Divergence::causeId, Divergence::type).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Divergence.Kind.MISSING, fraud.id(), "order.verified"),
                    org.assertj.core.groups.Tuple.tuple(Divergence.Kind.UNEXPECTED, fraud.id(), "order.flagged"));
            assertThat(s.summary().matched()).isEqualTo(424 - 5); // verified, payment, fulfillment, shipment, notification
        } catch (eventlens.model.query.QueryException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void analyticsAggregatesAndLogs() {
        try (ReplaySession s = finished(SampleProject.script("analytics.js"), ReplayMode.ALL)) {
            assertThat(s.summary().delivered()).isEqualTo(474);
            List<LogLine> logs = s.outputs().logs();
            assertThat(logs).filteredOn(l -> l.text().startsWith("payment failed for")).hasSize(5);
            assertThat(logs).filteredOn(l -> l.text().startsWith("after 50 orders:")).singleElement()
                    .satisfies(l -> assertThat(l.text()).contains("\"created\":50").contains("\"failed\":5").contains("\"cancelled\":7"));
        }
    }

    @Test
    void flakyPaymentIsRetriedWithBackoffInVirtualTimeThenDeadLettered() {
        try (ReplaySession s = finished(SampleProject.script("flaky-payment.js"), ReplayMode.ALL)) {
            RunSummary r = s.summary();
            // 6 of the 50 orders have a total whose cents end in 7; 3 attempts each (max 2 retries)
            assertThat(r.deadLettered()).isEqualTo(6);
            assertThat(r.failed()).isEqualTo(18);
            assertThat(r.retried()).isEqualTo(12);
            assertThat(r.published()).isEqualTo(44);
            ReplayDeadLetter first = s.outputs().deadLetters().get(0);
            assertThat(first.handler()).isEqualTo("flaky-payment");
            assertThat(first.attempts()).isEqualTo(3);
            assertThat(first.error().describe()).isEqualTo("flaky-payment.js:8:11: Error: gateway declined order-1007 (total 208.47)");
            assertThat(first.error().stack()).contains("at charge (flaky-payment.js:8:11)").contains("flaky-payment.js:14:");
            // exponential backoff: 500 ms then 1 s, in virtual time
            assertThat(Duration.between(first.firstFailure(), first.lastFailure())).isEqualTo(Duration.ofMillis(1500));
            assertThat(first.firstFailure()).isEqualTo(first.event().time());
            assertThat(first.toDeadLetter("run 1").handler()).isEqualTo("flaky-payment");
        }
    }

    @Test
    void aRunawayHandlerIsStoppedRecordedAndTheRunGoesOn() {
        try (ReplaySession s = finished(SampleProject.script("runaway.js"), ReplayMode.ALL)) {
            assertThat(s.outputs().deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.handler()).isEqualTo("runaway");
                assertThat(d.error().errorType()).isEqualTo("StatementLimitExceeded");
                assertThat(d.error().file()).isEqualTo("runaway.js");
                assertThat(d.error().line()).isEqualTo(5);
            });
            assertThat(s.outputs().logs()).hasSize(50); // the other handler saw every order
        }
    }

    @Test
    void escapeAttemptsAreRefusedAndRecorded() {
        try (ReplaySession s = finished(SampleProject.script("escape.js"), ReplayMode.ALL)) {
            assertThat(s.outputs().published()).isEmpty();
            assertThat(s.outputs().logs()).extracting(LogLine::text).containsExactly(
                    "refused Java.type: TypeError", "refused require: ReferenceError", "refused load: Error",
                    "refused Polyglot.eval: ReferenceError", "refused process: ReferenceError", "refused java global: TypeError");
            assertThat(s.outputs().deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.handler()).isEqualTo("read-file");
                assertThat(d.error().describe()).startsWith("escape.js:27:16: TypeError: Access to host class java.io.File is not allowed");
            });
        }
    }

    @Test
    void theSameRunTwiceGivesIdenticalOutputs() {
        for (String script : new String[] {"order-pipeline.js", "flaky-payment.js"}) {
            try (ReplaySession a = finished(SampleProject.script(script), ReplayMode.ROOTS);
                    ReplaySession b = finished(SampleProject.script(script), ReplayMode.ROOTS)) {
                assertThat(b.outputs()).isEqualTo(a.outputs());
                assertThat(b.deliveries()).isEqualTo(a.deliveries());
                assertThat(b.summary()).isEqualTo(a.summary());
            }
        }
    }

    @Test
    void aHandlerThatPublishesThenFailsRaisesAnIdempotencyWarningOnRetry() {
        ReplayScript script = new ReplayScript("dup.js", """
                retry({ max: 1, backoff: 'fixed', baseMs: 100 });
                const tried = new Set();
                on('order.created', (e, ctx) => {
                  ctx.publish('audit.recorded', { id: e.id });
                  if (!tried.has(e.id)) { tried.add(e.id); throw new Error('flaky'); }
                });
                """);
        try (ReplaySession s = session(script, ReplayMode.ALL)) {
            s.runToEnd();
            assertThat(s.summary().warnings()).isEqualTo(50);
            assertThat(s.summary().deadLettered()).isZero();
            assertThat(s.outputs().warnings().get(0).deliveries()).isEqualTo(2);
        }
    }

    @Test
    void aSliceReplaysOnlyItsEvents() throws Exception {
        ReplaySettings settings = ReplaySettings.of(SampleProject.script("analytics.js"), ReplayMode.ALL)
                .withQuery(eventlens.model.query.QueryParser.parse("type:payment.*"), "type:payment.*");
        try (ReplaySession s = ReplaySession.open(store, engine, settings, Runnable::run, Pacer.none())) {
            s.runToEnd();
            assertThat(s.summary().delivered()).isEqualTo(47); // 40 processed + 5 failed + 2 retry scheduled
            assertThat(s.outputs().logs()).hasSize(5);
        }
    }
}
