package eventlens.app.links;

import eventlens.app.base.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * A detail pane's fields, a name and a value a row; a value with a link is an {@link IdHyperlink} with the id
 * {@code PREFIX-link-NAME} (lower case), for tests. {@link FieldLine} shows the same fields in a short pane.
 * Fields with the same names and kinds as those shown (the next event of a type, the next replay step) are
 * shown in the same rows, their texts changed: making and styling a screenful of labels and links each time
 * was part of the frame that opened a flow or stepped a replay (decision 0060).
 */
public final class FieldGrid extends GridPane {
    private final String prefix;
    private final Consumer<IdLink> follow;
    private final List<Node> values = new ArrayList<>();
    private List<DetailField> shown = List.of();

    /** {@code prefix} starts the links' ids, e.g. {@code detail}. */
    public FieldGrid(String prefix, Consumer<IdLink> follow) {
        this.prefix = prefix;
        this.follow = follow;
        setHgap(12);
        setVgap(4);
    }

    /** Shows these fields in place of the previous ones. */
    public void show(List<DetailField> fields) {
        if (sameRows(shown, fields)) {
            for (int i = 0; i < fields.size(); i++) {
                update(values.get(i), fields.get(i));
            }
        } else {
            getChildren().clear();
            values.clear();
            int row = 0;
            for (DetailField f : fields) {
                Label name = new Label(f.name());
                name.getStyleClass().add(Styles.FIELD_NAME);
                Node value = value(f, prefix, follow);
                values.add(value);
                addRow(row++, name, value);
            }
        }
        shown = List.copyOf(fields);
    }

    /** True when {@code next} has the rows of {@code now}: the same names, each a link where it was one. */
    private static boolean sameRows(List<DetailField> now, List<DetailField> next) {
        if (now.size() != next.size() || now.isEmpty()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (!now.get(i).name().equals(next.get(i).name())
                    || (now.get(i).link() == null) != (next.get(i).link() == null)) {
                return false;
            }
        }
        return true;
    }

    private static void update(Node value, DetailField f) {
        if (value instanceof IdHyperlink link) {
            link.show(f.value(), f.link());
        } else if (value instanceof Label label) {
            label.setText(f.value());
            if (f.warning() && !label.getStyleClass().contains(Styles.WARNING)) {
                label.getStyleClass().add(Styles.WARNING);
            } else if (!f.warning()) {
                label.getStyleClass().remove(Styles.WARNING);
            }
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
