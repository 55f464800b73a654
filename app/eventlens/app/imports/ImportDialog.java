package eventlens.app.imports;

import eventlens.app.base.Styles;
import eventlens.app.table.ColumnFit;
import eventlens.app.table.TableColumns;
import eventlens.importers.ImportPreview;
import eventlens.model.Event;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * File → Import log…: before anything is written, the detected reader and how sure it is, the first 50
 * records as they would be imported (or why they would be refused), a reader to choose instead and a
 * field mapping to type, load or save; Import then imports every chosen file that way (with the status
 * bar's progress and Cancel). A drop on the window imports at once, with detection.
 */
public final class ImportDialog extends Dialog<ImportRequest> {
    private static final String DETECT = "Detect for each file";
    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    private final ImportDialogModel model;
    private final TableView<Event> events = new TableView<>();
    private final ListView<String> errors = new ListView<>();

    public ImportDialog(ImportDialogModel model, Window owner) {
        this.model = model;
        initOwner(owner);
        setTitle("Import " + (model.files().size() == 1 ? model.files().get(0).getFileName() : model.files().size() + " files"));
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        getDialogPane().setContent(content());
        getDialogPane().setPrefSize(980, 640);
        setResultConverter(button -> button == IMPORT ? model.request() : null);
        model.previewProperty().subscribe((ImportPreview p) -> show(p));
        model.refresh();
    }

    private VBox content() {
        ComboBox<Path> file = new ComboBox<>(FXCollections.observableArrayList(model.files()));
        file.setId("import-file");
        file.setConverter(new StringConverter<>() {
            @Override
            public String toString(Path p) {
                return p == null ? "" : p.getFileName().toString();
            }

            @Override
            public Path fromString(String s) {
                return null;
            }
        });
        file.valueProperty().bindBidirectional(model.shownProperty());
        file.valueProperty().addListener((obs, old, now) -> model.refresh());
        List<String> names = new ArrayList<>();
        names.add(DETECT);
        names.addAll(model.formats());
        ComboBox<String> format = new ComboBox<>(FXCollections.observableArrayList(names));
        format.setId("import-format");
        format.setValue(DETECT);
        format.valueProperty().addListener((obs, old, now) -> {
            model.formatProperty().set(DETECT.equals(now) ? null : now);
            model.refresh();
        });
        HBox choose = new HBox(8, new Label("Preview of"), file, new Label("Reader"), format);
        choose.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label detection = new Label();
        detection.setId("import-detection");
        detection.textProperty().bind(model.detectionProperty());
        Label summary = new Label();
        summary.setId("import-summary");
        summary.getStyleClass().add(Styles.MUTED);
        summary.textProperty().bind(model.summaryProperty());
        events.setId("import-preview");
        events.getColumns().add(TableColumns.text("Id", Event::id, false));
        events.getColumns().add(TableColumns.text("Type", Event::type, false));
        events.getColumns().add(TableColumns.text("Time", e -> e.time() == null ? "" : e.time().toString(), false));
        events.getColumns().add(TableColumns.text("Source", Event::source, false));
        events.getColumns().add(TableColumns.text("Aggregate", ImportDialog::aggregate, false));
        events.getColumns().add(TableColumns.text("Correlation", Event::correlationId, false));
        events.getColumns().add(TableColumns.text("Causation", Event::causationId, false));
        events.getColumns().add(TableColumns.number("Line", e -> e.origin().line(), false));
        events.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        events.setPlaceholder(new Label("No event among the first records."));
        ColumnFit.onFirstFill(events);
        errors.setId("import-errors");
        errors.setPrefHeight(90);
        errors.setPlaceholder(new Label("No record refused."));
        VBox.setVgrow(events, Priority.ALWAYS);
        VBox box = new VBox(8, choose, detection, events, new Label("Refused records"), errors, mapping(), summary);
        box.setPadding(new Insets(4));
        return box;
    }

    private TitledPane mapping() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        int i = 0;
        for (String field : ImportDialogModel.FIELDS) {
            TextField pointer = new TextField();
            pointer.setId("import-map-" + field);
            pointer.setPromptText("automatic");
            pointer.textProperty().bindBidirectional(model.pointerProperty(field));
            pointer.setOnAction(e -> model.refresh());
            grid.add(new Label(field), (i % 3) * 2, i / 3);
            grid.add(pointer, (i % 3) * 2 + 1, i / 3);
            i++;
        }
        Button apply = new Button("Apply");
        apply.setId("import-map-apply");
        apply.setOnAction(e -> model.refresh());
        Button load = new Button("Load…");
        load.setOnAction(e -> loadMapping());
        Button save = new Button("Save…");
        save.setOnAction(e -> saveMapping());
        HBox buttons = new HBox(8, apply, load, save);
        Label hint = new Label("JSON pointers into each record, e.g. /header/messageId; {file} and {record} also work. "
                + "A field left blank is found automatically.");
        hint.getStyleClass().add(Styles.MUTED);
        TitledPane pane = new TitledPane("Field mapping", new VBox(6, hint, grid, buttons));
        pane.setExpanded(false);
        pane.setId("import-mapping");
        return pane;
    }

    private void show(ImportPreview p) {
        events.getItems().setAll(p == null ? List.of() : p.events());
        errors.getItems().setAll(p == null ? List.of()
                : p.errors().stream().map(e -> "line " + e.line() + ": " + e.reason()).toList());
    }

    private static String aggregate(Event e) {
        if (e.aggregateId() == null) {
            return "";
        }
        return (e.aggregateType() == null ? "" : e.aggregateType() + " ") + e.aggregateId()
                + (e.version() == null ? "" : " v" + e.version());
    }

    private FileChooser mappingChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Mapping files (JSON)", "*.json"));
        return chooser;
    }

    private void loadMapping() {
        File f = mappingChooser("Load mapping").showOpenDialog(getOwner());
        if (f != null) {
            try {
                model.loadMapping(f.toPath());
                model.refresh();
            } catch (eventlens.importers.ImportException ex) {
                errors.getItems().setAll("Mapping file: " + ex.getMessage());
            }
        }
    }

    private void saveMapping() {
        File f = mappingChooser("Save mapping").showSaveDialog(getOwner());
        if (f != null) {
            try {
                model.saveMapping(f.toPath());
            } catch (IOException ex) {
                errors.getItems().setAll("Cannot save the mapping: " + ex.getMessage());
            }
        }
    }
}
