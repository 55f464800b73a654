package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayCheckTest {
    @Test
    void linuxWithoutAnyDisplayIsExplainedInOneLine() {
        String problem = DisplayCheck.problem(Map.of(), "Linux", null);
        assertThat(problem).contains("no display").contains("xvfb-run").doesNotContain("\n");
    }

    @Test
    void aDisplayOrWaylandOrMonocleIsEnough() {
        assertThat(DisplayCheck.problem(Map.of("DISPLAY", ":0"), "Linux", null)).isNull();
        assertThat(DisplayCheck.problem(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isNull();
        assertThat(DisplayCheck.problem(Map.of(), "Linux", "Monocle")).isNull();
        assertThat(DisplayCheck.problem(Map.of(), "Windows 11", null)).isNull();
    }
}
