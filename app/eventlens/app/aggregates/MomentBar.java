package eventlens.app.aggregates;

import eventlens.app.base.Styles;
import eventlens.model.state.HistoryStep;
import java.time.Instant;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The version stepper (⏮ ◀ ▶ ⏭), the time slider across the aggregate's first..last event time,
 * and below them the moment's one-line description. The slider snaps to the event it lands on once released.
 */
final class MomentBar extends VBox {
    private final HistoryViewModel history;
    private final Slider slider = new Slider();
    private final ListChangeListener<HistoryStep> rescale = change -> rescale();
    private final Subscription follow;
    private boolean following;

    MomentBar(HistoryViewModel history) {
        super(4);
        this.history = history;
        getStyleClass().add(Styles.MOMENT_BAR);
        Button first = button("|◀", "first", "First event (Home)", history::first);
        Button previous = button("◀", "previous", "Previous event (Page Up, Alt+Left)", history::previous);
        Button next = button("▶", "next", "Next event (Page Down, Alt+Right)", history::next);
        Button last = button("▶|", "last", "Last event (End)", history::last);
        slider.setId("moment-slider");
        slider.setMinWidth(120);
        slider.setPrefWidth(320);
        slider.setTooltip(new Tooltip("Drag to a time: the state at that moment; the time cursor follows"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!following && !slider.isValueChanging()) {
                history.moveToTime(Instant.ofEpochMilli(Math.round(now.doubleValue())));
            }
        });
        slider.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                history.moveToTime(Instant.ofEpochMilli(Math.round(slider.getValue())));
            }
        });
        Label text = new Label();
        text.setId("moment-text");
        text.getStyleClass().add(Styles.MOMENT_TEXT);
        text.textProperty().bind(history.momentTextProperty());
        // When the time cursor chose the moment the user may not expect an old version: one click to the latest.
        Hyperlink latest = new Hyperlink("go to latest");
        latest.setId("moment-latest");
        latest.setTooltip(new Tooltip("Show the last version (the time cursor moves there)"));
        latest.setOnAction(e -> history.last());
        latest.visibleProperty().bind(history.behindLatestProperty());
        latest.managedProperty().bind(latest.visibleProperty());
        latest.setMinWidth(Hyperlink.USE_PREF_SIZE);
        text.setMinWidth(0);
        HBox description = new HBox(2, text, latest);
        description.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox stepper = new HBox(6, first, previous, next, last, slider);
        stepper.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(stepper, description);
        disableProperty().bind(history.momentProperty().isEqualTo(HistoryViewModel.NONE));
        history.steps().addListener(rescale);
        follow = history.momentProperty().subscribe(m -> place());
        rescale();
    }

    private void rescale() {
        List<Instant> times = history.steps().stream().map(s -> s.event().time()).filter(t -> t != null).toList();
        following = true;
        try {
            if (times.isEmpty()) {
                slider.setMin(0);
                slider.setMax(1);
                slider.setDisable(true);
            } else {
                long min = times.stream().min(Instant::compareTo).orElseThrow().toEpochMilli();
                long max = times.stream().max(Instant::compareTo).orElseThrow().toEpochMilli();
                slider.setMin(min);
                slider.setMax(Math.max(max, min + 1));
                slider.setDisable(max == min);
                slider.setBlockIncrement(Math.max(1, (max - min) / Math.max(1, times.size() - 1)));
            }
        } finally {
            following = false;
        }
        place();
    }

    /** Puts the thumb on the moment's event time. */
    private void place() {
        int m = history.momentProperty().get();
        if (slider.isValueChanging() || m < -1 || history.steps().isEmpty()) {
            return;
        }
        following = true;
        try {
            Instant t = m < 0 ? null : history.steps().get(m).event().time();
            slider.setValue(t == null ? slider.getMin() : t.toEpochMilli());
        } finally {
            following = false;
        }
    }

    private static Button button(String symbol, String id, String tip, Runnable action) {
        Button b = new Button(symbol);
        b.setId("moment-" + id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setMinWidth(Button.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    Slider slider() {
        return slider;
    }

    void dispose() {
        follow.unsubscribe();
        history.steps().removeListener(rescale);
    }
}
