package eventlens.app.links;

import eventlens.app.base.Styles;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * A detail pane's fields, a name and a value a row; a value with a link is an {@link IdHyperlink} with the id
 * {@code PREFIX-link-NAME} (lower case), for tests and the real-window check.
 */
public final class FieldGrid extends GridPane {
    private final String prefix;
    private final Consumer<IdLink> follow;
    private final int perRow;

    /** One field a row; {@code prefix} starts the links' ids, e.g. {@code detail} or {@code dlq}. */
    public FieldGrid(String prefix, Consumer<IdLink> follow) {
        this(prefix, follow, 1);
    }

    /** {@code perRow} fields side by side a row (a short pane). */
    public FieldGrid(String prefix, Consumer<IdLink> follow, int perRow) {
        this.prefix = prefix;
        this.follow = follow;
        this.perRow = perRow;
        setHgap(12);
        setVgap(4);
    }

    /** Shows these fields in place of the previous ones. */
    public void show(List<DetailField> fields) {
        getChildren().clear();
        for (int i = 0; i < fields.size(); i++) {
            DetailField f = fields.get(i);
            Label name = new Label(f.name());
            name.getStyleClass().add(Styles.FIELD_NAME);
            int column = 2 * (i % perRow);
            add(name, column, i / perRow);
            add(value(f), column + 1, i / perRow);
        }
    }

    private Node value(DetailField f) {
        if (f.link() != null) {
            IdHyperlink link = new IdHyperlink(f.value(), f.link(), follow);
            link.setId(prefix + "-link-" + f.name().toLowerCase(Locale.ROOT).replace(' ', '-'));
            return link;
        }
        Label value = new Label(f.value());
        value.getStyleClass().add(Styles.FIELD_VALUE);
        if (f.warning()) {
            value.getStyleClass().add(Styles.WARNING);
        }
        value.setWrapText(true);
        return value;
    }
}
