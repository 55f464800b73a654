package eventlens.replay;

import eventlens.testing.LoggingHost;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.ScriptEngines;
import eventlens.model.Event;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptError;
import eventlens.replay.script.ScriptHost;
import eventlens.replay.script.ScriptLimits;
import eventlens.replay.script.ScriptRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-scripts probe (issue 11): handlers that try to leave the sandbox, never return, eat the
 * heap, or throw values that fight being read. Each must end quickly as a failure of its own call, with
 * the handler's log kept, and leave the script (and the JVM) working for the next, innocent event.
 * Limits are small so that the whole suite stays fast: 200,000 statements, 1 s and 128 MiB per call. A
 * case that probes time or memory has the other one set out of its reach: memory is counted as bytes
 * allocated, garbage included, so a backtracking regex churning memory would otherwise meet the memory
 * limit as well, and a string bomb on a loaded machine the time limit.
 */
class HostileScriptsTest {
    static final ScriptLimits SMALL = new ScriptLimits(200_000, Duration.ofSeconds(1), 128L << 20);
    static ScriptEngine engine;

    final List<String> logs = new ArrayList<>();

    @BeforeAll
    static void engine() {
        engine = ScriptEngines.start();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                // sandbox escapes
                hostile("Java.type", "Java.type('java.lang.Runtime')", "TypeError"),
                hostile("Polyglot.eval", "Polyglot.eval('js', '1')", "ReferenceError"),
                hostile("load", "load('/etc/passwd')", "Error"),
                hostile("require", "require('child_process')", "ReferenceError"),
                hostile("process", "process.exit(1)", "ReferenceError"),
                hostile("fs via require", "require('fs').readFileSync('/etc/passwd')", "ReferenceError"),
                hostile("Packages", "Packages.java.lang.Runtime.getRuntime().exec('true')", "TypeError"),
                hostile("java global", "java.lang.System.exit(1)", "TypeError"),
                hostile("reflection via a host function", "ctx.log.getClass().forName('java.lang.Runtime')", "TypeError"),
                hostile("reflection via the event", "event.getClass().getClassLoader()", "TypeError"),
                hostile("constructor of a host function", "ctx.publish.constructor.constructor('return Java')().type('java.io.File')", "TypeError"),
                // code that never returns
                hostile("infinite loop", "while (true) {}", "StatementLimitExceeded"),
                hostile("looping sort comparator", "Array.from({length: 100}, (_, i) => i).sort(() => { while (true) {} })",
                        "StatementLimitExceeded"),
                hostile("catastrophic regex (a backreference forces backtracking)", "/^(a+)+\\1$/.test('a'.repeat(40) + 'b')",
                        "TimeLimitExceeded"),
                hostile("catastrophic regex in a replace", "('x'.repeat(40) + '!').replace(/^(x+)+\\1$/, '')", "TimeLimitExceeded"),
                // memory bombs
                hostile("array of megabyte strings", "let a = []; while (true) a.push('x'.repeat(1e7) + a.length)", "MemoryLimitExceeded"),
                hostile("one huge string", "let s = 'x'.repeat(2 ** 28); s = s + 'y';", "MemoryLimitExceeded"),
                hostile("huge array", "let a = new Array(1e9).fill(0);", "MemoryLimitExceeded"),
                hostile("a typed array of 512 MiB", "let a = new Float64Array(2 ** 26);", "MemoryLimitExceeded"),
                // thrown values that fight being read
                hostile("looping Proxy", "throw new Proxy({}, { get: (t, k) => { while (true) {} } })", "Error"),
                hostile("Proxy with a backtracking trap", "throw new Proxy({}, { get: () => /^(a+)+\\1$/.test('a'.repeat(40) + 'b') })",
                        "TimeLimitExceeded"),
                hostile("throwing Proxy trap", "throw new Proxy({}, { get: (t, k) => { throw new Error('trap ' + String(k)); } })", "Error"),
                hostile("getters that throw", "throw { get name() { throw new Error('n'); }, get message() { throw new Error('m'); } }", "Error"),
                hostile("null", "throw null", "Error"),
                hostile("undefined", "throw undefined", "Error"),
                hostile("a symbol", "throw Symbol('s')", "Error"),
                hostile("deep recursion", "const f = (n) => f(n + 1) + 1; f(0);", "RangeError"));
    }

    static Arguments hostile(String name, String body, String type) {
        return Arguments.of(name, body, type);
    }

    static ScriptLimits limitsFor(String type) {
        return switch (type) {
            case "TimeLimitExceeded" -> SMALL.withBytes(Long.MAX_VALUE);
            case "MemoryLimitExceeded" -> SMALL.withTime(Duration.ofSeconds(20));
            default -> SMALL;
        };
    }

    ScriptRuntime load(String body, ScriptLimits limits) {
        String script = "on('hostile', (event, ctx) => {\n  ctx.log('before');\n  " + body + ";\n});\n"
                + "on('calm', (event, ctx) => { ctx.log('calm ' + event.id); });\n";
        return new ScriptRuntime(engine, new ReplayScript("hostile.js", script), limits, host, 3);
    }

    final ScriptHost host = new LoggingHost((cause, text) -> logs.add(cause.id() + ": " + text), () -> Instant.EPOCH);

    static Event event(String id, String type) {
        return new Event(1, id, type, null, null, null, null, null, null, null, "{}", null, "{}", null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aHostileHandlerFailsAloneAndQuicklyAndTheNextEventIsUnharmed(String name, String body, String type) {
        try (ScriptRuntime r = load(body, limitsFor(type))) {
            Optional<ScriptError> failed = r.invoke(r.handlers().get(0), event("h1", "hostile"));

            assertThat(failed).as(name).get().satisfies(e -> {
                assertThat(e.errorType()).as(e.describe()).isEqualTo(type);
                assertThat(e.file()).isEqualTo("hostile.js");
            });
            assertThat(r.invoke(r.handlers().get(1), event("c1", "calm"))).as("the next, innocent event").isEmpty();
            assertThat(logs).containsExactly("h1: before", "c1: calm c1");
        }
        // the JVM is healthy: a fresh script loads and runs
        try (ScriptRuntime again = load("1", SMALL)) {
            assertThat(again.invoke(again.handlers().get(1), event("c2", "calm"))).isEmpty();
        }
    }
}
