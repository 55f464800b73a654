package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "keep the probes": seeded mutants of every sample and real-data file (see {@link Mutator}),
 * each imported into a new project. For every mutant: the import finishes within {@value #TIMEOUT_S} s,
 * nothing but a clean {@link ImportException} escapes, a gzip file cut short reports its damage, and for
 * JSON lines no good record is lost: every line of the mutant that is unchanged and was imported from the
 * original is in the project.
 *
 * <p>{@value #DEFAULT_MUTANTS} mutants on every build; {@code mvn verify -Pfuzz} runs 5,000
 * ({@code -Deventlens.fuzz.mutants=N}, {@code -Deventlens.fuzz.seed=S} to change them). A failure names the
 * seed, the mutant and its kind, and copies the mutant's file to {@code target/fuzz-failures/} to reproduce it.
 */
class MutationFuzzTest {
    private static final int DEFAULT_MUTANTS = 300;
    private static final int TIMEOUT_S = 30;
    private static final Path SAMPLES = Path.of("samples");
    private static final Path REALDATA = Path.of(System.getProperty("eventlens.realdata", "../shared/realdata"));

    @TempDir
    Path dir;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-import");
        t.setDaemon(true);
        return t;
    });
    private final ImportService service = new ImportService(ImporterRegistry.standard());
    private final Map<Path, Map<String, String>> goodLines = new HashMap<>();

    @AfterEach
    void stop() {
        runner.shutdownNow();
    }

    @Test
    void mutantsOfEverySampleAndRealFileImportWithoutCrashHangOrLostGoodLines() throws Exception {
        int count = Integer.getInteger("eventlens.fuzz.mutants", DEFAULT_MUTANTS);
        long seed = Long.getLong("eventlens.fuzz.seed", 11L);
        List<Path> samples = files(SAMPLES).stream().filter(p -> p.toString().endsWith(".jsonl")).toList();
        List<Path> real = Files.isDirectory(REALDATA) ? files(REALDATA) : List.of();
        if (real.isEmpty()) {
            System.out.println("MutationFuzzTest: real data not present at " + REALDATA.toAbsolutePath()
                    + " (system property eventlens.realdata); its part is skipped, only samples/ is fuzzed");
        }
        assertThat(samples).as("the bundled samples").isNotEmpty();

        Mutator mutator = new Mutator(seed);
        Map<Mutator.Kind, Integer> kinds = new EnumMap<>(Mutator.Kind.class);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        long linesChecked = 0;
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Path source = i % 2 == 1 && !real.isEmpty() ? real.get((i / 2) % real.size()) : samples.get((i / 2) % samples.size());
            Mutator.Mutant mutant = mutator.mutate(Files.readAllBytes(source));
            kinds.merge(mutant.kind(), 1, Integer::sum);
            Path file = Files.createDirectories(dir.resolve("m" + i))
                    .resolve(source.getFileName() + (mutant.kind().gzip() ? ".gz" : ""));
            Files.write(file, mutant.bytes());
            String name = "seed " + seed + ", mutant " + i + " (" + mutant.kind() + " of " + source + ")";
            Outcome outcome = run(file, name, failures);
            if (outcome == null) {
                continue;
            }
            if (outcome.refused) {
                refused++;
                continue;
            }
            if (mutant.kind() == Mutator.Kind.GZIP_TRUNCATE
                    && outcome.errors.stream().noneMatch(e -> e.reason().contains("gzip"))) {
                failures.add(name + ": a gzip file cut short reported no damage");
            }
            if (source.toString().endsWith(".jsonl") && !mutant.kind().gzip()) {
                linesChecked += checkGoodLines(source, mutant.bytes(), outcome.ids, name, failures);
            }
        }
        keep(failures);
        System.out.printf("MutationFuzzTest: seed %d, %d mutants (%d refused as a whole with a clear error), "
                        + "%d unchanged good lines checked, %d failures, %.1f s; by kind %s%n", seed, count, refused,
                linesChecked, failures.size(), (System.nanoTime() - started) / 1e9, kinds);
        assertThat(failures).as("mutants that crashed, hung or lost good lines (files kept under " + dir + ")").isEmpty();
    }

    /** Copies the failing mutants' files (their folder is named in the failure) out of the temporary folder. */
    private void keep(List<String> failures) throws IOException {
        Path kept = Path.of("target", "fuzz-failures");
        for (String failure : failures) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("mutant (\\d+) ").matcher(failure);
            if (m.find()) {
                Path folder = dir.resolve("m" + m.group(1));
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path f : files.filter(p -> !p.getFileName().toString().startsWith("p.db")).toList()) {
                        Files.createDirectories(kept);
                        Files.copy(f, kept.resolve("m" + m.group(1) + "-" + f.getFileName()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** What one import left: the ids in the project and the error rows, or that it was refused whole. */
    private record Outcome(boolean refused, java.util.Set<String> ids, List<ImportError> errors) {
    }

    /** Imports one mutant into a new project; null (and a failure noted) when it crashed or hung. */
    private Outcome run(Path file, String name, List<String> failures) throws InterruptedException, IOException {
        Path project = file.resolveSibling("p.db");
        Future<Outcome> future = runner.submit(() -> {
            try (ProjectStore store = ProjectStore.open(project)) {
                service.run(store, List.of(ImportInput.of(file)), null, ImportOptions.AUTOMATIC, ImportListener.NONE);
                java.util.Set<String> ids = new java.util.HashSet<>();
                store.page(EventQuery.ALL, 0, Integer.MAX_VALUE).forEach(e -> ids.add(e.id()));
                List<ImportError> errors = store.imports().stream()
                        .flatMap(r -> store.importErrors(r.id(), 0, 100_000).stream()).toList();
                return new Outcome(false, ids, errors);
            } catch (ImportException e) {
                System.out.println("MutationFuzzTest: " + name + " refused: " + e.getMessage());
                return new Outcome(true, java.util.Set.of(), List.of());
            }
        });
        try {
            Outcome outcome = future.get(TIMEOUT_S, TimeUnit.SECONDS);
            deleteProject(project);
            return outcome;
        } catch (TimeoutException e) {
            future.cancel(true);
            failures.add(name + ": no result after " + TIMEOUT_S + " s");
        } catch (ExecutionException e) {
            failures.add(name + ": " + e.getCause());
        }
        return null;
    }

    /** Counts the mutant's lines that are unchanged good lines of the source; notes those not imported. */
    private long checkGoodLines(Path source, byte[] mutant, java.util.Set<String> ids, String name, List<String> failures)
            throws Exception {
        Map<String, String> good = goodLines(source);
        long checked = 0;
        for (String line : lines(mutant)) {
            String id = good.get(line);
            if (id != null) {
                checked++;
                if (!ids.contains(id)) {
                    failures.add(name + ": unchanged good line with id " + id + " was not imported");
                }
            }
        }
        return checked;
    }

    /** The lines of a JSON-lines source that import as an event, with the event's id (imported once per source). */
    private Map<String, String> goodLines(Path source) throws Exception {
        Map<String, String> known = goodLines.get(source);
        if (known != null) {
            return known;
        }
        Path project = Files.createDirectories(dir.resolve("original-" + goodLines.size())).resolve("p.db");
        List<String> lines = lines(Files.readAllBytes(source));
        Map<String, String> good = new HashMap<>();
        try (ProjectStore store = ProjectStore.open(project)) {
            service.run(store, List.of(ImportInput.of(source)), null, ImportOptions.AUTOMATIC, ImportListener.NONE);
            for (Event e : store.page(EventQuery.ALL, 0, Integer.MAX_VALUE)) {
                good.put(lines.get((int) e.origin().line() - 1), e.id());
            }
        }
        goodLines.put(source, good);
        return good;
    }

    private static List<String> lines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return lines;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".md") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private static void deleteProject(Path project) throws IOException {
        ProjectStore.delete(project);
    }
}
