package eventlens.app.flows;

import static eventlens.app.flows.LanePalette.hex;

/** The GraphStream stylesheet of the flow graph, in the stylesheet's colours ({@link LanePalette}). */
final class GraphStyle {
    /** Suffix of a node's class while selected: one class per node, as GraphStream mixes several unreliably. */
    static final String SELECTED = "sel";

    private LanePalette palette = LanePalette.UNSTYLED;
    private double textUnderZoom = 1;

    /** Sets the colours (the stylesheet applied or the theme changed); true when one changed. */
    boolean set(LanePalette next) {
        boolean changed = !next.equals(palette);
        palette = next;
        return changed;
    }

    /** Labels are shown while the camera's view percent is under this (hidden when zoomed out too far to read). */
    boolean textUnderZoom(double viewPercent) {
        boolean changed = viewPercent != textUnderZoom;
        textUnderZoom = viewPercent;
        return changed;
    }

    /** A number in plain decimal notation, as GraphStream's style sheets need it (never "1.0E-4"). */
    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return "1";
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    String css() {
        LanePalette p = palette;
        StringBuilder b = new StringBuilder();
        b.append("graph { fill-color: ").append(hex(p.graphBackground())).append("; padding: 70px, 40px; }\n");
        // Written plainly: GraphStream's parser rejects "1.0E-4", and a rejected sheet is logged (a stack trace
        // on the window's thread at each layout) and leaves the graph unstyled.
        String visibility = " text-visibility-mode: under-zoom; text-visibility: " + plain(textUnderZoom) + ";";
        b.append("node { shape: box; size: 148gu, 30gu; stroke-mode: plain; stroke-width: 1px;"
                + " text-size: 11; text-alignment: center; text-color: ").append(hex(p.text())).append(";")
                .append(visibility).append(" }\n");
        for (int i = 0; i < LanePalette.size(); i++) {
            b.append("node.lane").append(i).append(" { fill-color: ").append(hex(p.fills().get(i)))
                    .append("; stroke-color: ").append(hex(p.strokes().get(i))).append("; }\n");
        }
        b.append("node.failed { fill-color: ").append(hex(p.failedFill())).append("; stroke-color: ")
                .append(hex(p.failedStroke())).append("; stroke-width: 2px; text-color: ")
                .append(hex(p.failedText())).append("; text-style: bold; }\n");
        // GraphStream's CSS has no selector lists: one rule per selected class.
        String selected = "; stroke-color: " + hex(p.accent()) + "; stroke-width: 3px; }\n";
        b.append("node.failed").append(SELECTED).append(" { fill-color: ").append(hex(p.failedFill()))
                .append("; text-color: ").append(hex(p.failedText())).append("; text-style: bold").append(selected);
        for (int i = 0; i < LanePalette.size(); i++) {
            b.append("node.lane").append(i).append(SELECTED).append(" { fill-color: ").append(hex(p.fills().get(i)))
                    .append(selected);
        }
        b.append("node.replay { fill-color: ").append(hex(p.replayFill())).append("; stroke-color: ")
                .append(hex(p.replayStroke())).append("; stroke-mode: dashes; stroke-width: 2px; text-color: ")
                .append(hex(p.replayText())).append("; text-style: italic; }\n");
        b.append("node.replay").append(SELECTED).append(" { fill-color: ").append(hex(p.replayFill()))
                .append("; stroke-mode: dashes; text-style: italic; text-color: ").append(hex(p.replayText()))
                .append(selected);
        b.append("edge.replay { fill-color: ").append(hex(p.replayStroke())).append("; }\n");
        b.append("node.missing { fill-color: ").append(hex(p.missingFill())).append("; stroke-color: ")
                .append(hex(p.missingStroke())).append("; stroke-mode: dashes; text-color: ").append(hex(p.missingText()))
                .append("; }\n");
        b.append("edge { fill-color: ").append(hex(p.graphLine())).append("; arrow-size: 8px, 4px; size: 1px; text-size: 10;"
                + visibility + " text-color: ").append(hex(p.graphText())).append("; text-background-mode: rounded-box; text-background-color: ")
                .append(hex(p.graphBackground())).append("; text-padding: 2px; }\n");
        b.append("edge.skew { fill-color: ").append(hex(p.failedStroke())).append("; text-color: ")
                .append(hex(p.failedStroke())).append("; size: 2px; }\n");
        b.append("edge.missing { fill-mode: none; stroke-mode: dashes; stroke-width: 1px; stroke-color: ")
                .append(hex(p.missingStroke())).append("; }\n");
        // A second link (traceparent) next to the tree's edge: dashed, so it never reads as the cause.
        b.append("edge.link { fill-mode: none; stroke-mode: dashes; stroke-width: 1px; stroke-color: ")
                .append(hex(p.replayStroke())).append("; text-color: ").append(hex(p.replayStroke())).append("; }\n");
        return b.toString();
    }
}
