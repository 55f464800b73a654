package eventlens.app.flows;

import java.util.List;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Colours of the sources (lanes), the same in the graph and the timeline: light fills with a darker
 * outline, readable with dark text on the light and the dark theme alike; and the colours of failed,
 * replayed and missing events and of the graph's theme. Lane i always gets colour i modulo the palette,
 * so a source keeps its colour within a flow.
 *
 * <p>The colours are looked-up colours of the stylesheet ({@code -el-lane-fill-1} … on {@code .root}); the
 * canvases are painted in Java, so they read them resolved from a hidden {@link PaletteNode} whose
 * {@code .flow-palette} rule lists them as its background fills, in the order of {@link #of(Background)}.
 */
record LanePalette(List<Color> fills, List<Color> strokes, Color failedFill, Color failedStroke, Color failedText,
        Color text, Color replayFill, Color replayStroke, Color replayText, Color missingFill, Color missingStroke,
        Color missingText, Color graphBackground, Color graphLine, Color graphText, Color accent) {
    /** Put before the type of a published event in the tree, graph and timeline. */
    static final String REPLAY_MARK = "⟳ ";
    /** Lanes of the palette: the stylesheet's {@code -el-lane-fill-1} to {@code -8} and their strokes. */
    static final int LANES = 8;
    /** Colours after the lanes' fills and strokes in {@code .flow-palette}. */
    private static final int MARKS = 14;
    /** Before the stylesheet applies (a node not yet in a scene): greys, so nothing is drawn invisible. */
    static final LanePalette UNSTYLED = unstyled();

    LanePalette {
        fills = List.copyOf(fills);
        strokes = List.copyOf(strokes);
    }

    /**
     * The palette of a {@code .flow-palette} background: the eight lane fills, the eight lane strokes, then
     * failed fill, stroke and text, event text, replay fill, stroke and text, missing fill, stroke and text,
     * graph background, line and text, accent. {@link #UNSTYLED} when the background is not (yet) that.
     */
    static LanePalette of(Background background) {
        if (background == null || background.getFills().size() != 2 * LANES + MARKS) {
            return UNSTYLED;
        }
        List<BackgroundFill> f = background.getFills();
        Color[] c = new Color[f.size()];
        for (int i = 0; i < c.length; i++) {
            Paint p = f.get(i).getFill();
            if (!(p instanceof Color colour)) {
                return UNSTYLED;
            }
            c[i] = colour;
        }
        int m = 2 * LANES;
        return new LanePalette(List.of(c).subList(0, LANES), List.of(c).subList(LANES, m), c[m], c[m + 1], c[m + 2],
                c[m + 3], c[m + 4], c[m + 5], c[m + 6], c[m + 7], c[m + 8], c[m + 9], c[m + 10], c[m + 11],
                c[m + 12], c[m + 13]);
    }

    private static LanePalette unstyled() {
        List<Color> greys = java.util.Collections.nCopies(LANES, Color.LIGHTGRAY);
        return new LanePalette(greys, java.util.Collections.nCopies(LANES, Color.GRAY), Color.LIGHTGRAY, Color.RED,
                Color.BLACK, Color.BLACK, Color.LIGHTGRAY, Color.GRAY, Color.BLACK, Color.LIGHTGRAY, Color.GRAY,
                Color.GRAY, Color.WHITE, Color.GRAY, Color.DIMGRAY, Color.BLUE);
    }

    static int size() {
        return LANES;
    }

    Color fill(int lane) {
        return fills.get(Math.floorMod(lane, LANES));
    }

    Color stroke(int lane) {
        return strokes.get(Math.floorMod(lane, LANES));
    }

    /** A colour as GraphStream's stylesheet takes it: {@code #rrggbb}. */
    static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
