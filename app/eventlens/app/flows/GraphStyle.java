package eventlens.app.flows;

/** The GraphStream stylesheet of the flow graph, in the colours of the current theme. */
final class GraphStyle {
    private String background = "#ffffff";
    private String line = "#8c959f";
    private String text = "#656d76";
    private String accent = "#0969da";

    /** Sets the theme's colours; true when one changed. */
    boolean set(String bg, String ln, String tx, String ac) {
        boolean changed = !(bg.equals(background) && ln.equals(line) && tx.equals(text) && ac.equals(accent));
        background = bg;
        line = ln;
        text = tx;
        accent = ac;
        return changed;
    }

    String css() {
        StringBuilder b = new StringBuilder();
        b.append("graph { fill-color: ").append(background).append("; padding: 70px, 40px; }\n");
        b.append("node { shape: rounded-box; size-mode: fit; padding: 8px, 5px; stroke-mode: plain; stroke-width: 1px;"
                + " text-size: 12; text-alignment: center; text-color: ").append(LanePalette.TEXT).append("; }\n");
        for (int i = 0; i < LanePalette.size(); i++) {
            b.append("node.lane").append(i).append(" { fill-color: ").append(LanePalette.FILLS[i])
                    .append("; stroke-color: ").append(LanePalette.STROKES[i]).append("; }\n");
        }
        b.append("node.group { stroke-width: 2px; text-style: italic; }\n");
        b.append("node.failed { fill-color: ").append(LanePalette.FAILED_FILL).append("; stroke-color: ")
                .append(LanePalette.FAILED_STROKE).append("; stroke-width: 2px; text-color: ")
                .append(LanePalette.FAILED_TEXT).append("; text-style: bold; }\n");
        b.append("node.missing { fill-color: #eaeef2; stroke-color: #8c959f; stroke-mode: dashes; text-color: #57606a; }\n");
        b.append("node.selected { stroke-color: ").append(accent).append("; stroke-width: 3px; }\n");
        b.append("edge { fill-color: ").append(line).append("; arrow-size: 8px, 4px; size: 1px; text-size: 10;"
                + " text-color: ").append(text).append("; text-background-mode: rounded-box; text-background-color: ")
                .append(background).append("; text-padding: 2px; }\n");
        b.append("edge.skew { fill-color: #cf222e; text-color: #cf222e; size: 2px; }\n");
        b.append("edge.missing { fill-color: #8c959f; stroke-mode: dashes; stroke-color: #8c959f; fill-mode: none; }\n");
        return b.toString();
    }
}
