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
 * {@code PREFIX-link-NAME} (lower case), for tests. {@link FieldLine} shows the same fields in a short pane.
 */
public final class FieldGrid extends GridPane {
    private final String prefix;
    private final Consumer<IdLink> follow;

    /** {@code prefix} starts the links' ids, e.g. {@code detail}. */
    public FieldGrid(String prefix, Consumer<IdLink> follow) {
        this.prefix = prefix;
        this.follow = follow;
        setHgap(12);
        setVgap(4);
    }

    /** Shows these fields in place of the previous ones. */
    public void show(List<DetailField> fields) {
        getChildren().clear();
        int row = 0;
        for (DetailField f : fields) {
            Label name = new Label(f.name());
            name.getStyleClass().add(Styles.FIELD_NAME);
            addRow(row++, name, value(f, prefix, follow));
        }
    }

    /** A field's value: a link with the id {@code PREFIX-link-NAME} when it has one, else a label that wraps. */
    static Node value(DetailField f, String prefix, Consumer<IdLink> follow) {
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
