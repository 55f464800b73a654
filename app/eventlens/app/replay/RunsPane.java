package eventlens.app.replay;

import eventlens.app.base.Styles;
import eventlens.replay.run.StoredReplay;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** The runs stored in the project, newest first; select two and Compare. */
final class RunsPane extends VBox {
    private final Subscription followSelection;

    RunsPane(RunsViewModel model) {
        super(6);
        ListView<StoredReplay> list = new ListView<>(model.runs());
        list.setId("replay-runs");
        list.setPrefHeight(110);
        // In a 1024x700 window the tab is short: the differences table gives way, the runs (a run link's target) stay.
        list.setMinHeight(80);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label("Finished runs are stored here."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StoredReplay r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : String.format("run %d · %s · %s%s · delivered %,d · published %,d · dead %,d",
                        r.id(), r.scriptName(), r.mode().name().toLowerCase(Locale.ROOT),
                        r.query().isBlank() ? "" : " · " + r.query(), r.summary().delivered(), r.summary().published(),
                        r.summary().deadLettered()));
            }
        });
        // The run picked is the Replay view's place; a run link or Back picks it here.
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, run) -> {
            if (run != null) {
                model.selectRun(run);
            }
        });
        followSelection = model.selectedProperty().subscribe(run -> {
            if (run != null && !list.getSelectionModel().getSelectedItems().contains(run)) {
                list.getSelectionModel().clearAndSelect(list.getItems().indexOf(run));
                list.scrollTo(run);
            }
        });
        Button compare = new Button("Compare");
        compare.setId("replay-compare");
        compare.disableProperty().bind(Bindings.size(list.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        compare.setOnAction(e -> {
            List<StoredReplay> two = List.copyOf(list.getSelectionModel().getSelectedItems());
            StoredReplay a = two.get(0).id() < two.get(1).id() ? two.get(0) : two.get(1);
            model.compare(a, a == two.get(0) ? two.get(1) : two.get(0));
        });
        Label result = new Label();
        result.getStyleClass().add(Styles.MUTED);
        result.textProperty().bind(model.comparisonProperty());
        var table = ReplayTables.differences(model.differences());
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(list, new HBox(8, compare, result), table);
    }

    /** Stops following the view model's selected run. */
    void dispose() {
        followSelection.unsubscribe();
    }
}
