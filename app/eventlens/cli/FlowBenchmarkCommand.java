package eventlens.cli;

import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.CollapsedFlow;
import eventlens.model.flow.FlowFilter;
import eventlens.model.flow.FlowLayout;
import eventlens.model.flow.FlowList;
import eventlens.model.flow.FlowLoader;
import eventlens.model.flow.FlowSort;
import eventlens.model.flow.FlowSummary;
import eventlens.model.flow.LayeredLayout;
import eventlens.model.flow.export.TreeText;
import eventlens.model.store.ProjectStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eventlens benchmark flow [--sizes 10000,100000] [--runs 5] [--project P]}: build and lay out
 * synthetic flows in memory (a saga-like tree with fan-out, bursts of repeated siblings and depth),
 * and, given a project, time the flow list and one flow load. Prints markdown tables; the figure to
 * watch is "build + collapse + layout" for 10,000 events (target ≤ 200 ms, docs/benchmarks.md).
 */
@Command(name = "flow", description = "Measure building and laying out flows, and the flow list of a project.")
final class FlowBenchmarkCommand implements Callable<Integer> {
    private static final String[] SOURCES = {"order-service", "payment-service", "inventory-service",
        "shipping-service", "email-service", "analytics-service", "fraud-service", "cart-service"};
    private static final String[] TYPES = {"order.verified", "payment.processed", "stock.reserved",
        "shipment.created", "email.sent", "analytics.recorded", "fraud.checked", "cart.updated"};

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", defaultValue = "10000,100000", split = ",", paramLabel = "N,N")
    int[] sizes;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "R", description = "timed runs per size (median reported) after 2 warm-ups")
    int runs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
    long seed;

    @Option(names = "--project", paramLabel = "PROJECT", description = "also time the flow list and a flow load of this project")
    Path project;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("EventLens flow benchmark: %d cores, max heap %d MB, java %s, median of %d runs%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.version(), runs);
        out.println("| events | depth | max fan-out | view nodes | build graph | collapse | layout | build + collapse + layout | first (cold) run | tree text |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int n : sizes) {
            List<Event> events = saga(n, new SplittableRandom(seed));
            long[][] t = new long[5][runs];
            CausalGraph g = null;
            CollapsedFlow view = null;
            long cold = 0;
            for (int r = -2; r < runs; r++) {
                long t0 = System.nanoTime();
                g = CausalGraph.build(events);
                long t1 = System.nanoTime();
                view = CollapsedFlow.of(g);
                long t2 = System.nanoTime();
                FlowLayout layout = new LayeredLayout().layout(view);
                long t3 = System.nanoTime();
                String text = TreeText.render(view);
                long t4 = System.nanoTime();
                if (r == -2) {
                    cold = t3 - t0;
                }
                if (r >= 0) {
                    t[0][r] = t1 - t0;
                    t[1][r] = t2 - t1;
                    t[2][r] = t3 - t2;
                    t[3][r] = t3 - t0;
                    t[4][r] = t4 - t3;
                }
                if (layout.placements().size() != view.size() || text.isEmpty()) {
                    throw new IllegalStateException("layout lost nodes");
                }
            }
            out.printf("| %,d | %d | %d | %,d | %s | %s | %s | **%s** | %s | %s |%n", n, g.stats().maxDepth(),
                    g.stats().maxFanOut(), view.size(), ms(t[0]), ms(t[1]), ms(t[2]), ms(t[3]),
                    ms(new long[] {cold}), ms(t[4]));
        }
        if (project != null) {
            projectFigures(out);
        }
        out.flush();
        return 0;
    }

    private void projectFigures(PrintWriter out) {
        try (ProjectStore store = ProjectStore.open(Main.existingProject(project)); FlowList list = new FlowList(store)) {
            out.printf("%n| project %s (%,d events) | time |%n|---|---|%n", project.getFileName(), store.eventCount());
            long t = System.nanoTime();
            list.rebuild(); // whether `eventlens import` built it already or not
            out.printf("| flow list: build the whole flows table | %.0f ms |%n", (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            long count = list.count(FlowFilter.ALL);
            out.printf("| flow list: count (%,d flows) | %.1f ms |%n", count, (System.nanoTime() - t) / 1e6);
            for (FlowSort sort : List.of(FlowSort.START, FlowSort.DURATION, FlowSort.ANOMALIES)) {
                t = System.nanoTime();
                List<FlowSummary> page = list.page(FlowFilter.ALL, sort, sort != FlowSort.START, count / 2, 50);
                out.printf("| flow list: page of 50 in the middle, by %s | %.1f ms |%n", sort.name().toLowerCase(),
                        (System.nanoTime() - t) / 1e6);
                if (sort == FlowSort.DURATION && !page.isEmpty()) {
                    FlowLoader loader = new FlowLoader(store);
                    t = System.nanoTime();
                    CausalGraph g = loader.byCorrelation(page.get(0).correlationId());
                    new LayeredLayout().layout(CollapsedFlow.of(g));
                    out.printf("| load + build + lay out one flow (%d events) | %.1f ms |%n", g.size(),
                            (System.nanoTime() - t) / 1e6);
                }
            }
            t = System.nanoTime();
            long failed = list.count(FlowFilter.ALL.failed());
            out.printf("| flow list: count flows with failures (%,d) | %.1f ms |%n", failed, (System.nanoTime() - t) / 1e6);
        }
    }

    private static String ms(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("%.1f ms", sorted[sorted.length / 2] / 1e6);
    }

    /**
     * A saga-like tree of {@code n} events: a root fans out to a few services; most events cause 0–3
     * effects, a few cause a burst of 50–500 identical {@code item.added} leaves; depth stays near 12.
     */
    static List<Event> saga(int n, SplittableRandom random) {
        List<Event> out = new ArrayList<>(n);
        Instant t0 = Instant.parse("2024-01-15T10:00:00Z");
        out.add(event(0, "order.created", SOURCES[0], t0, null));
        long[] micros = new long[n];
        int[] depth = new int[n];
        int next = 1;
        for (int parent = 0; next < n; parent = (parent + 1) % next) {
            int kids;
            if (parent == 0) {
                kids = 4;
            } else if (random.nextInt(40) == 0) {
                kids = 50 + random.nextInt(450);
            } else {
                kids = depth[parent] >= 12 ? 0 : random.nextInt(4);
            }
            boolean burst = kids >= 50;
            for (int k = 0; k < kids && next < n; k++, next++) {
                int s = random.nextInt(SOURCES.length);
                micros[next] = micros[parent] + 200 + random.nextInt(burst ? 2_000 : 400_000);
                depth[next] = depth[parent] + 1;
                out.add(event(next, burst ? "item.added" : TYPES[s], SOURCES[s], t0.plusNanos(micros[next] * 1000),
                        "e" + parent));
            }
        }
        return out;
    }

    private static Event event(int i, String type, String source, Instant time, String cause) {
        return new Event(i + 1, "e" + i, type, source, time, null, null, null, "e0", cause, "{}", null, "{}", null);
    }
}
