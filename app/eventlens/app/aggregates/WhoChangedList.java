package eventlens.app.aggregates;

import eventlens.app.base.Styles;
import eventlens.model.Event;
import eventlens.model.state.FieldChange;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The events that changed a field, one a line; a click moves the moment to that event. */
final class WhoChangedList extends ListView<FieldChange> {
    WhoChangedList(HistoryViewModel history) {
        setId("who-changed-list");
        getStyleClass().add(Styles.WHO_CHANGED);
        setPlaceholder(new Label("Right-click a field of the state: \"Who changed this?\""));
        setItems(history.whoChanged());
        setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(FieldChange item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : line(item));
            }
        });
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                history.moveToEvent(now.event());
            }
        });
    }

    static String line(FieldChange c) {
        Event e = c.event();
        return (e.version() == null ? "—" : "v" + e.version()) + "  " + (e.time() == null ? "" : e.time()) + "  "
                + e.type() + "  " + arrow(c);
    }

    private static String arrow(FieldChange c) {
        return switch (c.kind()) {
            case ADDED -> "set to " + StateRows.text(c.after());
            case REMOVED -> "removed (was " + StateRows.text(c.before()) + ")";
            case CHANGED -> StateRows.text(c.before()) + " → " + StateRows.text(c.after());
        };
    }
}
