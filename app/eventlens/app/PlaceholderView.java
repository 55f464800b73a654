package eventlens.app;

import eventlens.app.base.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Stands in for a view still to come: says what it will show, so the navigator entry looks intended. */
final class PlaceholderView extends VBox {
    PlaceholderView(Section section) {
        super(10);
        getStyleClass().add(Styles.PLACEHOLDER);
        setAlignment(Pos.CENTER);
        Label title = new Label(section.title());
        title.getStyleClass().add(Styles.PLACEHOLDER_TITLE);
        Label promise = new Label(section.promise());
        promise.setWrapText(true);
        Label coming = new Label("Coming in a later version of EventLens.");
        coming.getStyleClass().add(Styles.MUTED);
        getChildren().addAll(title, promise, coming);
    }
}
