package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchArgumentsTest {
    @Test
    void logsTravelAsOneNamedParameterAndTheProjectUnnamed() {
        Path a = Path.of("/logs/a.jsonl");
        Path b = Path.of("/logs/b.jsonl");
        assertThat(EventLensApp.arguments(null, "flows", null, List.of(), List.of(a, b)))
                .containsExactly("--logs=" + a + File.pathSeparator + b, "--view=flows");
        assertThat(EventLensApp.arguments(Path.of("p.eventlens"), null, "ord-1", List.of(a), List.of()))
                .containsExactly("--import=" + a, "--select=ord-1", "p.eventlens");
    }
}
