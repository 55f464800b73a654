package eventlens.app.schemas;

import eventlens.app.base.Styles;
import eventlens.app.table.TableColumns;
import eventlens.model.schema.DriftChange;
import eventlens.model.schema.EventRef;
import eventlens.model.schema.TypeSchema;
import eventlens.model.store.SchemasTable;
import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Subscription;

/**
 * Types with their counts and versions on the left; on the right the selected type's inferred schema as a tree
 * with presence bars, and below it the drift timeline and the failures of the last validation. A change or a
 * failure opens its event in the Events view (double-click, Enter, or the buttons).
 */
public final class SchemasView extends BorderPane {
    private final SchemasViewModel model;
    private Subscription subscriptions = Subscription.EMPTY;

    public SchemasView(SchemasViewModel model) {
        this.model = model;
        getStyleClass().add("schemas-view");
        setTop(bar());
        SplitPane right = new SplitPane(fieldTree(), lower());
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.5);
        SplitPane split = new SplitPane(typeTable(), right);
        split.setDividerPositions(0.32);
        setCenter(split);
    }

    private HBox bar() {
        Label title = new Label("Schemas");
        title.getStyleClass().add(Styles.VIEW_TITLE);
        Label message = new Label();
        message.setId("schemas-message");
        message.getStyleClass().add(Styles.SUMMARY);
        message.textProperty().bind(model.messageProperty());
        message.setMinWidth(0);
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(140);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button validate = new Button("Validate against a folder…");
        validate.setId("schemas-validate");
        validate.setMinWidth(Region.USE_PREF_SIZE);
        validate.disableProperty().bind(model.busyProperty());
        validate.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder of JSON Schema files (TYPE.json, TYPE.vN.json)");
            File folder = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (folder != null) {
                model.validate(folder.toPath());
            }
        });
        HBox bar = new HBox(10, title, message, progress, spacer, validate);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.FILTER_BAR);
        return bar;
    }

    private TableView<TypeSchema> typeTable() {
        TableView<TypeSchema> types = new TableView<>(model.types());
        types.setId("schemas-types");
        Label empty = new Label();
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(model.busyProperty())
                .then("Inferring the schemas…").otherwise("No events yet."));
        types.setPlaceholder(empty);
        types.getColumns().add(TableColumns.text("Type", TypeSchema::label, true));
        types.getColumns().add(TableColumns.number("Events", TypeSchema::events, true));
        types.getColumns().add(TableColumns.number("Shapes", s -> (long) s.shapes().size(), true));
        types.getColumns().getFirst().setMinWidth(90);
        // The counts keep room for their headers ("Ev…", "Sh…" at 1024 wide): the pane is never narrower
        // than the three columns' minimums and a scroll bar; a cut type name shows whole on hover.
        for (int i = 1; i < types.getColumns().size(); i++) {
            types.getColumns().get(i).setMinWidth(80);
            types.getColumns().get(i).setMaxWidth(80);
        }
        types.setMinWidth(90 + 80 + 80 + 24);
        types.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        types.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != model.selectedProperty().get()) {
                model.select(now);
            }
        });
        subscriptions = subscriptions.and(model.selectedProperty().subscribe(now -> {
            if (types.getSelectionModel().getSelectedItem() != now) {
                if (now == null) {
                    types.getSelectionModel().clearSelection();
                } else {
                    types.getSelectionModel().select(now);
                }
            }
        }));
        return types;
    }

    private VBox fieldTree() {
        TreeTableView<FieldRow> tree = new TreeTableView<>();
        tree.setId("schemas-fields");
        tree.setShowRoot(true);
        tree.setPlaceholder(new Label("Select a type to see its inferred schema."));
        tree.getColumns().add(treeText("Field", r -> r.field().name(), 170));
        tree.getColumns().add(treeText("Types", FieldRow::types, 110));
        TreeTableColumn<FieldRow, FieldRow> present = new TreeTableColumn<>("Present");
        present.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        present.setCellFactory(c -> new PresenceCell());
        present.setPrefWidth(125);
        present.setMinWidth(110);
        tree.getColumns().add(present);
        tree.getColumns().add(treeText("Format and values", FieldRow::values, 360));
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        subscriptions = subscriptions.and(model.fieldsProperty().subscribe(root -> tree.setRoot(root == null ? null : item(root))));
        Label title = new Label();
        title.getStyleClass().add(Styles.SUMMARY);
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            TypeSchema s = model.selectedProperty().get();
            return s == null ? "Inferred schema" : "Inferred schema of " + s.label() + ": " + s.events() + " events, "
                    + s.shapes().size() + (s.shapes().size() == 1 ? " shape" : " shapes")
                    + (s.otherShapeEvents() > 0 ? " (" + s.otherShapeEvents() + " events of further shapes not shaped)" : "");
        }, model.selectedProperty()));
        VBox.setVgrow(tree, Priority.ALWAYS);
        return new VBox(4, title, tree);
    }

    private static TreeItem<FieldRow> item(FieldRow row) {
        TreeItem<FieldRow> item = new TreeItem<>(row);
        for (FieldRow child : row.children()) {
            item.getChildren().add(item(child));
        }
        item.setExpanded(true);
        return item;
    }

    private TabPane lower() {
        TableView<DriftChange> drift = new TableView<>(model.drift());
        drift.setId("schemas-drift");
        drift.setPlaceholder(new Label("No change of shape."));
        TableColumn<DriftChange, String> type = TableColumns.text("Type", c -> c.version() == null ? c.type()
                : c.type() + "@" + c.version(), true);
        // With a type selected only its changes list: its name would only repeat.
        type.visibleProperty().bind(model.selectedProperty().isNull());
        drift.getColumns().add(type);
        drift.getColumns().add(TableColumns.text("Change", c -> c.kind().words() + (c.across() ? " (version)" : ""), true));
        drift.getColumns().add(TableColumns.text("Field", c -> c.path().isEmpty() ? "(shape)" : c.path(), true));
        drift.getColumns().add(TableColumns.number("Events", DriftChange::events, true));
        drift.getColumns().add(TableColumns.text("First", c -> ref(c.first()), false));
        drift.getColumns().add(TableColumns.text("Detail", DriftChange::detail, false));
        drift.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label detail = new Label();
        detail.setId("schemas-drift-detail");
        detail.getStyleClass().add(Styles.SUMMARY);
        detail.setWrapText(true);
        detail.textProperty().bind(Bindings.createStringBinding(() -> {
            DriftChange c = drift.getSelectionModel().getSelectedItem();
            return c == null ? "Select a change; double-click or Enter opens its first event."
                    : (c.path().isEmpty() ? "Stray shape" : c.path() + " " + c.kind().words()) + ": " + c.detail()
                    + " — first " + ref(c.first()) + ", last " + ref(c.last());
        }, drift.getSelectionModel().selectedItemProperty()));
        Button first = new Button("Open first event");
        first.setId("schemas-open-first");
        Button last = new Button("Open last event");
        last.setId("schemas-open-last");
        first.disableProperty().bind(drift.getSelectionModel().selectedItemProperty().isNull());
        last.disableProperty().bind(first.disableProperty());
        first.setOnAction(e -> model.openEvent(drift.getSelectionModel().getSelectedItem().first()));
        last.setOnAction(e -> model.openEvent(drift.getSelectionModel().getSelectedItem().last()));
        onOpen(drift, () -> {
            DriftChange c = drift.getSelectionModel().getSelectedItem();
            if (c != null) {
                model.openEvent(c.first());
            }
        });
        VBox.setVgrow(drift, Priority.ALWAYS);
        VBox driftBox = new VBox(4, drift, detail, new HBox(8, first, last));

        TableView<SchemasTable.Failure> failures = new TableView<>(model.failures());
        failures.setId("schemas-failures");
        failures.setPlaceholder(new Label("Validate against a folder of JSON Schema files to list invalid events."));
        failures.getColumns().add(TableColumns.number("Position", SchemasTable.Failure::position, true));
        failures.getColumns().add(TableColumns.text("Event", SchemasTable.Failure::eventId, true));
        failures.getColumns().add(TableColumns.text("Type", f -> f.version() == null ? f.type() : f.type() + "@" + f.version(), true));
        failures.getColumns().add(TableColumns.text("Schema file", SchemasTable.Failure::schemaFile, true));
        failures.getColumns().add(TableColumns.text("Rule", SchemasTable.Failure::rule, true));
        failures.getColumns().add(TableColumns.text("Where", SchemasTable.Failure::path, false));
        failures.getColumns().add(TableColumns.text("Message", SchemasTable.Failure::message, false));
        failures.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        onOpen(failures, () -> model.openEvent(failures.getSelectionModel().getSelectedItem()));
        Label summary = new Label();
        summary.setId("schemas-validation");
        summary.getStyleClass().add(Styles.SUMMARY);
        summary.textProperty().bind(model.validationProperty());
        VBox.setVgrow(failures, Priority.ALWAYS);
        VBox failureBox = new VBox(4, summary, failures);

        Tab driftTab = new Tab("Drift", driftBox);
        Tab invalidTab = new Tab("Invalid events", failureBox);
        for (Tab t : new Tab[] {driftTab, invalidTab}) {
            t.setClosable(false);
        }
        TabPane tabs = new TabPane(driftTab, invalidTab);
        tabs.setId("schemas-tabs");
        return tabs;
    }

    /** Double-click or Enter on a row opens its event. */
    private static void onOpen(TableView<?> table, Runnable open) {
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                open.run();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.run();
            }
        });
    }

    private static String ref(EventRef r) {
        return r == null ? "" : "#" + r.position() + " " + r.id();
    }

    private static TreeTableColumn<FieldRow, String> treeText(String title, Function<FieldRow, String> value, double width) {
        TreeTableColumn<FieldRow, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null || cell.getValue().getValue() == null
                ? null : value.apply(cell.getValue().getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A presence bar with the share in words. */
    private static final class PresenceCell extends TreeTableCell<FieldRow, FieldRow> {
        private final ProgressBar bar = new ProgressBar();
        private final Label text = new Label();
        private final HBox box = new HBox(6, bar, text);

        PresenceCell() {
            bar.setPrefWidth(44);
            bar.setMinWidth(44);
            bar.getStyleClass().add("presence-bar");
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(FieldRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bar.setProgress(row.presence());
            text.setText(row.presence() >= 1 ? "100 %" : String.format("%.0f %%", Math.floor(100 * row.presence())));
            setGraphic(box);
        }
    }

    /** Removes what this view observes on its view model. */
    public void dispose() {
        subscriptions.unsubscribe();
    }
}
