package eventlens.app.links;

import eventlens.app.base.Styles;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * Fields side by side, each a muted name and its value (a link as in {@link FieldGrid}), wrapping as whole
 * pairs: for the ids of a short pane (a dead letter, a divergence), where a grid of wrapped ids would take
 * the height the content below needs.
 */
public final class FieldLine extends FlowPane {
    private final String prefix;
    private final Consumer<IdLink> follow;

    /** {@code prefix} starts the links' ids, e.g. {@code dlq}. */
    public FieldLine(String prefix, Consumer<IdLink> follow) {
        super(14, 2);
        this.prefix = prefix;
        this.follow = follow;
    }

    /** Shows these fields in place of the previous ones. */
    public void show(List<DetailField> fields) {
        getChildren().clear();
        for (DetailField f : fields) {
            Label name = new Label(f.name());
            name.getStyleClass().add(Styles.MUTED);
            Node value = FieldGrid.value(f, prefix, follow);
            if (value instanceof Labeled labeled) {
                labeled.setWrapText(false); // the pair wraps, not the id
            }
            HBox pair = new HBox(5, name, value);
            pair.setAlignment(Pos.BASELINE_LEFT);
            getChildren().add(pair);
        }
    }
}
