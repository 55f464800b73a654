package eventlens.app.base;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextArea;

/** Read-only text in the code style (JSON payloads, raw records, stacks): selectable, never editable. */
public final class CodeText {
    private CodeText() {
    }

    /** A code area showing {@code text}. */
    public static TextArea of(String text) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.getStyleClass().add(Styles.CODE);
        return area;
    }

    /** A code area that follows {@code text}. */
    public static TextArea bound(String id, ObservableValue<String> text) {
        TextArea area = of("");
        area.setId(id);
        area.textProperty().bind(text);
        return area;
    }
}
