package eventlens.cli;

import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.state.AggregateList;
import eventlens.model.state.Reducers;
import eventlens.model.state.Snapshots;
import eventlens.model.state.StateAt;
import eventlens.model.store.AggregateStore;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eventlens benchmark state --events N}: state of one aggregate with N events at random moments,
 * with and without snapshots (design target: ≤ 20 ms with them at 100,000 events). Prints a markdown table.
 */
@Command(name = "state", description = "Measure the state of a long aggregate at random moments, with and without snapshots.")
final class BenchmarkStateCommand implements Callable<Integer> {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "100000", paramLabel = "N", description = "events of the aggregate (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--samples", defaultValue = "100", paramLabel = "S", description = "random moments with snapshots (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--samples-without", defaultValue = "10", paramLabel = "S", description = "random moments without snapshots (default ${DEFAULT-VALUE}; each folds the whole history)")
    int samplesWithout;

    @Option(names = "--work", defaultValue = "target/benchmark", paramLabel = "DIR")
    Path work;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(work);
        Path project = work.resolve("state-" + events + ".eventlens");
        ProjectStore.delete(project);
        out.printf("EventLens state benchmark: one aggregate of %,d events, %d cores, java %s%n%n", events,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        out.println("| step | samples | mean | p50 | p99 | max |");
        out.println("|---|---|---|---|---|---|");
        try (ProjectStore store = ProjectStore.open(project)) {
            long t = System.nanoTime();
            fill(store);
            row(out, "import the aggregate (+ 1,000 others of 5 events)", Timings.once(System.nanoTime() - t));

            AggregateStore aggregates = new AggregateStore(store);
            StateAt with = new StateAt(aggregates, Reducers.standard());
            t = System.nanoTime();
            with.atVersion("acc-big", 1);
            row(out, "first request: builds " + aggregates.snapshotCount("acc-big") + " snapshots", Timings.once(System.nanoTime() - t));

            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < 20; i++) { // warm up
                with.atVersion("acc-big", 1 + random.nextInt(events));
            }
            row(out, "state at a random version, with snapshots", Timings.of(samples, () -> with.atVersion("acc-big", 1 + random.nextInt(events))));
            row(out, "state at a random time, with snapshots", Timings.of(samples, () -> with.atTime("acc-big", moment(random))));
            row(out, "latest state, with snapshots", Timings.of(samples, () -> with.latest("acc-big")));

            StateAt without = new StateAt(aggregates, Reducers.standard(), Snapshots.disabled(aggregates));
            row(out, "state at a random time, without snapshots", Timings.of(samplesWithout, () -> without.atTime("acc-big", moment(random))));

            AggregateList list = new AggregateList(with);
            row(out, "aggregate list, first page of 50", Timings.of(samples, () -> list.page(null, null, null, 50)));
            row(out, "system view: 50 aggregates at a time", Timings.of(samples / 10 + 1, () -> list.statesAt(null, null, moment(random), null, 50)));
        }
        out.flush();
        return 0;
    }

    private Instant moment(SplittableRandom random) {
        return T0.plusMillis((long) (random.nextDouble() * events * 60_000));
    }

    /** One aggregate of {@code events} events a minute apart, and 1,000 small ones around it. */
    private void fill(ProjectStore store) {
        try (ImportWriter w = store.beginImport()) {
            w.startFile("synthetic", "json", null);
            long balance = 0;
            for (int i = 1; i <= events; i++) {
                long amount = (i * 7919L) % 500;
                balance += i % 3 == 0 ? -amount : amount;
                String data = "{\"balance\":" + balance + ",\"amount\":" + amount + ",\"reference\":\"ref-" + i
                        + "\",\"counters\":{\"c" + (i % 10) + "\":" + i + "}}";
                w.add(event("big-" + i, "acc-big", i, T0.plusSeconds(60L * i), data));
                if (i % (Math.max(events / 1000, 1)) == 0 && i / Math.max(events / 1000, 1) <= 1000) {
                    String small = "acc-" + (i / Math.max(events / 1000, 1));
                    for (int v = 1; v <= 5; v++) {
                        w.add(event(small + "-" + v, small, v, T0.plusSeconds(60L * i + v), "{\"balance\":" + v + "}"));
                    }
                }
            }
            w.commit();
        }
        // As `eventlens import` leaves a project: with the indexes a bulk load builds after it opens (decision 0067).
        store.buildIndexes();
    }

    private static Event event(String id, String aggregate, long version, Instant time, String data) {
        return new Event(0, id, version == 1 ? "AccountOpened" : "MoneyMoved", "bench", time, "BankAccount", aggregate,
                version, null, null, data, null, data, new Origin("synthetic", version, "json"));
    }

    private static void row(PrintWriter out, String step, Timings t) {
        out.printf("| %s | %d | %s | %s | %s | %s |%n", step, t.samples(), ms(t.mean()), ms(t.p50()), ms(t.p99()),
                ms(t.max()));
        out.flush();
    }

    private static String ms(double ns) {
        double ms = ns / 1e6;
        return ms >= 100 ? String.format("%,.0f ms", ms) : String.format("%.2f ms", ms);
    }
}
