package eventlens.app.deadletters;

import eventlens.app.base.Styles;
import eventlens.app.table.ColumnFit;
import eventlens.model.DeadLetter;
import eventlens.model.deadletter.DeadLetterGroup;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The Dead letters view: filters; failure groups with a sparkline of failures over time; the entries
 * of the selected group; the selected entry's error, causal path, state at failure and message; and
 * dry-run retries with their outcomes and the export of those that would now succeed.
 */
public final class DeadLettersView extends BorderPane {
    private Subscription subscriptions = Subscription.EMPTY;
    private final EntryDetailPane entryPane;

    public DeadLettersView(DeadLettersViewModel model) {
        getStyleClass().add(DeadLetterStyles.VIEW);
        getStylesheets().add(DeadLettersView.class.getResource(DeadLetterStyles.STYLESHEET).toExternalForm());
        TableView<GroupRow> groups = groupsTable(model);
        TableView<DeadLetter> entries = entriesTable(model);
        subscriptions = subscriptions.and(groups.getSelectionModel().selectedItemProperty().subscribe(model::selectGroup))
                .and(entries.getSelectionModel().selectedItemProperty().subscribe(model::selectEntry))
                // A dead letter shown by a link, Back or --select: the tables follow the view model.
                .and(model.selectedGroupProperty().subscribe(row -> follow(groups, row)))
                .and(model.detail().selectedProperty().subscribe(d -> follow(entries, d)));

        Label entriesText = new Label();
        entriesText.getStyleClass().add(Styles.MUTED);
        entriesText.textProperty().bind(model.entriesTextProperty());
        Button previous = new Button("‹");
        previous.disableProperty().bind(model.hasPreviousProperty().not());
        previous.setOnAction(e -> model.previousPage());
        Button next = new Button("›");
        next.setId("dlq-entries-next");
        next.disableProperty().bind(model.hasNextProperty().not());
        next.setOnAction(e -> model.nextPage());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox entriesBar = new HBox(6, new Label("Entries"), entriesText, spacer, previous, next);
        entriesBar.setAlignment(Pos.CENTER_LEFT);
        VBox entriesBox = new VBox(2, entriesBar, entries);
        VBox.setVgrow(entries, Priority.ALWAYS);

        entryPane = new EntryDetailPane(model);
        SplitPane entrySplit = new SplitPane(entriesBox, entryPane);
        // Half and half: at 1024 pixels the entries' four columns need about 400 to show whole headers.
        entrySplit.setDividerPositions(0.5);
        SplitPane main = new SplitPane(groups, entrySplit, new DryRunPane(model));
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.25, 0.66);
        setTop(filterBar(model));
        setCenter(main);
    }

    private static VBox filterBar(DeadLettersViewModel model) {
        Label title = new Label("Dead letters");
        title.getStyleClass().add(Styles.VIEW_TITLE);
        Label summary = new Label();
        summary.setId("dlq-summary");
        summary.getStyleClass().add(Styles.MUTED);
        summary.textProperty().bind(model.summaryProperty());
        TextField queue = field("dlq-filter-queue", "queue", model.queueProperty(), model);
        TextField handler = field("dlq-filter-handler", "handler", model.handlerProperty(), model);
        TextField type = field("dlq-filter-type", "event type", model.eventTypeProperty(), model);
        TextField error = field("dlq-filter-error", "error text", model.errorTextProperty(), model);
        TextField from = field("dlq-filter-from", "after", model.fromProperty(), model);
        TextField to = field("dlq-filter-to", "before", model.toProperty(), model);
        for (TextField time : new TextField[] {from, to}) {
            time.setTooltip(new javafx.scene.control.Tooltip("An ISO time, e.g. 2024-01-15T10:30:00Z"));
        }
        Button apply = new Button("Filter");
        apply.setOnAction(e -> model.applyFilter());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> model.clearFilter());
        Label filterError = new Label();
        filterError.getStyleClass().add(Styles.FILTER_ERROR);
        filterError.textProperty().bind(model.filterErrorProperty());
        HBox top = new HBox(10, title, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox filters = new HBox(6, queue, handler, type, error, from, to, apply, clear, filterError);
        filters.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, top, filters);
        bar.getStyleClass().add(Styles.FILTER_BAR);
        return bar;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value,
                                   DeadLettersViewModel model) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(prompt.length() > 10 ? 13 : 10);
        f.getStyleClass().add(Styles.FILTER_FIELD);
        f.textProperty().bindBidirectional(value);
        f.setOnAction(e -> model.applyFilter());
        return f;
    }

    private static TableView<GroupRow> groupsTable(DeadLettersViewModel model) {
        TableView<GroupRow> table = new TableView<>(model.groups());
        table.setId("dlq-groups");
        table.setPlaceholder(new Label("No dead letters."));
        table.getColumns().add(Columns.number("Count", r -> (long) r.group().count()));
        table.getColumns().add(sparklineColumn());
        table.getColumns().add(Columns.text("Failure", r -> error(r.group())));
        table.getColumns().add(Columns.text("Handlers", r -> Columns.list(r.group().handlers())));
        table.getColumns().add(Columns.text("Event types", r -> Columns.list(r.group().eventTypes())));
        table.getColumns().add(Columns.text("Queues", r -> Columns.list(r.group().queues())));
        table.getColumns().add(Columns.time("First failure", r -> r.group().firstFailure()));
        table.getColumns().add(Columns.time("Last failure", r -> r.group().lastFailure()));
        table.getColumns().add(Columns.text("Fingerprint", r -> r.group().fingerprint()));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.onFirstFill(table);
        return table;
    }

    private static TableColumn<GroupRow, GroupRow> sparklineColumn() {
        // Short header: the sparkline needs ~100 px, a longer title would widen it for nothing.
        TableColumn<GroupRow, GroupRow> c = new TableColumn<>("Over time");
        c.setPrefWidth(110);
        c.setMaxWidth(140);
        ColumnFit.drawn(c);

        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Sparkline line = new Sparkline();

            @Override
            protected void updateItem(GroupRow row, boolean empty) {
                super.updateItem(row, empty);
                line.setValues(empty || row == null ? null : row.buckets());
                setGraphic(empty || row == null ? null : line);
            }
        });
        return c;
    }

    private static TableView<DeadLetter> entriesTable(DeadLettersViewModel model) {
        TableView<DeadLetter> table = new TableView<>(model.entries());
        table.setId("dlq-entries");
        table.setPlaceholder(new Label("Select a group."));
        table.getColumns().add(Columns.time("Failed", d -> d.lastFailure() != null ? d.lastFailure() : d.firstFailure()));
        table.getColumns().add(Columns.text("Event", DeadLetter::eventId));
        table.getColumns().add(Columns.text("Message", d -> d.message() != null ? d.message() : d.reason()));
        table.getColumns().add(Columns.number("Tries", d -> d.attempts() == null ? null : d.attempts().longValue()));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.onFirstFill(table);
        return table;
    }

    private static String error(DeadLetterGroup g) {
        return g.errorType() == null ? g.sampleMessage() : g.errorType() + ": " + g.sampleMessage();
    }

    /** Selects {@code item} in {@code table} when the view model chose it (a row the table does not show: none). */
    private static <T> void follow(TableView<T> table, T item) {
        if (item == null || item.equals(table.getSelectionModel().getSelectedItem())) {
            return;
        }
        int index = table.getItems().indexOf(item);
        if (index >= 0) {
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(index);
        }
    }

    /** Removes the listeners this view put on its view model. */
    public void dispose() {
        subscriptions.unsubscribe();
        entryPane.dispose();
    }
}
