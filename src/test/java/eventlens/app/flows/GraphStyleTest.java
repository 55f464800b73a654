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
        style.set("#22272e", "#768390", "#adbac7", "#539bf5");
        style.textUnderZoom(2.5);
        StyleSheet dark = new StyleSheet();
        dark.parseFromString(style.css());
        assertThat(dark.getNodeStyleNameSpace().getClassRulesCount()).isEqualTo(LanePalette.size() * 2 + 5); // failed, failedsel, missing, replay, replaysel
    }
}
