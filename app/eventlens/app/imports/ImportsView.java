package eventlens.app.imports;

import eventlens.app.Styles;
import eventlens.model.ImportError;
import eventlens.model.store.ImportRecord;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;

/** Table of imports with their counts; below it, the errors of the selected import. */
public final class ImportsView extends BorderPane {
    public ImportsView(ImportsViewModel model) {
        Label title = new Label("Imports");
        title.getStyleClass().add(Styles.VIEW_TITLE);

        TableView<ImportRecord> imports = new TableView<>(model.imports());
        imports.setId("imports-table");
        imports.setPlaceholder(new Label("Nothing imported yet."));
        imports.getColumns().add(column("File", 260, r -> fileName(r.file())));
        imports.getColumns().add(column("Format", 90, ImportRecord::format));
        imports.getColumns().add(column("Read", 80, r -> Long.toString(r.read())));
        imports.getColumns().add(column("Imported", 80, r -> Long.toString(r.imported())));
        imports.getColumns().add(column("Duplicates", 90, r -> Long.toString(r.duplicates())));
        imports.getColumns().add(column("Skipped", 80, r -> Long.toString(r.skipped())));
        imports.getColumns().add(column("Failed", 80, r -> Long.toString(r.failed())));
        imports.getColumns().add(column("Dead letters", 95, r -> Long.toString(r.deadLetters())));
        imports.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        imports.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.select(now));

        Label errorsTitle = new Label();
        errorsTitle.getStyleClass().add(Styles.SUMMARY);
        errorsTitle.textProperty().bind(model.errorsTitleProperty());
        TableView<ImportError> errors = new TableView<>(model.errors());
        errors.setId("import-errors-table");
        errors.setPlaceholder(new Label("No errors to show."));
        errors.getColumns().add(column("File", 200, e -> fileName(e.file())));
        errors.getColumns().add(column("Line", 60, e -> Long.toString(e.line())));
        errors.getColumns().add(column("Column", 70, e -> e.column() == 0 ? "" : Long.toString(e.column())));
        errors.getColumns().add(column("Reason", 440, ImportError::reason));
        errors.getColumns().add(column("Raw", 260, e -> e.raw().length() > 300 ? e.raw().substring(0, 300) + "…" : e.raw()));
        errors.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(errors, Priority.ALWAYS);
        VBox lower = new VBox(6, errorsTitle, errors);

        SplitPane split = new SplitPane(imports, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setTop(title);
        setCenter(split);
    }

    private static String fileName(String file) {
        if (file == null || file.isEmpty()) {
            return "";
        }
        Path name = Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
