package eventlens.app.imports;

import eventlens.app.base.Styles;
import eventlens.app.table.ColumnFit;
import eventlens.app.table.TableColumns;
import eventlens.model.ImportError;
import eventlens.model.store.ImportRecord;
import java.nio.file.Path;
import java.util.function.Function;
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
        imports.getColumns().add(text("File", r -> fileName(r.file())));
        imports.getColumns().add(text("Format", ImportRecord::format));
        imports.getColumns().add(number("Read", ImportRecord::read));
        imports.getColumns().add(number("Imported", ImportRecord::imported));
        imports.getColumns().add(number("Duplicates", ImportRecord::duplicates));
        imports.getColumns().add(number("Skipped", ImportRecord::skipped));
        imports.getColumns().add(number("Failed", ImportRecord::failed));
        imports.getColumns().add(number("Dead letters", ImportRecord::deadLetters));
        imports.getColumns().add(number("Comment lines", ImportRecord::comments));
        imports.getColumns().add(number("Warnings", ImportRecord::warnings));
        imports.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.onFirstFill(imports);
        imports.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.select(now));

        Label errorsTitle = new Label();
        errorsTitle.getStyleClass().add(Styles.SUMMARY);
        errorsTitle.textProperty().bind(model.errorsTitleProperty());
        TableView<ImportError> errors = new TableView<>(model.errors());
        errors.setId("import-errors-table");
        errors.setPlaceholder(new Label("No errors or warnings to show."));
        errors.getColumns().add(text("Kind", e -> e.warning() ? "warning" : "error"));
        errors.getColumns().add(text("File", e -> fileName(e.file())));
        errors.getColumns().add(number("Line", ImportError::line));
        errors.getColumns().add(number("Column", e -> e.column() == 0 ? null : e.column()));
        errors.getColumns().add(text("Reason", ImportError::reason));
        errors.getColumns().add(text("Raw", e -> e.raw().length() > 300 ? e.raw().substring(0, 300) + "…" : e.raw()));
        errors.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.onFirstFill(errors);
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

    private static <T> TableColumn<T, String> text(String title, Function<T, String> value) {
        return TableColumns.text(title, value, true);
    }

    /** A right-aligned count; a null value leaves the cell empty. */
    private static <T> TableColumn<T, Long> number(String title, Function<T, Long> value) {
        return TableColumns.number(title, value, true);
    }
}
