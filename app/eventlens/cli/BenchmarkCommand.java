package eventlens.cli;

import com.fasterxml.jackson.core.JsonParser;
import eventlens.cli.bench.ColdImport;
import eventlens.cli.bench.DiskFlush;
import eventlens.cli.bench.DuckDbBaseline;
import eventlens.importers.ImportException;
import eventlens.importers.ImportInput;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImportSink;
import eventlens.importers.ImportSource;
import eventlens.importers.ImportSummary;
import eventlens.importers.ImporterRegistry;
import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.Json;
import eventlens.model.query.EventQuery;
import eventlens.model.sample.SampleLog;
import eventlens.model.flow.FlowFilter;
import eventlens.model.flow.FlowList;
import eventlens.model.store.EventIndexes;
import eventlens.model.store.ProjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eventlens benchmark import --events N}: the import and query figures of docs/benchmarks.md, each
 * next to the raw baselines measured in the same run (jq when installed, Jackson's bare tokenizer, DuckDB's
 * {@code read_json} + index when its jar is beside the app: decision 0035).
 */
@Command(name = "import", description = "Measure import and query speed on a synthetic log, against raw baselines.")
final class BenchmarkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "1000000", paramLabel = "N", description = "lines in the synthetic log (default ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
    long seed;

    @Option(names = "--work", defaultValue = "target/benchmark", paramLabel = "DIR", description = "where the log and project go (default ${DEFAULT-VALUE})")
    Path work;

    @Option(names = "--queries", defaultValue = "1000", paramLabel = "Q", description = "correlation lookups to average")
    int queries;

    @Option(names = "--skip-cold", description = "do not also time `eventlens import` in a JVM of its own (the "
            + "build's training run skips it)")
    boolean skipCold;

    @Option(names = "--rounds", defaultValue = "0", paramLabel = "R", description = "times DuckDB and the import in a "
            + "JVM of its own are each measured, alternating, their medians compared (default: 3 up to 2,000,000 lines, "
            + "1 beyond)")
    int rounds;

    @Option(names = "--duckdb-jar", paramLabel = "JAR", description = "DuckDB's JDBC jar for the baseline (default: "
            + DuckDbBaseline.BENCH_LIB + "/" + DuckDbBaseline.JAR + " beside eventlens.jar, where the build copies it)")
    Path duckDbJar;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(work);
        Path log = work.resolve("sample-" + events + "-" + seed + ".jsonl");
        Path project = work.resolve("bench-" + events + ".eventlens");
        ProjectStore.delete(project);
        out.printf("EventLens benchmark: %,d lines, seed %d, %d cores, max heap %d MB, java %s%n%n", events, seed,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
        out.println("| step | time | rate | vs Jackson tokenizer |");
        out.println("|---|---|---|---|");

        long t = System.nanoTime();
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            new SampleLog(seed).write(w, events);
        }
        row(out, "generate synthetic log (" + (Files.size(log) >> 20) + " MB)", System.nanoTime() - t, events, 0);

        long jq = jq(log);
        long tokenizer = tokenize(log);
        if (jq > 0) {
            row(out, "`jq -c . > /dev/null` (outside reference)", jq, events, tokenizer);
        }
        row(out, "Jackson streaming tokenizer, whole file (raw baseline)", tokenizer, events, tokenizer);
        List<String> notes = new ArrayList<>();
        List<Long> duckDbRuns = new ArrayList<>();
        long duckDb = duckDb(out, log, tokenizer, notes);
        if (duckDb > 0) {
            duckDbRuns.add(duckDb);
        }
        row(out, "JSON reader alone: parse + map every record", readOnly(log), events, tokenizer);

        ImportSummary summary;
        eventlens.cli.bench.ThreadCpu threads = eventlens.cli.bench.ThreadCpu.start();
        t = System.nanoTime();
        summary = new ImportService(ImporterRegistry.standard()).runIntoNewProject(project,
                List.of(ImportInput.of(log)), null, ImportOptions.AUTOMATIC, ImportListener.NONE);
        long importNanos = System.nanoTime() - t;
        Map<String, Double> importCpu = threads == null ? null : threads.stop();
        row(out, "import into a new project, until it opens (" + summary.imported() + " events, "
                + summary.deadLetters() + " dead letters)", importNanos, events, tokenizer);
        t = System.nanoTime();
        List<String> missing;
        long[] blocksFrom = {0};
        try (ProjectStore store = ProjectStore.open(project)) {
            missing = store.missingIndexes();
            store.buildIndexes((built, total, next) -> {
                if (EventIndexes.BLOCKS_LABEL.equals(next)) {
                    blocksFrom[0] = System.nanoTime();
                }
            }, () -> false);
        }
        long end = System.nanoTime();
        long indexNanos = (blocksFrom[0] > 0 ? blocksFrom[0] : end) - t;
        long indexes = missing.stream().filter(name -> !name.equals(EventIndexes.BLOCKS)).count();
        row(out, "then its " + indexes + " indexes, while it opens (decisions 0067, 0083)", indexNanos, events, tokenizer);
        if (blocksFrom[0] > 0) {
            row(out, "then the replay's blocks, made from its rows (decision 0071)", end - blocksFrom[0], events, tokenizer);
        }
        t = System.nanoTime();
        long flows;
        try (ProjectStore store = ProjectStore.open(project); FlowList list = new FlowList(store)) {
            list.refresh();
            flows = list.count(FlowFilter.ALL);
        }
        row(out, String.format("then the flow list, as `eventlens import` builds it (%,d flows)", flows),
                System.nanoTime() - t, events, tokenizer);
        t = System.nanoTime();
        try (ProjectStore store = ProjectStore.open(project)) {
            if (!eventlens.model.schema.SchemaCatalog.upToDate(store)) {
                eventlens.model.schema.SchemaCatalog.schemas(store, (done, total) -> { });
                row(out, "then the schemas a big import leaves for after (decision 0079)", System.nanoTime() - t, events,
                        tokenizer);
            }
        }
        long coldNanos = rounds(out, log, tokenizer, duckDbRuns, notes);
        duckDb = duckDbRuns.isEmpty() ? -1 : median(duckDbRuns);
        out.printf("%nproject file: %,d MB%n", Files.size(project) >> 20);
        notes.forEach(out::println);
        out.println();
        ratios(out, coldNanos, importNanos, importNanos + indexNanos, jq, duckDb);
        if (importCpu != null) {
            out.println();
            eventlens.cli.bench.ThreadCpu.print(out, "the import until it opens, by thread (`/proc`, sampled every 100 ms)",
                    importCpu, importNanos, Runtime.getRuntime().availableProcessors());
        }
        queries(out, project);
        return 0;
    }

    /**
     * The import as a user runs it and DuckDB's baseline again, alternating, {@link #rounds} times in all
     * ({@code duckDbRuns} holds DuckDB's first run, made earlier, when it ran): the machine's speed drifts by 20 % from
     * one minute to the next, and one run of each made the ratio drift with it. Prints their rows, with the runs;
     * returns the median of the import's runs, 0 when it is not measured.
     */
    private long rounds(PrintWriter out, Path log, long tokenizer, List<Long> duckDbRuns, List<String> notes)
            throws IOException, InterruptedException {
        int times = rounds > 0 ? rounds : events <= 2_000_000 ? 3 : 1;
        List<Long> coldRuns = new ArrayList<>();
        long peakRssKb = 0;
        for (int round = 1; round <= times; round++) {
            Optional<ColdImport> run = cold(log);
            if (run.isPresent()) {
                coldRuns.add(run.get().untilOpenNanos());
                peakRssKb = Math.max(peakRssKb, run.get().peakRssKb());
            }
            if (round > 1 && !duckDbRuns.isEmpty()) {
                long again = duckDb(null, log, tokenizer, notes); // a failure is noted, as the first run's
                if (again > 0) {
                    duckDbRuns.add(again);
                }
            }
        }
        if (coldRuns.isEmpty() && !skipCold) {
            out.println("| `eventlens import` in a JVM of its own: skipped (not run from eventlens.jar) | | | |");
        } else if (!coldRuns.isEmpty()) {
            row(out, String.format("`eventlens import` in a JVM of its own, as a user runs it, until it opens (peak RSS "
                    + "%,d MB)%s", peakRssKb >> 10, runs(coldRuns)), median(coldRuns), events, tokenizer);
        }
        if (duckDbRuns.size() > 1) {
            row(out, "DuckDB `read_json` + index again, alternating with the import's runs: the baseline of the ratios"
                    + runs(duckDbRuns), median(duckDbRuns), events, tokenizer);
        }
        return coldRuns.isEmpty() ? 0 : median(coldRuns);
    }

    /** ", median of N: a, b, c s" for more than one run, else nothing. */
    private static String runs(List<Long> nanos) {
        if (nanos.size() < 2) {
            return "";
        }
        return ", median of " + nanos.size() + ": " + String.join(", ",
                nanos.stream().map(n -> String.format("%.2f", n / 1e9)).toList()) + " s";
    }

    /** The median of some timings (of an even count, the lower middle one). */
    static long median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /**
     * Times DuckDB's read_json + index on the log and prints its row (none when {@code out} is null); -1 and a note
     * when it cannot run.
     */
    private long duckDb(PrintWriter out, Path log, long tokenizer, List<String> notes) throws IOException {
        Path jar = duckDbJar != null ? duckDbJar : DuckDbBaseline.besideTheApp();
        Path database = work.resolve("duckdb-baseline-" + events + ".duckdb");
        try (DuckDbBaseline duckDb = DuckDbBaseline.open(jar)) {
            DuckDbBaseline.Load load = duckDb.load(log, database);
            if (out == null) {
                return load.nanos();
            }
            row(out, String.format("DuckDB %s `read_json` into a table (%.2f s) + index on id (%.2f s), %d threads; "
                    + "%,d rows (outside reference)", duckDb.version(), load.readNanos() / 1e9, load.indexNanos() / 1e9,
                    DuckDbBaseline.THREADS, load.rows()), load.nanos(), events, tokenizer);
            notes.add(String.format("DuckDB database: %,d MB", load.databaseBytes() >> 20));
            return load.nanos();
        } catch (DuckDbBaseline.Unavailable e) {
            notes.add("DuckDB baseline skipped: " + e.getMessage());
        } catch (DuckDbBaseline.LoadFailed e) {
            notes.add("DuckDB baseline failed: " + e.getMessage());
        } finally {
            DuckDbBaseline.delete(database);
        }
        return -1;
    }

    /**
     * Times {@code eventlens import} of {@code log} in a JVM of its own ({@link ColdImport}); empty when this JVM does
     * not run from a jar or the option skips it. The disk first writes what this JVM's import left in memory
     * ({@link DiskFlush}), as {@code benchmark all} does between its parts: otherwise the import is timed while the
     * disk writes a gigabyte of another project back.
     */
    private Optional<ColdImport> cold(Path log) throws IOException, InterruptedException {
        if (skipCold) {
            return Optional.empty();
        }
        Path project = work.resolve("bench-" + events + "-cli.eventlens");
        ProjectStore.delete(project);
        DiskFlush.flush();
        try {
            return ColdImport.run(log, project);
        } finally {
            ProjectStore.delete(project);
        }
    }

    /**
     * The import's ratios to the baselines: as {@code eventlens import} runs it ({@code coldNanos}, 0 when not
     * measured), and in this JVM until it opens and with its indexes.
     */
    private static void ratios(PrintWriter out, long coldNanos, long openNanos, long indexedNanos, long jq, long duckDb) {
        if (jq <= 0 && duckDb <= 0) {
            return;
        }
        out.println("| ratio | `eventlens import`, until it opens | in this JVM, until it opens | with its indexes | target |");
        out.println("|---|---|---|---|---|");
        if (jq > 0) {
            out.printf("| import ÷ `jq -c .` | %s | ×%.2f | ×%.2f | ≤ ×0.7 |%n", ratio(coldNanos, jq),
                    (double) openNanos / jq, (double) indexedNanos / jq);
        }
        if (duckDb > 0) {
            out.printf("| import ÷ DuckDB `read_json` + index | %s | ×%.2f | ×%.2f | ≤ ×1.5 |%n", ratio(coldNanos, duckDb),
                    (double) openNanos / duckDb, (double) indexedNanos / duckDb);
        }
        out.println();
    }

    private static String ratio(long nanos, long baseline) {
        return nanos > 0 ? String.format("×%.2f", (double) nanos / baseline) : "—";
    }

    private void queries(PrintWriter out, Path project) {
        try (ProjectStore store = ProjectStore.open(project)) {
            long count = store.eventCount();
            SplittableRandom random = new SplittableRandom(seed);
            List<String> correlations = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                store.eventAt(1 + random.nextLong(count)).map(Event::correlationId).ifPresent(correlations::add);
            }
            long t = System.nanoTime();
            long found = 0;
            for (String c : correlations) {
                found += store.page(EventQuery.correlation(c), 0, 100).size();
            }
            long perQuery = (System.nanoTime() - t) / Math.max(1, correlations.size());
            out.println("| query | time |");
            out.println("|---|---|");
            out.printf("| flow by correlation (average of %d, %d events found) | %.3f ms |%n", correlations.size(),
                    found, perQuery / 1e6);
            t = System.nanoTime();
            store.page(EventQuery.ALL, 0, 100);
            out.printf("| first page of 100 | %.3f ms |%n", (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            store.page(EventQuery.ALL, count / 2, 100);
            out.printf("| page of 100 in the middle | %.3f ms |%n", (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            store.page(EventQuery.ALL.withType("payment.failed"), 0, 100);
            out.printf("| first page of type payment.failed | %.3f ms |%n", (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            long total = store.eventCount();
            out.printf("| count all events (%,d) | %.3f ms |%n", total, (System.nanoTime() - t) / 1e6);
        }
    }

    private static long jq(Path log) {
        try {
            long t = System.nanoTime();
            Process p = new ProcessBuilder("jq", "-c", ".").redirectInput(log.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                return -1;
            }
            return System.nanoTime() - t;
        } catch (IOException e) {
            return -1; // jq not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long tokenize(Path log) throws IOException {
        long t = System.nanoTime();
        try (InputStream in = Files.newInputStream(log); JsonParser p = Json.mapper().getFactory().createParser(in)) {
            long tokens = 0;
            while (p.nextToken() != null) {
                tokens++;
            }
            if (tokens == 0 && Files.size(log) > 0) {
                throw new IllegalStateException("no tokens");
            }
        }
        return System.nanoTime() - t;
    }

    private static long readOnly(Path log) throws IOException, ImportException {
        long[] seen = new long[1];
        ImportSink counting = new ImportSink() {
            @Override
            public void accept(Event event) {
                seen[0]++;
            }

            @Override
            public void accept(DeadLetter deadLetter) {
                seen[0]++;
            }

            @Override
            public void reject(ImportError error) {
                seen[0]++;
            }

            @Override
            public void comments(long lines) {
                // not records: the benchmark counts records only
            }
        };
        long t = System.nanoTime();
        try (InputStream in = Files.newInputStream(log)) {
            ImporterRegistry.standard().byName("json").orElseThrow()
                    .read(new ImportSource(log.toString(), in), ImportOptions.AUTOMATIC, counting);
        }
        return System.nanoTime() - t;
    }

    private static void row(PrintWriter out, String step, long nanos, long records, long baseline) {
        double seconds = nanos / 1e9;
        out.printf("| %s | %.2f s | %,.0f records/s | %s |%n", step, seconds, records / Math.max(seconds, 1e-9),
                baseline > 0 ? String.format("×%.1f", (double) nanos / baseline) : "");
        out.flush();
    }
}
