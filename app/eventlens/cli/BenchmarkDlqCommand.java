package eventlens.cli;

import eventlens.app.work.ScriptEngines;
import eventlens.model.DeadLetter;
import eventlens.model.Origin;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterGroup;
import eventlens.model.deadletter.DeadLetterContexts;
import eventlens.model.deadletter.DeadLetterGroups;
import eventlens.model.state.StateAt;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import eventlens.replay.deadletter.DryRetry;
import eventlens.replay.deadletter.DryRunTally;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptLimits;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens benchmark dlq --dead-letters N}: stores N synthetic dead letters of a few dozen
 * failure shapes (messages differing by ids and numbers) and times grouping them, the error-text filter (a
 * common text without digits and one with, a rare one, a two-letter one) and a dry run of the largest group.
 * Prints markdown tables.
 */
@Command(name = "dlq", description = "Measure grouping of many dead letters by fingerprint.")
final class BenchmarkDlqCommand implements Callable<Integer> {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[][] SHAPES = {
        {"PaymentGatewayTimeout", "gateway did not answer within %d ms for order order-%d", "at chargeCard (payment-handler.js:42:11)"},
        {"ProviderRateLimited", "SMS provider answered 429, retry after %d s (message msg-%d)", "at sendSms (notification-handler.js:33:9)"},
        {"TypeError", "Cannot read properties of undefined (reading 'items') at index %d of batch %d", "at recordOrder (analytics.js:12:5)"},
        {"java.sql.SQLTransientConnectionException", "pool exhausted after %d ms, %d waiting", "at com.example.orders.OrderRepository.save(OrderRepository.java:88)"},
        {"com.example.stock.OutOfStock", "sku SKU-%d short by %d units", "at com.example.stock.Reserver.reserve(Reserver.java:57)"},
        {"System.InvalidOperationException", "Customer %d has no payment method (attempt %d)", "at Billing.ChargeCustomerHandler.Handle() in H.cs:line 31"},
    };
    private static final int SITES = 6;
    private static final String[] HANDLERS = {"payment-service", "notification-service", "analytics-service", "order-service",
        "stock-service", "billing"};

    @Spec
    CommandSpec spec;

    @Option(names = "--dead-letters", defaultValue = "1000000", paramLabel = "N", description = "dead letters to store (default ${DEFAULT-VALUE})")
    int deadLetters;

    @Option(names = "--samples", defaultValue = "5", paramLabel = "S", description = "timed runs of each query (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--work", defaultValue = "target/benchmark", paramLabel = "DIR")
    Path work;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(work);
        Path project = work.resolve("dlq-" + deadLetters + ".eventlens");
        ProjectStore.delete(project);
        out.printf("EventLens dead-letter benchmark: %,d dead letters of %d failure shapes, %d cores, java %s%n%n",
                deadLetters, SHAPES.length * SITES, Runtime.getRuntime().availableProcessors(), Runtime.version());
        out.println("| step | samples | mean | p50 | max |");
        out.println("|---|---|---|---|---|");
        try (ProjectStore store = ProjectStore.open(project)) {
            long t = System.nanoTime();
            fill(store);
            row(out, "store the dead letters (ImportWriter.add, one transaction)", Timings.once(System.nanoTime() - t));
            try (DeadLetterGroups groups = new DeadLetterGroups(store)) {
                List<DeadLetterGroup> all = groups.all(DeadLetterFilter.ALL);
                out.printf("| (%d groups; largest %,d) | | | | |%n", all.size(), all.get(0).count());
                row(out, "all groups, no filter", time(() -> groups.all(DeadLetterFilter.ALL)));
                row(out, "first page of 50 groups", time(() -> groups.page(DeadLetterFilter.ALL, 0, 50)));
                DeadLetterFilter handler = new DeadLetterFilter(null, "billing", null, null, null, null, null);
                row(out, "groups of one handler", time(() -> groups.all(handler)));
                DeadLetterFilter text = new DeadLetterFilter(null, null, null, "pool exhausted", null, null, null);
                out.printf("| (\"pool exhausted\": %,d dead letters) | | | | |%n", groups.entryCount(text));
                row(out, "groups whose error contains a text without digits (the wordings)", time(() -> groups.all(text)));
                DeadLetterFilter digits = new DeadLetterFilter(null, null, null, "answered 429", null, null, null);
                out.printf("| (\"answered 429\": %,d dead letters) | | | | |%n", groups.entryCount(digits));
                row(out, "groups whose error contains a text with digits (the values of the wordings' digit runs)", time(() -> groups.all(digits)));
                DeadLetterFilter rare = new DeadLetterFilter(null, null, null, "SKU-4242", null, null, null);
                out.printf("| (\"SKU-4242\": %,d dead letters) | | | | |%n", groups.entryCount(rare));
                row(out, "groups whose error contains a rare text with digits (too many SKUs to keep: trigram index)", time(() -> groups.all(rare)));
                DeadLetterFilter shortText = new DeadLetterFilter(null, null, null, "ms", null, null, null);
                row(out, "groups whose error contains a 2-letter text (the wordings)", time(() -> groups.all(shortText)));
                DeadLetterFilter textInGroup = text.withFingerprint(groups.all(text).get(0).fingerprint());
                row(out, "first 100 entries of a group under the text", time(() -> groups.entries(textInGroup, 0, 100)));
                DeadLetterFilter one = DeadLetterFilter.ALL.withFingerprint(all.get(all.size() / 2).fingerprint());
                row(out, "first 100 entries of one group", time(() -> groups.entries(one, 0, 100)));
                row(out, "count the entries of one group", time(() -> groups.entryCount(one)));
                out.println();
                dryRun(out, store, groups, DeadLetterFilter.ALL.withFingerprint(all.get(0).fingerprint()));
            }
        }
        // after closing: the log is checkpointed into the file
        out.printf("%nProject file: %,d bytes (%,d dead letters)%n", size(project), deadLetters);
        out.flush();
        return 0;
    }

    /**
     * A dry run of the largest group through a handler that returns at once: entries streamed a page at a
     * time, so the peak heap stays that of a page however large the group.
     */
    private static void dryRun(PrintWriter out, ProjectStore store, DeadLetterGroups groups, DeadLetterFilter group) {
        ReplayScript script = new ReplayScript("accept-all.js", "on('#', (event, ctx) => {});");
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        try (ScriptEngine engine = ScriptEngines.start();
             DryRetry retry = new DryRetry(new DeadLetterContexts(store), new StateAt(store), engine, script,
                     ScriptLimits.DEFAULT, 0)) {
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long t = System.nanoTime();
            DryRunTally tally = retry.retryEach(groups, group, e -> { });
            double seconds = (System.nanoTime() - t) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            out.println("| dry run of the largest group | entries | s | entries/s | peak heap |");
            out.println("|---|---|---|---|---|");
            out.printf("| %s | %,d | %.2f | %,.0f | %,d MB |%n", tally.summary(), tally.total(), seconds,
                    tally.total() / seconds, peak >> 20);
        }
        out.flush();
    }

    private static long size(Path project) {
        try {
            Path wal = Path.of(project + "-wal");
            return Files.size(project) + (Files.exists(wal) ? Files.size(wal) : 0);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private void fill(ProjectStore store) {
        SplittableRandom random = new SplittableRandom(seed);
        try (ImportWriter w = store.beginImport()) {
            w.startFile("synthetic-dead-letters", "benchmark", null);
            for (int i = 1; i <= deadLetters; i++) {
                int shape = random.nextInt(SHAPES.length);
                String[] s = SHAPES[shape];
                String handler = HANDLERS[(shape + random.nextInt(2)) % HANDLERS.length] + ".handle" + random.nextInt(6);
                Instant at = T0.plusMillis(i * 1000L + random.nextInt(1000));
                String message = String.format(s[1], random.nextInt(100_000), random.nextInt(1_000_000));
                // six call sites per error make 36 failure shapes; ids and numbers vary within each
                String stack = s[0] + ": " + message + "\n    " + s[2].replace("(", "Step" + (char) ('A' + random.nextInt(SITES)) + " (")
                        + "\n    at java.base/java.lang.Thread.run(Thread.java:1583)";
                String event = "{\"id\":\"evt-" + i + "\",\"type\":\"order.step" + shape + "\"}";
                w.add(new DeadLetter(0, "evt-" + i, event, handler, "queue-" + (shape % 3), null, s[0], message, stack,
                        1 + random.nextInt(5), at, at, null, event, new Origin("synthetic-dead-letters", i, "benchmark")));
            }
            w.commit();
        }
        // As `eventlens import` leaves a project: with the indexes a bulk load builds after it opens (decision 0067).
        store.buildIndexes();
    }

    private Timings time(Supplier<?> query) {
        query.get(); // warm up
        return Timings.of(samples, query::get);
    }

    private static void row(PrintWriter out, String step, Timings t) {
        out.printf("| %s | %d | %s | %s | %s |%n", step, t.samples(), ms(t.mean()), ms(t.p50()), ms(t.max()));
        out.flush();
    }

    private static String ms(double ns) {
        double ms = ns / 1e6;
        return ms >= 1000 ? String.format("%.2f s", ms / 1000) : String.format("%.1f ms", ms);
    }
}
