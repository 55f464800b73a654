package eventlens.app.replay;

import eventlens.app.Styles;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The script editor: a plain {@link TextArea} with a line-number gutter that scrolls with it and a
 * marker on the line of the last script error (see docs/decisions/0012-script-editor.md for why not
 * RichTextFX yet).
 */
final class ScriptEditor extends BorderPane {
    private final TextArea area = new TextArea();
    private final Text numbers = new Text();
    private final Region marker = new Region();
    private final Pane gutter = new Pane(marker, numbers);
    private final IntegerProperty errorLine;
    private final ChangeListener<Object> relayout = (obs, old, now) -> layoutGutter();
    private int lines = -1;

    ScriptEditor(StringProperty text, IntegerProperty errorLine) {
        this.errorLine = errorLine;
        getStyleClass().add(Styles.SCRIPT_EDITOR);
        area.setId("script-editor");
        area.getStyleClass().add(Styles.CODE);
        area.textProperty().bindBidirectional(text);
        numbers.getStyleClass().addAll(Styles.CODE, Styles.GUTTER_TEXT);
        marker.getStyleClass().add(Styles.ERROR_MARKER);
        marker.setManaged(false);
        gutter.getStyleClass().add(Styles.GUTTER);
        gutter.setMinWidth(44);
        gutter.setPrefWidth(44);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(gutter.widthProperty());
        clip.heightProperty().bind(gutter.heightProperty());
        gutter.setClip(clip);
        numbers.setManaged(false);
        setLeft(gutter);
        setCenter(area);
        area.textProperty().addListener(relayout);
        area.scrollTopProperty().addListener(relayout);
        errorLine.addListener(relayout);
        layoutGutter();
    }

    private void layoutGutter() {
        String t = area.getText() == null ? "" : area.getText();
        int count = (int) t.chars().filter(c -> c == '\n').count() + 1;
        if (count != lines) {
            lines = count;
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= count; i++) {
                b.append(String.format("%4d", i)).append('\n');
            }
            numbers.setText(b.toString());
        }
        double lineHeight = numbers.getLayoutBounds().getHeight() / (count + 1);
        double top = 5 - area.getScrollTop();
        numbers.setTextOrigin(javafx.geometry.VPos.TOP);
        numbers.relocate(4, top);
        int error = errorLine.get();
        marker.setVisible(error > 0 && error <= count);
        marker.resizeRelocate(0, top + (error - 1) * lineHeight, 44, lineHeight);
    }

    /** Puts the caret at the start of {@code line} (1-based), column {@code column} when known, and focuses the editor. */
    void moveCaretTo(int line, int column) {
        String t = area.getText();
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = t.indexOf('\n', offset) + 1;
            if (offset == 0) {
                offset = t.length();
                break;
            }
        }
        int end = t.indexOf('\n', offset);
        int lineEnd = end < 0 ? t.length() : end;
        area.positionCaret(Math.min(lineEnd, offset + Math.max(0, column - 1)));
        area.requestFocus();
    }

    TextArea area() {
        return area;
    }

    void dispose() {
        area.textProperty().removeListener(relayout);
        area.scrollTopProperty().removeListener(relayout);
        errorLine.removeListener(relayout);
        area.textProperty().unbind();
    }
}
