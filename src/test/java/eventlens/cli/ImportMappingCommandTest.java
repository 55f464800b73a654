package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --format R --mapping FILE} for a reader that maps its records itself is a usage error. */
class ImportMappingCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMappingForAReaderThatTakesNoneIsAUsageErrorAndNothingIsImported() throws Exception {
        Path mapping = Files.writeString(dir.resolve("m.json"), "{\"type\":\"/kind\"}");
        Path file = Files.writeString(dir.resolve("t.json"), "{\"resourceSpans\":[]}");
        Path project = dir.resolve("p.eventlens");
        CommandLineTest.Run r = CommandLineTest.run("import", project.toString(), file.toString(), "--format", "otlp",
                "--mapping", mapping.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the otlp reader maps its records itself and takes no mapping file");
        assertThat(Files.exists(project)).isFalse();
    }
}
