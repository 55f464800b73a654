package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.app.imports.LogImporter;
import eventlens.app.work.RealTimePacer;
import eventlens.app.work.SameThreadWork;
import eventlens.app.work.SharedScriptEngine;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptWatchdog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window builds one script engine, shares it between replay and dry-run retries, and closes it at exit. */
class ScriptEngineLifetimeTest {
    @TempDir
    Path dir;

    @Test
    void replayAndDryRunsShareOneEngineThatIsBuiltOnFirstUseAndClosedAtExit() {
        List<ScriptEngine> built = new ArrayList<>();
        AtomicInteger closed = new AtomicInteger();
        SharedScriptEngine scripts = new SharedScriptEngine(() -> {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            ScriptEngine engine = new ScriptEngine(new ScriptWatchdog(scheduler, System::nanoTime), () -> {
                scheduler.shutdownNow();
                closed.incrementAndGet();
            });
            built.add(engine);
            return engine;
        });
        MainViewModel main = new MainViewModel(new SameThreadWork(), LogImporter.standard(), RecentProjects.inMemory(),
                Clock.systemUTC(), new RealTimePacer(), scripts);
        main.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));
        assertThat(built).as("nothing built before a script runs").isEmpty();

        var deadLetters = main.deadLetters();
        deadLetters.selectGroup(deadLetters.groups().get(0));
        deadLetters.dryRunGroup();
        deadLetters.dryRunGroup();
        assertThat(main.deadLetters().dryRun().summaryProperty().get()).contains("would now succeed");
        main.replay().script().openExample("order-pipeline.js");
        main.replay().load();
        main.replay().runToEnd();
        assertThat(main.replay().output().deliveredCountProperty().get()).isPositive();
        assertThat(built).as("two dry runs and a replay, one engine").hasSize(1);
        assertThat(closed).hasValue(0);

        main.close();
        assertThat(closed).as("closed at exit").hasValue(1);
        assertThatThrownBy(scripts::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
