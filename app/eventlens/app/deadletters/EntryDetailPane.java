package eventlens.app.deadletters;

import eventlens.app.base.CodeText;
import eventlens.app.links.DetailField;
import eventlens.app.links.FieldLine;
import eventlens.app.links.IdHyperlink;
import eventlens.app.links.IdLink;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The selected dead letter: its ids as links (the failed event, its flow, cause and aggregate), then its error
 * and stack, causal path (each step a link, the failure in red), state at failure and message.
 */
final class EntryDetailPane extends BorderPane {
    private final EntryDetailViewModel detail;
    private final FieldLine fields;
    private final ListChangeListener<DetailField> refill = change -> fill();

    EntryDetailPane(DeadLettersViewModel model) {
        detail = model.detail();
        Label title = new Label();
        title.setId("dlq-entry-title");
        title.getStyleClass().add(DeadLetterStyles.DETAIL_TITLE);
        title.textProperty().bind(Bindings.when(detail.selectedProperty().isNull())
                .then("Select a dead letter").otherwise(detail.titleProperty()));
        title.setMinWidth(0);
        // Side by side: the pane shares the window's height with the groups and the dry run.
        fields = new FieldLine("dlq", detail::follow);
        fields.setId("dlq-entry-fields");
        detail.fields().addListener(refill);
        fill();
        VBox header = new VBox(4, title, fields);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 6, 4, 6));

        ListView<PathStep> path = new ListView<>(detail.path());
        path.setId("dlq-causal-path");
        path.getStyleClass().add(DeadLetterStyles.PATH_LIST);
        path.setPlaceholder(new Label("No causal path: the failed event is not in the log."));
        path.setCellFactory(list -> new PathCell(detail::follow));

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

    private void fill() {
        fields.show(detail.fields());
    }

    /** Stops following the entry's fields. */
    void dispose() {
        detail.fields().removeListener(refill);
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        return t;
    }

    private static TextArea code(String id, javafx.beans.value.ObservableValue<String> text) {
        return CodeText.bound(id, text);
    }

    /** A step of the path, indented by depth: its event id a link to it in its flow; the failed event in red. */
    private static final class PathCell extends ListCell<PathStep> {
        private final Consumer<IdLink> follow;

        PathCell(Consumer<IdLink> follow) {
            this.follow = follow;
        }

        @Override
        protected void updateItem(PathStep step, boolean empty) {
            super.updateItem(step, empty);
            getStyleClass().remove(DeadLetterStyles.PATH_FAILED);
            setText(null);
            if (empty || step == null) {
                setGraphic(null);
                return;
            }
            String mark = step.depth() == 0 ? "● " : "└ ";
            Label before = new Label("    ".repeat(step.depth()) + mark);
            IdHyperlink id = new IdHyperlink(step.event().id(), IdLink.event(step.event().id()), follow);
            Label after = new Label(step.text() + (step.failed() ? "   ✖ failed here" : ""));
            HBox line = new HBox(6, before, id, after);
            line.setAlignment(Pos.CENTER_LEFT);
            setGraphic(line);
            if (step.failed()) {
                getStyleClass().add(DeadLetterStyles.PATH_FAILED);
            }
        }
    }
}
