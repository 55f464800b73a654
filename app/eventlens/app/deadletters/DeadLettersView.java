package eventlens.app.deadletters;

import eventlens.app.Styles;
import eventlens.model.DeadLetter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A plain table of dead letters; grouping by fingerprint and dry-run retries come later. */
public final class DeadLettersView extends BorderPane {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public DeadLettersView(DeadLettersViewModel model) {
        Label title = new Label("Dead letters");
        title.getStyleClass().add(Styles.VIEW_TITLE);
        Label page = new Label();
        page.getStyleClass().add(Styles.MUTED);
        page.textProperty().bind(model.pageTextProperty());
        Button previous = new Button("‹ Previous");
        previous.disableProperty().bind(model.hasPreviousProperty().not());
        previous.setOnAction(e -> model.previous());
        Button next = new Button("Next ›");
        next.disableProperty().bind(model.hasNextProperty().not());
        next.setOnAction(e -> model.next());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, page, spacer, previous, next);
        header.getStyleClass().add(Styles.FILTER_BAR);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TableView<DeadLetter> table = new TableView<>(model.rows());
        table.setId("dead-letters-table");
        table.setPlaceholder(new Label("No dead letters."));
        table.getColumns().add(column("Last failure", 190, d -> d.lastFailure() == null ? "" : MILLIS.format(d.lastFailure())));
        table.getColumns().add(column("Handler", 150, DeadLetter::handler));
        table.getColumns().add(column("Queue", 120, DeadLetter::queue));
        table.getColumns().add(column("Error", 160, DeadLetter::errorType));
        table.getColumns().add(column("Message", 280, d -> d.message() == null ? d.reason() : d.message()));
        table.getColumns().add(column("Attempts", 70, d -> d.attempts() == null ? "" : d.attempts().toString()));
        table.getColumns().add(column("Event", 150, DeadLetter::eventId));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.select(now));

        TextArea raw = new TextArea();
        raw.setEditable(false);
        raw.getStyleClass().add(Styles.CODE);
        raw.setPromptText("Select a dead letter to see its record.");
        raw.textProperty().bind(model.selectedRawProperty());
        SplitPane split = new SplitPane(table, raw);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setTop(header);
        setCenter(split);
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
