package eventlens.app.events;

import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.TextFieldSkin;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.util.Subscription;

/**
 * A red underline under the characters of a filter field where its query stopped making sense (the
 * error's column and span), laid over
 * the field (put both in one StackPane). It shows while the field holds the text that was rejected and
 * follows the field's scrolling; typing hides it until the next Enter.
 */
final class ErrorMark extends Pane {
    /** CSS class of the underline. */
    static final String STYLE = "query-error-mark";
    private final TextField field;
    private final ObservableIntegerValue column;
    private final ObservableIntegerValue length;
    private final Region line = new Region();
    private final Subscription subscriptions;
    private String rejected;

    ErrorMark(TextField field, ObservableIntegerValue column, ObservableIntegerValue length) {
        this.field = field;
        this.column = column;
        this.length = length;
        setMouseTransparent(true);
        setManaged(true);
        line.getStyleClass().add(STYLE);
        line.setManaged(false);
        line.setVisible(false);
        getChildren().add(line);
        subscriptions = Subscription.combine(
                column.subscribe(c -> {
                    rejected = c.intValue() > 0 ? field.getText() : null;
                    if (c.intValue() > 0) {
                        field.requestFocus();
                        field.positionCaret(Math.min(c.intValue() - 1, field.getLength()));
                    }
                    requestLayout();
                }),
                field.textProperty().subscribe(t -> requestLayout()),
                field.caretPositionProperty().subscribe(p -> requestLayout()),
                field.widthProperty().subscribe(w -> requestLayout()));
    }

    @Override
    protected void layoutChildren() {
        int index = column.get() - 1;
        boolean show = index >= 0 && rejected != null && rejected.equals(field.getText())
                && field.getSkin() instanceof TextFieldSkin;
        if (show) {
            TextFieldSkin skin = (TextFieldSkin) field.getSkin();
            Rectangle2D at = skin.getCharacterBounds(Math.min(index, field.getLength()));
            int last = Math.min(index + Math.max(1, length.get()) - 1, field.getLength() - 1);
            double end = last > index ? skin.getCharacterBounds(last).getMaxX() : at.getMaxX();
            double width = Math.max(end - at.getMinX(), 7);
            double left = field.snappedLeftInset();
            double right = field.getWidth() - field.snappedRightInset();
            // Scrolled out of sight: no mark rather than one at the wrong place.
            show = at.getMinX() >= left - 1 && at.getMinX() + width <= right + 1;
            line.resizeRelocate(at.getMinX(), at.getMaxY() + 1, width, 2);
        }
        line.setVisible(show);
    }

    void dispose() {
        subscriptions.unsubscribe();
    }
}
