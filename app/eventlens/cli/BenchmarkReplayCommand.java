package eventlens.cli;

import eventlens.app.work.ScriptEngines;
import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.sample.SampleLog;
import eventlens.model.store.ProjectStore;
import eventlens.replay.EventSource;
import eventlens.replay.Pacer;
import eventlens.replay.ReplayMode;
import eventlens.replay.ReplaySession;
import eventlens.replay.ReplaySettings;
import eventlens.replay.RunSummary;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens benchmark replay --events N}: events/s through a trivial handler and through the
 * sample order pipeline, on a synthetic log (design target: ≥ 500,000 events/s for the trivial handler).
 * Prints a markdown table; the first rows are warm-up rounds.
 */
@Command(name = "replay", description = "Measure replay throughput through JavaScript handlers.")
final class BenchmarkReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "1000000", paramLabel = "N", description = "synthetic log lines (default ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "R", description = "timed rounds per case (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--pipeline", paramLabel = "FILE", defaultValue = "samples/scripts/order-pipeline.js",
            description = "the pipeline script (default ${DEFAULT-VALUE})")
    Path pipeline;

    @Option(names = "--pipeline-events", defaultValue = "100000", paramLabel = "N",
            description = "the first N events go through the pipeline script (default ${DEFAULT-VALUE}; it republishes the saga)")
    int pipelineEvents;

    @Option(names = "--work", defaultValue = "target/benchmark", paramLabel = "DIR")
    Path work;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(work);
        Path log = work.resolve("replay-" + events + ".jsonl");
        Path project = work.resolve("replay-" + events + ".eventlens");
        if (!Files.exists(project)) {
            try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                new SampleLog(1).write(w, events);
            }
            int code = Main.run(new String[] {"import", project.toString(), log.toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            if (code != 0) {
                throw new CommandFailure("cannot import the synthetic log into " + project);
            }
        }
        ReplayScript trivial = new ReplayScript("trivial.js", "on('#', (e) => {});");
        ReplayScript readsData = new ReplayScript("reads-data.js", "let n = 0; on('order.created', (e) => { n += e.data.total; });");
        ReplayScript pipe = new ReplayScript(pipeline.getFileName().toString(), Files.readString(pipeline));
        out.printf("EventLens replay benchmark: %,d log lines, %d cores, java %s%n%n", events,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        out.println("| case | events delivered | published | seconds | events/s |");
        out.println("|---|---|---|---|---|");
        try (ScriptEngine engine = ScriptEngines.start(); ProjectStore store = ProjectStore.open(project)) {
            List<Event> slice = EventSource.of(store, EventQuery.ALL).all();
            EventSource memory = EventSource.of(slice);
            for (int r = 0; r < rounds; r++) {
                row(out, "trivial handler `on('#', e => {})`, events in memory", engine, memory, ReplaySettings.of(trivial, ReplayMode.ALL));
            }
            for (int r = 0; r < rounds; r++) {
                row(out, "handler reading `e.data.total` of order.created, in memory", engine, memory, ReplaySettings.of(readsData, ReplayMode.ALL));
            }
            row(out, "trivial handler, read from the project store", engine, EventSource.of(store, EventQuery.ALL), ReplaySettings.of(trivial, ReplayMode.ALL));
            EventSource head = EventSource.of(slice.subList(0, Math.min(pipelineEvents, slice.size())));
            for (int r = 0; r < rounds; r++) {
                row(out, "order-pipeline.js, mode all (recorded + republished), first " + pipelineEvents, engine, head, ReplaySettings.of(pipe, ReplayMode.ALL));
            }
            for (int r = 0; r < rounds; r++) {
                row(out, "order-pipeline.js, mode roots, first " + pipelineEvents, engine, head, ReplaySettings.of(pipe, ReplayMode.ROOTS));
            }
        }
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, String name, ScriptEngine engine, EventSource source, ReplaySettings settings) {
        long t = System.nanoTime();
        RunSummary s;
        try (ReplaySession session = new ReplaySession(engine, source, settings, Runnable::run, Pacer.none())) {
            session.runToEnd();
            s = session.summary();
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        out.printf("| %s | %,d | %,d | %.2f | %,.0f |%n", name, s.delivered(), s.published(), seconds, s.delivered() / seconds);
        out.flush();
    }
}
