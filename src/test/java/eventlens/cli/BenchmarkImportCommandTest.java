package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventlens benchmark import} on a tiny log: the DuckDB baseline measured in the same run, or skipped with why. */
class BenchmarkImportCommandTest {
    private static final String EVENTS = "300";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        List<String> lines() {
            return Arrays.asList(out.split("\\R"));
        }
    }

    private Run run(Path duckDbJar) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"benchmark", "import", "--events", EVENTS, "--queries", "5", "--work",
            dir.toString(), "--duckdb-jar", duckDbJar.toString()}, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void duckDbIsMeasuredInTheSameRunAndTheImportIsGivenAsARatioOfIt() throws Exception {
        String jar = System.getProperty("eventlens.duckdb.jar");
        assumeTrue(jar != null, "run through Maven: it copies DuckDB to target/bench-lib and says where");

        Run r = run(Path.of(jar));

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.lines()).filteredOn(l -> l.startsWith("| DuckDB v")).singleElement().satisfies(row -> {
            assertThat(row).contains("`read_json` into a table").contains("+ index on id").contains("2 threads")
                    .contains(EVENTS + " rows").matches(".*\\| [0-9.]+ s \\| .* records/s \\| ×[0-9.]+ \\|");
        });
        assertThat(r.lines()).as("by default, DuckDB runs three times for a small log: the ratios use the median")
                .filteredOn(l -> l.startsWith("| DuckDB `read_json` + index again")).singleElement().satisfies(row -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "median of 3: ([0-9.]+), ([0-9.]+), ([0-9.]+) s \\| ([0-9.]+) s \\|").matcher(row);
                    assertThat(m.find()).as(row).isTrue();
                    double[] runs = {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3))};
                    Arrays.sort(runs);
                    assertThat(Double.parseDouble(m.group(4))).isEqualTo(runs[1]);
                });
        assertThat(r.lines()).as("the tests do not run from the jar: no import in a JVM of its own")
                .anyMatch(l -> l.matches("\\| import ÷ DuckDB `read_json` \\+ index \\| — \\| ×[0-9.]+ \\| ×[0-9.]+ \\| ≤ ×1.5 \\|"));
        assertThat(r.lines()).contains("| `eventlens import` in a JVM of its own: skipped (not run from eventlens.jar) | | | |");
        assertThat(r.lines()).anyMatch(l -> l.matches("DuckDB database: [0-9,]+ MB"));
        assertThat(r.lines()).noneMatch(l -> l.startsWith("DuckDB baseline"));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the DuckDB database is deleted after the run")
                    .noneMatch(name -> name.contains("duckdb"));
        }
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleRun() {
        assertThat(BenchmarkCommand.median(List.of(5L, 1L, 9L))).isEqualTo(5L);
        assertThat(BenchmarkCommand.median(List.of(7L, 3L))).isEqualTo(3L);
        assertThat(BenchmarkCommand.median(List.of(4L))).isEqualTo(4L);
    }

    @Test
    void withoutTheJarTheBaselineIsSkippedWithTheReasonAndTheRestStillRuns() {
        Path missing = dir.resolve("nowhere").resolve("duckdb_jdbc.jar");

        Run r = run(missing);

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.lines()).contains("DuckDB baseline skipped: no " + missing
                + " (`mvn package` copies it there; --duckdb-jar names another)");
        assertThat(r.lines()).noneMatch(l -> l.startsWith("| DuckDB")).noneMatch(l -> l.contains("÷ DuckDB"));
        assertThat(r.lines()).anyMatch(l -> l.startsWith("| import into a new project, until it opens"));
        assertThat(r.lines()).anyMatch(l -> l.startsWith("| then its 6 indexes, while it opens"));
        assertThat(r.lines()).anyMatch(l -> l.startsWith("| flow by correlation"));
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(r.lines()).contains("| the import until it opens, by thread (`/proc`, sampled every 100 ms) | CPU |")
                    .anyMatch(l -> l.matches("\\| all threads \\| [0-9.]+ s of [0-9.]+ s \\(\\d+ cores × [0-9.]+ s\\): \\d+ % \\|"));
        }
    }
}
