package eventlens.cli;

import eventlens.app.replay.SampleScripts;
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
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
 * sample order pipeline, on a synthetic log (design target: ≥ 500,000 events/s for the trivial handler),
 * with the peak heap of each case, and what a step back costs at several positions (decision 0054). Logs of more than
 * half the heap's worth of events ({@link #BYTES_PER_EVENT_IN_MEMORY} each) are replayed from the project
 * store only (a million events do not fit a 1 GB heap as objects). Prints markdown tables; the first rows of each case are warm-up rounds.
 */
@Command(name = "replay", description = "Measure replay throughput through JavaScript handlers.")
final class BenchmarkReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "1000000", paramLabel = "N", description = "synthetic log lines (default ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "R", description = "timed rounds per case (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--pipeline", paramLabel = "FILE",
            description = "the pipeline script (default: the bundled " + PIPELINE + ", wherever the command runs)")
    Path pipeline;

    /** The example pipeline bundled in the jar (samples/scripts/ in the sources). */
    static final String PIPELINE = "order-pipeline.js";

    @Option(names = "--pipeline-events", defaultValue = "100000", paramLabel = "N",
            description = "the first N events go through the pipeline script (default ${DEFAULT-VALUE}; it republishes the saga)")
    int pipelineEvents;

    @Option(names = "--work", defaultValue = "target/benchmark", paramLabel = "DIR")
    Path work;

    @Option(names = "--project", paramLabel = "PROJECT", description = "replay this project instead of generating one")
    Path given;

    /** The largest slice replayed by the handler that reads every aggregate's state (850 MB of heap at 1M). */
    static final long READS_STATE_LIMIT = 2_000_000;

    /** About what one event of the synthetic log takes as objects, raw text included. */
    static final long BYTES_PER_EVENT_IN_MEMORY = 2048;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(work);
        Path log = work.resolve("replay-" + events + ".jsonl");
        Path project = given != null ? given : work.resolve("replay-" + events + ".eventlens");
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
        ReplayScript readsState = new ReplayScript("reads-state.js",
                "let n = 0; on('#', (e, ctx) => { if (e.aggregateId && ctx.state(e.aggregateId)) n++; });");
        ReplayScript pipe = pipeline(pipeline);
        out.printf("EventLens replay benchmark: %s, %d cores, java %s, max heap %,d MB%n%n", project,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        out.println("| case | events delivered | published | seconds | events/s | peak heap |");
        out.println("|---|---|---|---|---|---|");
        try (ScriptEngine engine = ScriptEngines.start(); ProjectStore store = ProjectStore.open(project)) {
            EventSource fromStore = EventSource.of(store, EventQuery.ALL);
            for (int r = 0; r < rounds; r++) {
                row(out, "trivial handler `on('#', e => {})`, events paged from the project", engine, fromStore,
                        ReplaySettings.of(trivial, ReplayMode.ALL));
            }
            if (store.eventCount() <= READS_STATE_LIMIT) {
                row(out, "handler reading `ctx.state` of every event's aggregate, paged from the project", engine, fromStore,
                        ReplaySettings.of(readsState, ReplayMode.ALL));
            } else {
                out.printf("(the handler reading every aggregate's state skipped above %,d events: it holds every state it reads)%n",
                        READS_STATE_LIMIT);
            }
            if (store.eventCount() * BYTES_PER_EVENT_IN_MEMORY < Runtime.getRuntime().maxMemory() / 2) {
                inMemory(out, engine, store, trivial, readsData, pipe);
            } else {
                out.printf("(cases with the events in memory skipped: %,d events do not fit half of a %,d MB heap)%n",
                        store.eventCount(), Runtime.getRuntime().maxMemory() >> 20);
            }
            out.println();
            stepBacks(out, engine, fromStore, ReplaySettings.of(trivial, ReplayMode.ALL), store.eventCount());
        }
        out.flush();
        return 0;
    }

    /** The script at {@code file}, or the bundled pipeline when none is named. */
    static ReplayScript pipeline(Path file) {
        if (file != null) {
            return ReplayCommand.read(file);
        }
        return SampleScripts.read(PIPELINE).map(text -> new ReplayScript(PIPELINE, text))
                .orElseThrow(() -> new CommandFailure("this build has no bundled " + PIPELINE + ": name a script with --pipeline"));
    }

    private void inMemory(PrintWriter out, ScriptEngine engine, ProjectStore store, ReplayScript trivial,
            ReplayScript readsData, ReplayScript pipe) {
        List<Event> slice = EventSource.of(store, EventQuery.ALL).all();
        EventSource memory = EventSource.of(slice);
        for (int r = 0; r < rounds; r++) {
            row(out, "trivial handler, events in memory", engine, memory, ReplaySettings.of(trivial, ReplayMode.ALL));
        }
        for (int r = 0; r < rounds; r++) {
            row(out, "handler reading `e.data.total` of order.created, in memory", engine, memory, ReplaySettings.of(readsData, ReplayMode.ALL));
        }
        EventSource head = EventSource.of(slice.subList(0, Math.min(pipelineEvents, slice.size())));
        for (int r = 0; r < rounds; r++) {
            row(out, "order-pipeline.js, mode all (recorded + republished), first " + pipelineEvents, engine, head, ReplaySettings.of(pipe, ReplayMode.ALL));
        }
        for (int r = 0; r < rounds; r++) {
            row(out, "order-pipeline.js, mode roots, first " + pipelineEvents, engine, head, ReplaySettings.of(pipe, ReplayMode.ROOTS));
        }
    }

    /**
     * A step back among the kept steps moves a cursor and folds the next event's state again (what the Replay view
     * shows); further back than the kept steps the run is rebuilt from the start (decision 0054).
     */
    private static void stepBacks(PrintWriter out, ScriptEngine engine, EventSource source, ReplaySettings settings, long count) {
        out.println("| step back at step | one step back + the next event's state | the other " + String.format("%,d", ReplaySession.KEPT_DELIVERIES - 2)
                + " kept steps back, each | one more: past the kept steps (a re-run) |");
        out.println("|---|---|---|---|");
        for (long at : new long[] {10, 1_000, 100_000, 1_000_000, 9_000_000}) {
            if (at > count) {
                break;
            }
            try (ReplaySession session = new ReplaySession(engine, source, settings, Runnable::run, Pacer.none())) {
                while (session.position() < at && session.step().isPresent()) {
                    // forward to the position
                }
                long t = System.nanoTime();
                session.stepBack();
                session.next().filter(e -> e.aggregateId() != null).ifPresent(e -> session.state(e.aggregateId()));
                double one = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                int back = 0;
                for (; back < ReplaySession.KEPT_DELIVERIES - 2 && session.position() > 0; back++) {
                    session.stepBack();
                }
                double each = back == 0 ? 0 : (System.nanoTime() - t) / 1e9 / back;
                String rerun = "—";
                if (session.position() > 0 && at <= 1_000_000) {
                    t = System.nanoTime();
                    session.stepBack();
                    rerun = String.format("%.3f s", (System.nanoTime() - t) / 1e9);
                } else if (session.position() > 0) {
                    rerun = "not timed (as long as the replay to it)";
                }
                out.printf("| %,d | %.4f s | %.1f µs | %s |%n", at, one, each * 1e6, rerun);
                out.flush();
            }
        }
    }

    private static void row(PrintWriter out, String name, ScriptEngine engine, EventSource source, ReplaySettings settings) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t = System.nanoTime();
        RunSummary s;
        try (ReplaySession session = new ReplaySession(engine, source, settings, Runnable::run, Pacer.none())) {
            session.runToEnd();
            s = session.summary();
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        out.printf("| %s | %,d | %,d | %.2f | %,.0f | %,d MB |%n", name, s.delivered(), s.published(), seconds,
                s.delivered() / seconds, peak >> 20);
        out.flush();
    }
}
