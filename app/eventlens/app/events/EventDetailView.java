package eventlens.app.events;

import eventlens.app.base.CodeText;
import eventlens.app.base.Styles;
import eventlens.app.links.DetailField;
import eventlens.app.links.FieldGrid;
import eventlens.app.links.IdHyperlink;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.value.ObservableStringValue;

/** The selected event: its fields, then Data, Metadata and Raw tabs. */
public final class EventDetailView extends StackPane {
    private final EventDetailViewModel model;
    private final FieldGrid grid;
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

        grid = new FieldGrid("detail", model::follow);
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
        getChildren().addAll(none, scroll, IdHyperlink.warmUp());
    }

    private void fillGrid() {
        grid.show(model.fields());
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
