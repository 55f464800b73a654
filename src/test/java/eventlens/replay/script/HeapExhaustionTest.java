package eventlens.replay.script;

import eventlens.testing.LoggingHost;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.ScriptEngines;
import eventlens.model.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A script that exhausts the JVM's heap before the watchdog sees it (one allocation larger than the
 * heap) is reported as a memory failure of its own call — not as {@code StatementLimitExceeded: Java heap
 * space} (issue 11, reliability 4) — and the JVM and the script keep working. The engine gives no location
 * for a heap exhausted in one allocation, so the error names the file only. Runs in a
 * JVM of its own with a small heap, so that running out of it disturbs nothing else.
 */
class HeapExhaustionTest {

    @Test
    void aHeapExhaustedByAScriptIsAMemoryFailureAndTheJvmGoesOn() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-XX:+IgnoreUnrecognizedVMOptions",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the probe finishes").isTrue();
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("probe: ")).toList();

        assertThat(p.exitValue()).as(String.join("\n", out)).isZero();
        assertThat(out).containsExactly(
                "probe: heap.js: MemoryLimitExceeded: memory limit exceeded: the JVM ran out of heap (Java heap space)",
                "probe: next call ok, log [before, after]",
                "probe: 64 MiB allocated after");
    }

    /** Runs in the small JVM: one handler asks for 1 GiB at once, the next call must still work. */
    static final class Probe {
        public static void main(String[] args) {
            List<String> log = new ArrayList<>();
            ScriptHost host = new LoggingHost((cause, text) -> log.add(text), () -> Instant.EPOCH);
            // the watchdog's own limit out of the way: the JVM's heap is the one that bites
            ScriptLimits limits = new ScriptLimits(1_000_000, Duration.ofSeconds(30), Long.MAX_VALUE);
            String script = "on('bomb', (e, ctx) => { ctx.log('before');\n  const a = new Float64Array(2 ** 27); ctx.log(a.length); });\n"
                    + "on('calm', (e, ctx) => ctx.log('after'));\n";
            try (ScriptEngine engine = ScriptEngines.start();
                 ScriptRuntime r = new ScriptRuntime(engine, new ReplayScript("heap.js", script), limits, host, 0)) {
                Event e = new Event(1, "e1", "bomb", null, null, null, null, null, null, null, "{}", null, "{}", null);
                System.out.println("probe: " + r.invoke(r.handlers().get(0), e).map(ScriptError::describe).orElse("no error"));
                System.out.println("probe: " + r.invoke(r.handlers().get(1), e).map(ScriptError::describe)
                        .orElse("next call ok, log " + log));
            }
            byte[] after = new byte[64 << 20];
            System.out.println("probe: " + (after.length >> 20) + " MiB allocated after");
        }
    }
}
