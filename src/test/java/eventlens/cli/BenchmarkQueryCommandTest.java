package eventlens.cli;

import static eventlens.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventlens benchmark query --query Q} times only the queries given and leaves the project as it was. */
class BenchmarkQueryCommandTest {
    @TempDir
    Path dir;

    @Test
    void timesOnlyTheGivenQueriesAndAddsNothingToTheProject() {
        String project = dir.resolve("p.db").toString();
        assertThat(run("import", project, "samples/schema-drift.jsonl").code()).isZero();
        CommandLineTest.Run r = run("benchmark", "query", project, "--samples", "1", "--query", "schema:OrderPlaced@2",
                "--query", "type:OrderPlaced");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines()).anyMatch(l -> l.startsWith("| `schema:OrderPlaced@2` | 6 | "))
                .anyMatch(l -> l.startsWith("| `type:OrderPlaced` | 12 | "));
        assertThat(r.out()).doesNotContain("text index");
        assertThat(run("query", project, "id:" + BenchmarkQueryCommand.ROOT).out().strip()).isEqualTo("0");
    }
}
