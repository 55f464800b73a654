package eventlens.app.flows;

import javafx.scene.paint.Color;

/**
 * Colours of the sources (lanes), the same in the graph and the timeline: light fills with a darker
 * outline, readable with dark text on the light and the dark theme alike. Lane i always gets colour i
 * modulo the palette, so a source keeps its colour within a flow.
 */
final class LanePalette {
    static final String[] FILLS = {"#dbeafe", "#dcfce7", "#fef3c7", "#ede9fe", "#cffafe", "#fce7f3", "#e0e7ff", "#e2e8f0"};
    static final String[] STROKES = {"#3b82f6", "#16a34a", "#d97706", "#8b5cf6", "#0891b2", "#db2777", "#6366f1", "#64748b"};
    static final String FAILED_FILL = "#ffebe9";
    static final String FAILED_STROKE = "#cf222e";
    static final String FAILED_TEXT = "#82071e";
    static final String TEXT = "#1f2328";
    /** Events a replay run published: a white-orange fill, a dashed orange outline. */
    static final String REPLAY_FILL = "#fff1e5";
    static final String REPLAY_STROKE = "#bc4c00";
    static final String REPLAY_TEXT = "#762c00";
    /** Put before the type of a published event in the tree, graph and timeline. */
    static final String REPLAY_MARK = "⟳ ";

    private LanePalette() {
    }

    static int size() {
        return FILLS.length;
    }

    static Color fill(int lane) {
        return Color.web(FILLS[Math.floorMod(lane, FILLS.length)]);
    }

    static Color stroke(int lane) {
        return Color.web(STROKES[Math.floorMod(lane, STROKES.length)]);
    }
}
