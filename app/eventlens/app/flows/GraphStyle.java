package eventlens.app.flows;

/** The GraphStream stylesheet of the flow graph, in the colours of the current theme. */
final class GraphStyle {
    /** Suffix of a node's class while selected: one class per node, as GraphStream mixes several unreliably. */
    static final String SELECTED = "sel";

    private String background = "#ffffff";
    private String line = "#8c959f";
    private String text = "#656d76";
    private String accent = "#0969da";
    private double textUnderZoom = 1;

    /** Sets the theme's colours; true when one changed. */
    boolean set(String bg, String ln, String tx, String ac) {
        boolean changed = !(bg.equals(background) && ln.equals(line) && tx.equals(text) && ac.equals(accent));
        background = bg;
        line = ln;
        text = tx;
        accent = ac;
        return changed;
    }

    /** Labels are shown while the camera's view percent is under this (hidden when zoomed out too far to read). */
    boolean textUnderZoom(double viewPercent) {
        boolean changed = viewPercent != textUnderZoom;
        textUnderZoom = viewPercent;
        return changed;
    }


    String css() {
        StringBuilder b = new StringBuilder();
        b.append("graph { fill-color: ").append(background).append("; padding: 70px, 40px; }\n");
        String visibility = " text-visibility-mode: under-zoom; text-visibility: " + textUnderZoom + ";";
        b.append("node { shape: box; size: 148gu, 30gu; stroke-mode: plain; stroke-width: 1px;"
                + " text-size: 11; text-alignment: center; text-color: ").append(LanePalette.TEXT).append(";")
                .append(visibility).append(" }\n");
        for (int i = 0; i < LanePalette.size(); i++) {
            b.append("node.lane").append(i).append(" { fill-color: ").append(LanePalette.FILLS[i])
                    .append("; stroke-color: ").append(LanePalette.STROKES[i]).append("; }\n");
        }
        b.append("node.failed { fill-color: ").append(LanePalette.FAILED_FILL).append("; stroke-color: ")
                .append(LanePalette.FAILED_STROKE).append("; stroke-width: 2px; text-color: ")
                .append(LanePalette.FAILED_TEXT).append("; text-style: bold; }\n");
        // GraphStream's CSS has no selector lists: one rule per selected class.
        String selected = "; stroke-color: " + accent + "; stroke-width: 3px; }\n";
        b.append("node.failed").append(SELECTED).append(" { fill-color: ").append(LanePalette.FAILED_FILL)
                .append("; text-color: ").append(LanePalette.FAILED_TEXT).append("; text-style: bold").append(selected);
        for (int i = 0; i < LanePalette.size(); i++) {
            b.append("node.lane").append(i).append(SELECTED).append(" { fill-color: ").append(LanePalette.FILLS[i])
                    .append(selected);
        }
        b.append("node.replay { fill-color: ").append(LanePalette.REPLAY_FILL).append("; stroke-color: ")
                .append(LanePalette.REPLAY_STROKE).append("; stroke-mode: dashes; stroke-width: 2px; text-color: ")
                .append(LanePalette.REPLAY_TEXT).append("; text-style: italic; }\n");
        b.append("node.replay").append(SELECTED).append(" { fill-color: ").append(LanePalette.REPLAY_FILL)
                .append("; stroke-mode: dashes; text-style: italic; text-color: ").append(LanePalette.REPLAY_TEXT)
                .append(selected);
        b.append("edge.replay { fill-color: ").append(LanePalette.REPLAY_STROKE).append("; }\n");
        b.append("node.missing { fill-color: #eaeef2; stroke-color: #8c959f; stroke-mode: dashes; text-color: #57606a; }\n");
        b.append("edge { fill-color: ").append(line).append("; arrow-size: 8px, 4px; size: 1px; text-size: 10;"
                + visibility + " text-color: ").append(text).append("; text-background-mode: rounded-box; text-background-color: ")
                .append(background).append("; text-padding: 2px; }\n");
        b.append("edge.skew { fill-color: #cf222e; text-color: #cf222e; size: 2px; }\n");
        b.append("edge.missing { fill-mode: none; stroke-mode: dashes; stroke-width: 1px; stroke-color: #8c959f; }\n");
        // A second link (traceparent) next to the tree's edge: dashed, so it never reads as the cause.
        b.append("edge.link { fill-mode: none; stroke-mode: dashes; stroke-width: 1px; stroke-color: ")
                .append(LanePalette.REPLAY_STROKE).append("; text-color: ").append(LanePalette.REPLAY_STROKE).append("; }\n");
        return b.toString();
    }
}
