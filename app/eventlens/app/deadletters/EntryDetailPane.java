package eventlens.app.deadletters;

import eventlens.app.base.CodeText;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The selected dead letter: error and stack, message, causal path (failure in red), state at failure. */
final class EntryDetailPane extends BorderPane {
    EntryDetailPane(DeadLettersViewModel model) {
        EntryDetailViewModel detail = model.detail();
        Label title = new Label();
        title.setId("dlq-entry-title");
        title.getStyleClass().add(DeadLetterStyles.DETAIL_TITLE);
        title.textProperty().bind(Bindings.when(detail.selectedProperty().isNull())
                .then("Select a dead letter").otherwise(detail.titleProperty()));
        Button showFlow = new Button("Show flow");
        showFlow.setId("dlq-show-flow");
        showFlow.disableProperty().bind(detail.contextProperty().isNull());
        showFlow.setOnAction(e -> model.showFlowOfSelected());
        showFlow.setMinWidth(Region.USE_PREF_SIZE); // the long title gives way, not the button
        title.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, showFlow);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 6, 4, 6));

        ListView<PathStep> path = new ListView<>(detail.path());
        path.setId("dlq-causal-path");
        path.getStyleClass().add(DeadLetterStyles.PATH_LIST);
        path.setPlaceholder(new Label("No causal path: the failed event is not in the log."));
        path.setCellFactory(list -> new PathCell());

        TabPane tabs = new TabPane(
                tab("Error", code("dlq-error", detail.errorProperty())),
                tab("Causal path", path),
                tab("State at failure", code("dlq-state", detail.stateProperty())),
                tab("Message", code("dlq-message", detail.messageProperty())));
        tabs.setId("dlq-detail-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(header);
        setCenter(tabs);
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        return t;
    }

    private static TextArea code(String id, javafx.beans.value.ObservableValue<String> text) {
        return CodeText.bound(id, text);
    }

    /** A step of the path, indented by depth; the failed event in red. */
    private static final class PathCell extends ListCell<PathStep> {
        @Override
        protected void updateItem(PathStep step, boolean empty) {
            super.updateItem(step, empty);
            getStyleClass().remove(DeadLetterStyles.PATH_FAILED);
            if (empty || step == null) {
                setText(null);
                return;
            }
            String indent = "    ".repeat(step.depth());
            String mark = step.depth() == 0 ? "● " : "└ ";
            setText(indent + mark + step.text() + (step.failed() ? "   ✖ failed here" : ""));
            if (step.failed()) {
                getStyleClass().add(DeadLetterStyles.PATH_FAILED);
            }
        }
    }
}
