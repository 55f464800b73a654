package eventlens.replay;

import eventlens.model.store.ProjectStore;
import eventlens.replay.script.Sandbox;
import java.nio.file.Path;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir
    Path dir;

    @Test
    void smoke() {
        Path p = SampleProject.orders(dir);
        try (Engine engine = Sandbox.engine(); ProjectStore store = ProjectStore.open(p)) {
            for (String s : new String[] {"order-pipeline.js", "analytics.js", "flaky-payment.js", "runaway.js", "escape.js"}) {
                for (ReplayMode m : ReplayMode.values()) {
                    try (ReplaySession session = ReplaySession.open(store, engine,
                            ReplaySettings.of(SampleProject.script(s), m), Runnable::run, Pacer.none())) {
                        session.runToEnd();
                        System.out.println(s + " " + m + " " + session.summary());
                        var o = session.outputs();
                        o.deadLetters().stream().limit(3).forEach(d -> System.out.println("  DL " + d.handler() + " " + d.error().describe() + "\n     " + d.error().stack().replace("\n", "\n     ")));
                        o.logs().stream().limit(8).forEach(l -> System.out.println("  LOG " + l.handler() + " " + l.text()));
                        o.divergences().stream().limit(5).forEach(d -> System.out.println("  DIV " + d));
                    }
                }
            }
        }
    }
}
