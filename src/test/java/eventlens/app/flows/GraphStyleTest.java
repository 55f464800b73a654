package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import org.graphstream.ui.graphicGraph.stylesheet.StyleSheet;
import org.junit.jupiter.api.Test;

/** GraphStream only logs a stylesheet it cannot parse and then draws unstyled: check ours parses. */
class GraphStyleTest {
    @Test
    void theGraphStylesheetParsesInBothThemes() throws Exception {
        GraphStyle style = new GraphStyle();
        new StyleSheet().parseFromString(style.css());
        // Any palette of the stylesheet's shape: thirty colours as a .flow-palette background.
        javafx.scene.layout.BackgroundFill[] fills = new javafx.scene.layout.BackgroundFill[30];
        for (int i = 0; i < fills.length; i++) {
            fills[i] = new javafx.scene.layout.BackgroundFill(javafx.scene.paint.Color.gray(i / 30.0), null, null);
        }
        LanePalette dimmed = LanePalette.of(new javafx.scene.layout.Background(fills));
        assertThat(dimmed.stroke(LanePalette.LANES + 1)).isEqualTo(javafx.scene.paint.Color.gray(9 / 30.0));
        assertThat(dimmed.accent()).isEqualTo(javafx.scene.paint.Color.gray(29 / 30.0));
        assertThat(style.set(dimmed)).isTrue();
        assertThat(style.css()).contains("graph { fill-color: " + LanePalette.hex(dimmed.graphBackground()));
        style.textUnderZoom(2.5);
        StyleSheet dark = new StyleSheet();
        dark.parseFromString(style.css());
        assertThat(dark.getNodeStyleNameSpace().getClassRulesCount()).isEqualTo(LanePalette.size() * 2 + 5); // failed, failedsel, missing, replay, replaysel
    }

    @Test
    void aTinyOrHugeZoomThresholdIsWrittenPlainlyAndStillParses() throws Exception {
        GraphStyle style = new GraphStyle();
        for (double threshold : new double[] {1.0E-4, 3.2E-7, 1.25E7, Double.POSITIVE_INFINITY}) {
            style.textUnderZoom(threshold);
            assertThat(style.css()).doesNotContainPattern("text-visibility: [^;]*E");
            new StyleSheet().parseFromString(style.css());
        }
        assertThat(GraphStyle.plain(1.0E-4)).isEqualTo("0.0001");
        assertThat(GraphStyle.plain(2.5)).isEqualTo("2.5");
    }
}
