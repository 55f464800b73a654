package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventlens benchmark replay} on a tiny log: every case runs, with its peak heap, and step back is timed. */
class BenchmarkReplayCommandTest {
    @TempDir
    Path dir;

    @Test
    void measuresEveryCaseAndStepBack() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"benchmark", "replay", "--events", "3000", "--rounds", "1", "--pipeline-events", "200",
            "--work", dir.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("events paged from the project", "reading `ctx.state`", "events in memory",
                "order-pipeline.js, mode roots", "| step back at step | one step back + the next event's state |", "| 1,000 | ");
        assertThat(text.lines().filter(l -> l.startsWith("| ") && l.endsWith(" MB |"))).hasSize(6);
    }

    @Test
    void thePipelineIsTheBundledOneWhereverTheCommandRuns() {
        String bundled = eventlens.app.replay.SampleScripts.read("order-pipeline.js").orElseThrow();
        assertThat(BenchmarkReplayCommand.pipeline(null).text()).isEqualTo(bundled);
        assertThatThrownBy(() -> BenchmarkReplayCommand.pipeline(dir.resolve("missing.js"))).hasMessageContaining("no such script");
    }
}
