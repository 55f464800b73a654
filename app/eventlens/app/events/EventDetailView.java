package eventlens.app.events;

import eventlens.app.base.CodeText;
import eventlens.app.base.Styles;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.value.ObservableStringValue;

/** The selected event: its fields, then Data, Metadata and Raw tabs. */
public final class EventDetailView extends StackPane {
    private final EventDetailViewModel model;
    private final GridPane grid = new GridPane();
    private final ListChangeListener<DetailField> refill = change -> fillGrid();
    private final HBox copiesBox = new HBox(8);
    private final Tab copiesTab = new Tab("Copies", copiesBox);
    private final TabPane tabs = new TabPane();
    private final ListChangeListener<EventDetailViewModel.Copy> refillCopies = change -> fillCopies();

    public EventDetailView(EventDetailViewModel model) {
        this.model = model;
        getStyleClass().add(Styles.DETAIL);
        setId("event-detail");

        Label title = new Label();
        title.getStyleClass().add(Styles.DETAIL_TITLE);
        title.textProperty().bind(model.titleProperty());
        Button copy = new Button("Copy as JSON");
        copy.setId("copy-json");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.copyText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, copy);

        grid.setHgap(12);
        grid.setVgap(4);
        model.fields().addListener(refill);
        fillGrid();

        copiesTab.setId("detail-copies-tab");
        tabs.getTabs().setAll(tab("Data", model.dataProperty()), tab("Metadata", model.metadataProperty()),
                tab("Raw", model.rawProperty()));
        model.copies().addListener(refillCopies);
        fillCopies();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox content = new VBox(10, header, grid, tabs);
        // In a short pane (the Replay view's inspector) the payload keeps a readable height and the pane
        // scrolls, instead of the fields squeezing the payload to nothing.
        tabs.setMinHeight(150);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.visibleProperty().bind(model.emptyProperty().not());

        Label none = new Label("Select an event to see its fields and payload.");
        none.getStyleClass().add(Styles.MUTED);
        none.visibleProperty().bind(model.emptyProperty());
        // An unseen link, styled with the view (when the window warms its views up): the first event shown
        // then does not pay for the first Hyperlink's skin and style sheet matching.
        javafx.scene.control.Hyperlink warm = new javafx.scene.control.Hyperlink("warm-up");
        warm.getStyleClass().addAll(Styles.FIELD_VALUE, "detail-link");
        warm.setVisible(false);
        warm.setManaged(false);
        getChildren().addAll(none, scroll, warm);
    }

    private void fillGrid() {
        grid.getChildren().clear();
        int row = 0;
        for (DetailField f : model.fields()) {
            Label name = new Label(f.name());
            name.getStyleClass().add(Styles.FIELD_NAME);
            grid.addRow(row++, name, f.link() == null ? plain(f) : link(f));
        }
    }

    private static Label plain(DetailField f) {
        Label value = new Label(f.value());
        value.getStyleClass().add(Styles.FIELD_VALUE);
        if (f.warning()) {
            value.getStyleClass().add(Styles.WARNING);
        }
        value.setWrapText(true);
        return value;
    }

    /** An id as a link: a click goes to its view (Alt+Left comes back). */
    private javafx.scene.control.Hyperlink link(DetailField f) {
        javafx.scene.control.Hyperlink value = new javafx.scene.control.Hyperlink(f.value());
        value.getStyleClass().addAll(Styles.FIELD_VALUE, "detail-link");
        value.setId("detail-link-" + f.name().toLowerCase(java.util.Locale.ROOT));
        value.setWrapText(true);
        value.setTooltip(new javafx.scene.control.Tooltip(switch (f.link().kind()) {
            case EVENT -> "Show this event in its flow";
            case FLOW -> "Show this flow";
            case AGGREGATE -> "Show this aggregate's history";
            case EFFECTS -> "Show the events it caused (cause:" + f.link().id() + ")";
        } + " · Alt+Left comes back"));
        value.setOnAction(e -> {
            value.setVisited(false);
            model.follow(f.link());
        });
        return value;
    }

    /** Extra deliveries side by side, in a tab shown only when there are any. */
    private void fillCopies() {
        copiesBox.getChildren().clear();
        copiesBox.setId("detail-copies");
        for (EventDetailViewModel.Copy copy : model.copies()) {
            Label label = new Label(copy.label());
            label.getStyleClass().add(copy.differs() ? Styles.WARNING : Styles.MUTED);
            TextArea text = CodeText.of(eventlens.model.Json.pretty(copy.raw()));
            VBox.setVgrow(text, Priority.ALWAYS);
            VBox column = new VBox(4, label, text);
            HBox.setHgrow(column, Priority.ALWAYS);
            copiesBox.getChildren().add(column);
        }
        if (model.copies().isEmpty()) {
            tabs.getTabs().remove(copiesTab);
        } else if (!tabs.getTabs().contains(copiesTab)) {
            tabs.getTabs().add(copiesTab);
        }
    }

    /** Stops following the view model's fields. */
    public void dispose() {
        model.fields().removeListener(refill);
        model.copies().removeListener(refillCopies);
    }

    private static Tab tab(String name, ObservableStringValue text) {
        return new Tab(name, CodeText.bound("detail-" + name.toLowerCase(), text));
    }
}
