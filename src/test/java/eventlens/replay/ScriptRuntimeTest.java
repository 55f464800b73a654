package eventlens.replay;

import eventlens.testing.LoggingHost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.app.work.ScriptEngines;
import eventlens.model.Event;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptError;
import eventlens.replay.script.ScriptException;
import eventlens.replay.script.ScriptHost;
import eventlens.replay.script.ScriptLimits;
import eventlens.replay.script.ScriptRuntime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScriptRuntimeTest {
    static ScriptEngine engine;
    final List<String> logs = new ArrayList<>();
    final List<String> published = new ArrayList<>();

    @BeforeAll
    static void engine() {
        engine = ScriptEngines.start();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    final ScriptHost host = new ScriptHost() {
        @Override
        public void publish(Event cause, String handler, String type, String dataJson, String optionsJson) {
            published.add(type + " " + dataJson);
        }

        @Override
        public String state(String aggregateId) {
            return "{\"status\":\"created\"}";
        }

        @Override
        public void log(Event cause, String handler, String text) {
            logs.add(text);
        }

        @Override
        public Instant now() {
            return Instant.parse("2024-01-15T10:00:00Z");
        }
    };

    ScriptRuntime load(String text) {
        return new ScriptRuntime(engine, new ReplayScript("t.js", text), new ScriptLimits(100_000), host, 7);
    }

    static Event order() {
        return new Event(1, "e1", "order.created", "svc", Instant.parse("2024-01-15T09:00:00Z"), "Order", "o-1", 1L,
                "c1", null, "{\"total\":1200,\"items\":[{\"sku\":\"a\"}]}", "{}", "{}", null);
    }

    Optional<ScriptError> run(ScriptRuntime r) {
        return r.invoke(r.handlers().get(0), order());
    }

    @Test
    void handlersSeeTheEventAndPublishThroughCtx() {
        try (ScriptRuntime r = load("""
                on('order.*', (event, ctx) => {
                  if (event.data.total > 1000) ctx.publish('order.flagged', { id: event.aggregateId, n: event.data.items.length });
                  ctx.log('state', ctx.state('o-1'), 'at', ctx.now().toISOString(), Date.now());
                });
                """)) {
            assertThat(r.handlers()).singleElement().satisfies(h -> assertThat(h.name()).isEqualTo("order.*#1"));
            assertThat(run(r)).isEmpty();
            assertThat(published).containsExactly("order.flagged {\"id\":\"o-1\",\"n\":1}");
            assertThat(logs).containsExactly("state {\"status\":\"created\"} at 2024-01-15T10:00:00.000Z 1705312800000");
        }
    }

    @Test
    void eventsAreReadOnly() {
        try (ScriptRuntime r = load("""
                'use strict';
                on('#', (event) => { event.data.total = 1; });
                on('#', (event) => { event.type = 'x'; });
                """)) {
            assertThat(r.invoke(r.handlers().get(0), order())).get()
                    .satisfies(e -> assertThat(e.errorType()).isEqualTo("TypeError"))
                    .satisfies(e -> assertThat(e.line()).isEqualTo(2));
            assertThat(r.invoke(r.handlers().get(1), order())).isPresent();
        }
    }

    @Test
    void runtimeErrorsCarryFileLineAndColumn() {
        try (ScriptRuntime r = load("""
                function check(o) {
                  throw new RangeError('too big: ' + o.total);
                }
                on('#', (event) => check(event.data));
                """)) {
            ScriptError e = run(r).orElseThrow();
            assertThat(e.describe()).isEqualTo("t.js:2:9: RangeError: too big: 1200");
            assertThat(e.stack()).contains("at check (t.js:2:9)").contains("t.js:4:");
        }
    }

    @Test
    void syntaxErrorsCarryFileLineAndColumn() {
        assertThatThrownBy(() -> load("on('#', (e) => {\n  let = ;\n});"))
                .isInstanceOfSatisfying(ScriptException.class, e -> {
                    assertThat(e.error().file()).isEqualTo("t.js");
                    assertThat(e.error().line()).isEqualTo(2);
                    assertThat(e.error().errorType()).isEqualTo("SyntaxError");
                    assertThat(e.getMessage()).startsWith("t.js:2:").doesNotContain("\n");
                });
    }

    @Test
    void theSandboxRefusesHostClassesFilesModulesAndPolyglot() {
        String[] attempts = {
            "Java.type('java.io.File')", "require('fs')", "load('/etc/passwd')", "Polyglot.eval('js', '1')",
            "java.lang.System.exit(1)", "new java.io.File('/')", "Packages.java.lang.Runtime.getRuntime()", "process.env",
            "quit()", "readFile('/etc/passwd')"};
        for (String attempt : attempts) {
            try (ScriptRuntime r = load("on('#', () => { " + attempt + "; });")) {
                assertThat(run(r)).as(attempt).isPresent();
            }
        }
    }

    @Test
    void aRunawayHandlerIsStoppedByTheStatementBudgetAndTheScriptStillWorks() {
        try (ScriptRuntime r = load("""
                let calls = 0;
                on('#', (event, ctx) => { calls++; if (event.id === 'loop') { while (true) {} } ctx.log('calls ' + calls); });
                """)) {
            Event loop = new Event(1, "loop", "x", null, null, null, null, null, null, null, null, null, "{}", null);
            ScriptError e = r.invoke(r.handlers().get(0), loop).orElseThrow();
            assertThat(e.errorType()).isEqualTo("StatementLimitExceeded");
            assertThat(e.line()).isEqualTo(2);
            assertThat(run(r)).isEmpty();
            // the context was replaced: top-level state started over
            assertThat(r.restarts()).isEqualTo(1);
            assertThat(logs).containsExactly("calls 1");
        }
    }

    @Test
    void aScriptThatDoesNotLoadAgainAfterARestartFailsTheNextCallsInsteadOfEscaping() {
        Instant[] now = {Instant.EPOCH};
        ScriptHost clock = new LoggingHost((cause, text) -> logs.add(text), () -> now[0]);
        String text = "if (Date.now() > 0) { while (true) {} }\n"
                + "on('#', (event, ctx) => { if (event.id === 'loop') { while (true) {} } ctx.log('ran ' + event.id); });";
        try (ScriptRuntime r = new ScriptRuntime(engine, new ReplayScript("t.js", text), new ScriptLimits(100_000), clock, 7)) {
            Event loop = new Event(1, "loop", "x", null, null, null, null, null, null, null, null, null, "{}", null);
            now[0] = Instant.ofEpochMilli(5);

            assertThat(r.invoke(r.handlers().get(0), loop)).get().satisfies(e -> assertThat(e.line()).isEqualTo(2));
            assertThat(r.invoke(r.handlers().get(0), order())).get().satisfies(e -> {
                assertThat(e.errorType()).isEqualTo("StatementLimitExceeded");
                assertThat(e.line()).isEqualTo(1);
            });
            now[0] = Instant.EPOCH;
            assertThat(run(r)).isEmpty();
            assertThat(logs).containsExactly("ran e1");
        }
    }

    @Test
    void mathRandomIsSeededSoRunsAreReproducible() {
        String script = "on('#', (e, ctx) => ctx.log(String(Math.random())));";
        try (ScriptRuntime a = load(script); ScriptRuntime b = load(script)) {
            run(a);
            run(b);
        }
        assertThat(logs).hasSize(2);
        assertThat(logs.get(0)).isEqualTo(logs.get(1));
    }

    @Test
    void onIsOnlyAllowedAtTheTopLevel() {
        try (ScriptRuntime r = load("on('#', () => { on('x', () => {}); });")) {
            assertThat(run(r)).get().satisfies(e -> assertThat(e.message()).contains("top level"));
        }
    }

    @Test
    void retryAndReduceAreRegistered() {
        try (ScriptRuntime r = load("""
                retry({ max: 3, backoff: 'exponential', baseMs: 1000 });
                reduce('Order', (state, event) => ({ ...state, status: event.type.split('.')[1] }));
                """)) {
            assertThat(r.retryPolicy().max()).isEqualTo(3);
            assertThat(r.retryPolicy().delay(3).toMillis()).isEqualTo(4000);
            var reducer = r.reducer("Order").orElseThrow();
            assertThat(reducer.id().version()).isEqualTo(r.script().version());
            var state = reducer.apply(eventlens.model.Json.parseOrMissing("{\"a\":1}"), order());
            assertThat(state.toString()).isEqualTo("{\"a\":1,\"status\":\"created\"}");
        }
    }
}
