package eventlens.app.replay;

import eventlens.replay.Breakpoint;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The breakpoint list: a kind, a pattern or expression, Add; select one and Remove. */
final class BreakpointsPane extends VBox {
    BreakpointsPane(ReplayViewModel model) {
        super(6);
        ChoiceBox<BreakpointKind> kind = new ChoiceBox<>();
        kind.getItems().setAll(BreakpointKind.values());
        kind.setValue(BreakpointKind.TYPE);
        kind.setId("breakpoint-kind");
        TextField text = new TextField();
        text.setId("breakpoint-text");
        text.setPromptText("order.* or event.data.total > 400");
        text.disableProperty().bind(kind.valueProperty().map(k -> !k.needsText()));
        Button add = new Button("Add");
        add.setId("breakpoint-add");
        Runnable adding = () -> {
            model.addBreakpoint(kind.getValue(), text.getText());
            text.clear();
        };
        add.setOnAction(e -> adding.run());
        text.setOnAction(e -> adding.run());

        ListView<Breakpoint> list = new ListView<>(model.breakpoints());
        list.setId("breakpoint-list");
        list.setPrefHeight(76);
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        list.setPlaceholder(new Label("No breakpoints"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Breakpoint item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : BreakpointKind.describe(item));
            }
        });
        Button remove = new Button("Remove");
        remove.setId("breakpoint-remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.removeBreakpoint(list.getSelectionModel().getSelectedItem()));
        setPadding(new javafx.geometry.Insets(6));
        getChildren().addAll(new HBox(6, kind, add), text, list, remove);
    }
}
