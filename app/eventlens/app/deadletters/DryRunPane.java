package eventlens.app.deadletters;

import eventlens.replay.deadletter.DryRunEntry;
import eventlens.replay.deadletter.RetryOutcome;
import eventlens.replay.deadletter.StateChange;
import java.io.File;
import java.io.IOException;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/** Script choice, "Dry-run entry" / "Dry-run group", the summary, the outcome table and "Export…". */
final class DryRunPane extends BorderPane {
    private final DryRunViewModel dryRun;

    DryRunPane(DeadLettersViewModel model) {
        this.dryRun = model.dryRun();
        ComboBox<String> bundled = new ComboBox<>();
        bundled.setId("dlq-script-choice");
        bundled.getItems().setAll(BundledScripts.NAMES);
        bundled.setPromptText("Sample script");
        if (dryRun.scriptProperty().get() != null && BundledScripts.NAMES.contains(dryRun.scriptProperty().get().name())) {
            bundled.setValue(dryRun.scriptProperty().get().name());
        }
        bundled.setOnAction(e -> {
            String name = bundled.getValue();
            if (name != null) {
                BundledScripts.load(name).ifPresent(dryRun.scriptProperty()::set);
            }
        });
        Button open = new Button("Open script…");
        open.setOnAction(e -> chooseScript());
        Label script = new Label();
        script.setId("dlq-script");
        script.textProperty().bind(Bindings.createStringBinding(() -> dryRun.scriptProperty().get() == null
                ? "no script" : "script: " + dryRun.scriptProperty().get().name(), dryRun.scriptProperty()));
        Button entry = new Button("Dry-run entry");
        entry.setId("dlq-dry-run-entry");
        entry.disableProperty().bind(model.detail().selectedProperty().isNull().or(dryRun.runningProperty()));
        entry.setOnAction(e -> model.dryRunEntry());
        Button group = new Button("Dry-run group");
        group.setId("dlq-dry-run-group");
        group.disableProperty().bind(model.selectedGroupProperty().isNull().or(dryRun.runningProperty()));
        group.setOnAction(e -> model.dryRunGroup());
        Label summary = new Label();
        summary.setId("dlq-dry-run-summary");
        summary.getStyleClass().add(DeadLetterStyles.SUMMARY);
        summary.textProperty().bind(dryRun.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button export = new Button("Export…");
        export.setId("dlq-export");
        export.disableProperty().bind(dryRun.canExportProperty().not());
        export.setOnAction(e -> chooseExport());
        HBox bar = new HBox(8, new Label("Dry-run retry with"), bundled, open, script, spacer, entry, group, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 2, 6));
        for (javafx.scene.Node n : bar.getChildren()) {
            // The script's name may shrink to "script: fixed-pa…" rather than push the buttons out of the window.
            if (n instanceof Region r && n != spacer && n != script) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        summary.setPadding(new Insets(0, 6, 2, 6));
        javafx.scene.layout.VBox top = new javafx.scene.layout.VBox(2, bar, summary);

        TableView<DryRunEntry> table = new TableView<>(dryRun.outcomes());
        table.setId("dlq-outcomes");
        table.setPlaceholder(new Label("Dry-run an entry or a group: nothing is sent anywhere."));
        table.getColumns().add(Columns.number("#", e -> e.deadLetter().key()));
        table.getColumns().add(outcomeColumn());
        table.getColumns().add(Columns.text("Handler", e -> e.deadLetter().handler()));
        table.getColumns().add(Columns.text("Event", e -> e.event() == null ? "" : e.event().type() + " " + e.event().id()));
        table.getColumns().add(Columns.text("Result", DryRunPane::result));
        table.getColumns().add(Columns.text("State change", DryRunPane::stateChange));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        eventlens.app.table.ColumnFit.onFirstFill(table);
        setTop(top);
        setCenter(table);
    }

    private static TableColumn<DryRunEntry, String> outcomeColumn() {
        TableColumn<DryRunEntry, String> c = Columns.text("Outcome", e -> e.outcome().label());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeAll(DeadLetterStyles.OUTCOME_SUCCEEDED, DeadLetterStyles.OUTCOME_FAILED,
                        DeadLetterStyles.OUTCOME_SAME);
                DryRunEntry e = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                if (e != null) {
                    getStyleClass().add(e.outcome() == RetryOutcome.SUCCEEDED ? DeadLetterStyles.OUTCOME_SUCCEEDED
                            : e.outcome() == RetryOutcome.STILL_FAILING_SAME_WAY ? DeadLetterStyles.OUTCOME_SAME
                            : DeadLetterStyles.OUTCOME_FAILED);
                }
            }
        });
        return c;
    }

    static String result(DryRunEntry e) {
        if (e.error() != null) {
            return e.error().errorType() + ": " + e.error().message() + "  (" + e.error().file() + ":" + e.error().line() + ")";
        }
        if (e.handlers().isEmpty()) {
            return "no handler subscribes to " + (e.event() == null ? "a missing message" : e.event().type());
        }
        List<String> types = e.published().stream().map(p -> p.type()).toList();
        return types.isEmpty() ? "publishes nothing" : "publishes " + String.join(", ", types);
    }

    static String stateChange(DryRunEntry e) {
        return e.stateChanges().stream().filter(StateChange::changed)
                .map(c -> c.aggregateId() + (c.before().isEmpty() ? " created" : " changed"))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private void chooseScript() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Handler script for the dry run");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JavaScript", "*.js"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            try {
                dryRun.loadScript(file.toPath());
            } catch (IOException ex) {
                dryRun.reportFailure("Cannot read " + file + ": " + ex.getMessage());
            }
        }
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the entries that would now succeed");
        chooser.setInitialFileName("redeliver.jsonl");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            try {
                dryRun.exportSucceeded(file.toPath());
            } catch (IOException ex) {
                // the summary line keeps the dry run's result; the failure is shown beside it
                dryRun.reportFailure("Cannot write " + file + ": " + ex.getMessage());
            }
        }
    }
}
