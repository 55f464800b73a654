package eventlens.app.flows;

import eventlens.model.flow.export.DotExport;
import eventlens.model.flow.export.FlowJson;
import eventlens.model.flow.export.MermaidExport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** The text formats a flow exports to (the model's exporters), and the PNG writer of a graph snapshot. */
public enum FlowExport {
    MERMAID("Mermaid", "mmd"),
    DOT("DOT (Graphviz)", "dot"),
    JSON("JSON", "json");

    private final String title;
    private final String extension;

    FlowExport(String title, String extension) {
        this.title = title;
        this.extension = extension;
    }

    public String title() {
        return title;
    }

    public String extension() {
        return extension;
    }

    /** The text of a flow: Mermaid and DOT of the collapsed view (readable at any size), JSON of every event. */
    String render(LoadedFlow flow) {
        return switch (this) {
            case MERMAID -> MermaidExport.render(flow.collapsed());
            case DOT -> DotExport.render(flow.collapsed());
            case JSON -> FlowJson.write(flow.graph()) + "\n";
        };
    }

    void write(LoadedFlow flow, Path file) throws IOException {
        Files.writeString(file, render(flow), StandardCharsets.UTF_8);
    }

    /** Pixels of a snapshot, copied out of a JavaFX image on the FX thread (ARGB, row by row). */
    public record Pixels(int width, int height, int[] argb) {
        public Pixels {
            if (width <= 0 || height <= 0 || argb.length != width * height) {
                throw new IllegalArgumentException("not a " + width + "×" + height + " image");
            }
            argb = argb.clone();
        }

        /** Writes a PNG with javax.imageio (no javafx-swing needed). */
        void writePng(Path file) throws IOException {
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            out.setRGB(0, 0, width, height, argb, 0, width);
            if (!ImageIO.write(out, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        }
    }
}
