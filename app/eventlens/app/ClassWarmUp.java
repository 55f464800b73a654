package eventlens.app;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.app.work.FxBackgroundWork;
import eventlens.model.Json;
import eventlens.model.state.JsonDiff;
import eventlens.model.store.ProjectStore;
import org.graphstream.ui.graphicGraph.GraphicGraph;

/**
 * Loads and initialises, on a background thread as the window opens, what the first project's opening
 * would otherwise wait for (SQLite's native library and the workers' priority calls: 0.4 s of the first
 * page on the 10M benchmark, decision 0061; with those calls, it lowers the JIT's threads to the workers' priority,
 * decision 0086), and the libraries whose first use would otherwise fall on the
 * FX thread: Jackson (the event detail pane's first pretty-printed event took 0.4–0.9 s of class loading
 * there, on a project opened without an import; a replay step's state diff and compact values, the first
 * Step's frame), the query language's parser (the first filter) and GraphStream's graph model and stylesheet parser (the
 * first flow's graph), and GraalJS (the first replay's engine, context and realm: 1.5-3.5 s of its Load).
 * Only time is at stake: a failure here is ignored, and whatever caused it fails
 * again, reported, where the library is used.
 */
final class ClassWarmUp {
    /** A query with a term of most kinds, parsed once ahead of the first filter. */
    static final String QUERY = "type:a.* AND NOT source:b after:-1d corr:c causedby:d data.e=1 \"text\" schema:T@2 "
            + "is:failed";

    private ClassWarmUp() {
    }

    /** Starts the warm-up on a low-priority daemon thread and returns at once. */
    static void start() {
        Thread t = new Thread(ClassWarmUp::run, "eventlens-class-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void run() {
        try {
            FxBackgroundWork.prepareWorkers();
            FxBackgroundWork.lowerCompilerThreads();
            ProjectStore.loadNativeLibraries();
            Json.pretty("{\"warm\":[1,2.5,{\"up\":true,\"at\":null}],\"text\":\"é\"}");
            // A replay step's state: its diff, and its values written compactly (Jackson's node writer,
            // introspected on first use: most of the first Step's 70-130 ms frame, 2026-12-02).
            JsonNode before = Json.parseOrMissing("{\"a\":1,\"b\":[1,2],\"c\":{\"d\":\"x\"}}");
            JsonNode after = Json.parseOrMissing("{\"a\":2,\"b\":[1],\"e\":true}");
            JsonDiff.diff(before, after);
            before.path("c").path("d").toString();
            after.path("b").toString();
            // The query language: its first parse, on the FX thread at the first filter, took 17 ms of class loading
            // and initialising on an idle machine, 50 ms and more while the JIT held the other core (2026-12-03).
            eventlens.model.query.QueryParser.parse(QUERY);
            GraphicGraph g = new GraphicGraph("warm-up");
            g.setAttribute("ui.stylesheet", "graph { fill-color: #ffffff; } node { fill-color: #dbeafe; "
                    + "stroke-mode: plain; stroke-color: #3b82f6; size: 12px; text-size: 11; } node.failed { "
                    + "fill-color: #ffebe9; } edge { fill-color: #8c959f; arrow-size: 6px, 4px; }");
            g.addNode("a").setAttribute("ui.class", "failed");
            g.addNode("b").setAttribute("xyz", 1, 2, 0);
            g.addEdge("ab", "a", "b", true);
            // Last and below the window's priority: GraalJS, for the first replay's Load (1.5-3.5 s of it).
            FxBackgroundWork.lowerThisThread();
            eventlens.replay.script.Sandbox.warmUp();
        } catch (RuntimeException | LinkageError | eventlens.model.query.QueryException ignored) {
            // Only time is lost; see the class comment.
        }
    }
}
