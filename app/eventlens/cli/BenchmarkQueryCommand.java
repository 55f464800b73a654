package eventlens.cli;

import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.query.EventQuery;
import eventlens.model.query.QueryParser;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens benchmark query PROJECT}: the query language's latency on a project (docs/benchmarks.md):
 * the count and the first page of 100 rows — what the filter bar asks — for a type, a correlation, a JSON
 * path, a regular expression, a rare word (scanned, then through the text index, whose build is timed and
 * sized), the causal walk of a 10,000-event flow it adds, and the example query. It changes the
 * project (the added flow, the text index): give it a copy.
 */
@Command(name = "query", description = "Measure query latency on a project (changes it: give a copy).")
final class BenchmarkQueryCommand implements Callable<Integer> {
    static final String ROOT = "bench-flow-root";
    static final int FLOW = 10_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "a copy of a project (it gets a flow and a text index)")
    Path project;

    @Option(names = "--samples", defaultValue = "5", paramLabel = "S", description = "timed runs of each query (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--word", paramLabel = "TEXT", description = "the rare word (default: the first event's aggregate id)")
    String word;

    @Option(names = "--query", paramLabel = "Q", description = "time only this query (repeatable); the project "
            + "is then left unchanged")
    java.util.List<String> only = java.util.List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = ProjectStore.open(Main.existingProject(project))) {
            if (!only.isEmpty()) {
                out.printf("EventLens query benchmark: %s, %,d events%n%n", project.getFileName(), store.eventCount());
                out.println("| query | matches | count p50 | first 100 rows p50 | max |");
                out.println("|---|---|---|---|---|");
                for (String q : only) {
                    time(out, store, q);
                }
                return 0;
            }
            if (store.event(ROOT).isEmpty()) {
                addFlow(store);
            }
            Event first = store.eventAt(store.positionSpan()[0]).orElseThrow();
            String rare = word != null ? word : first.aggregateId() != null ? first.aggregateId() : first.id();
            out.printf("EventLens query benchmark: %s, %,d events, %d cores, java %s%n%n", project.getFileName(),
                    store.eventCount(), Runtime.getRuntime().availableProcessors(), Runtime.version());
            out.println("| query | matches | count p50 | first 100 rows p50 | max |");
            out.println("|---|---|---|---|---|");
            time(out, store, "type:" + first.type());
            time(out, store, "corr:" + first.correlationId());
            time(out, store, "data.items[0].sku=SKU-1132");
            time(out, store, "data.customerId~^cust-08[0-9]7$");
            time(out, store, "\"" + rare + "\" (scan)", "\"" + rare + "\"");
            long size = size(project);
            long t = System.nanoTime();
            store.indexText(() -> false);
            long build = System.nanoTime() - t;
            out.printf("| build the text index | %,d events | %.1f s | file +%,d MB (%,d → %,d MB) | |%n",
                    store.eventCount(), build / 1e9, (size(project) - size) >> 20, size >> 20, size(project) >> 20);
            time(out, store, "\"" + rare + "\" (index)", "\"" + rare + "\"");
            time(out, store, "causedby:" + ROOT);
            time(out, store, "causes:" + ROOT + "-" + (FLOW - 1));
            time(out, store, "flow:" + ROOT);
            time(out, store, "type:payment.* AND is:failed after:-1d");
            time(out, store, "type:order.* AND NOT source:order-service");
        }
        return 0;
    }

    private void time(PrintWriter out, ProjectStore store, String query) throws Exception {
        time(out, store, query, query);
    }

    private void time(PrintWriter out, ProjectStore store, String label, String query) throws Exception {
        EventQuery q = QueryParser.parse(query);
        long[] matches = new long[1];
        Timings count = Timings.of(samples, () -> matches[0] = store.count(q));
        Timings page = Timings.of(samples, () -> store.page(q, 0, 100));
        out.printf("| `%s` | %,d | %.0f ms | %.0f ms | %.0f ms |%n", label.replace("|", "\\|"), matches[0],
                count.p50() / 1e6, page.p50() / 1e6, Math.max(count.max(), page.max()) / 1e6);
        out.flush();
    }

    /** A tree of {@value #FLOW} events, each caused by the one at half its index: depth 13, one correlation. */
    private static void addFlow(ProjectStore store) {
        Instant t0 = Instant.parse("2024-01-15T08:00:00Z");
        try (ImportWriter w = store.beginImport()) {
            w.startFile("benchmark-flow.jsonl", "json", null);
            for (int i = 0; i < FLOW; i++) {
                String id = i == 0 ? ROOT : ROOT + "-" + i;
                String cause = i == 0 ? null : i / 2 == 0 ? ROOT : ROOT + "-" + (i / 2);
                String raw = "{\"id\":\"" + id + "\",\"type\":\"bench.step\"}";
                w.add(new Event(0, id, "bench.step", "bench", t0.plusMillis(i), null, null, null, ROOT, cause, "{}", "{}",
                        raw, new Origin("benchmark-flow.jsonl", i + 1, "json")));
            }
            w.commit();
        }
    }

    private static long size(Path project) throws java.io.IOException {
        long total = 0;
        for (Path p : ProjectStore.files(project)) {
            total += Files.exists(p) ? Files.size(p) : 0;
        }
        return total;
    }

}
