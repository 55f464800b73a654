package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventlens benchmark all} on tiny logs: each chosen part runs in a JVM of its own, the report has the
 * machine, a summary row per run with its peak memory, and each part's own table; an unknown part is refused.
 */
class BenchmarkAllCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsThePartsInTheirOwnJvmsAndWritesOneReport() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"benchmark", "all", "--events", "3000", "--big", "4000", "--parts",
            "import,flow", "--heap", "256m", "--work", dir.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(out + "\n" + err).isZero();
        String report = Files.readString(dir.resolve("report.md"));
        assertThat(report).contains("- machine: ", " cores, ", "| part | what | exit | wall time | peak RSS |",
                "| import | import, 3,000 lines | 0 | ", "| import | import, 4,000 lines | 0 | ",
                "| flow | flows, and the flow list of the 3,000 lines project | 0 | ",
                "| flow | the flow list of the 4,000 lines project | 0 | ",
                "import into a new project, until it opens", "then its 6 indexes", "`eventlens benchmark import --events 3000",
                "- command: `eventlens benchmark all --events 3000 --big 4000");
        assertThat(report.lines().filter(l -> l.startsWith("| import |") || l.startsWith("| flow |")))
                .hasSize(4).allSatisfy(l -> assertThat(l).matches(".*\\| [0-9,]+ MB \\|$"));
        assertThat(Files.exists(dir.resolve("bench-4000.eventlens"))).isTrue();
    }

    @Test
    void theQueryPartWithoutItsProjectSaysWhatToRunFirst() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"benchmark", "all", "--parts", "query", "--work", dir.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("the query part needs the 1,000,000 lines project of the import part")
                .doesNotContain("NoSuchFileException");
    }

    @Test
    void anUnknownPartIsRefused() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"benchmark", "all", "--parts", "import,speed", "--work", dir.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown part: speed; the parts are import, flow, state");
    }
}
