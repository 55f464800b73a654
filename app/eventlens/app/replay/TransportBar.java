package eventlens.app.replay;

import eventlens.app.base.Styles;
import eventlens.replay.Speed;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** Play, pause, step, step back, run to the time cursor, run to end, speed, and the scrubber over the slice. */
final class TransportBar extends HBox {
    static final List<Speed> SPEEDS = List.of(Speed.RECORDED, Speed.times(10), Speed.times(100), Speed.MAX);
    private static final String PLAY = "▶ Play";
    private static final String PAUSE = "❚❚ Pause";
    private final Slider scrubber = new Slider(0, 1, 0);

    TransportBar(ReplayViewModel model) {
        super(6);
        getStyleClass().add(Styles.REPLAY_BAR);
        BooleanBinding idle = model.loadedProperty().not().or(model.busyProperty());
        BooleanBinding stepping = idle.or(model.playingProperty());
        // One button plays and pauses, as in a media player: two took the width the narrowest window lacks.
        Button play = button("replay-play", PLAY, "Play until a breakpoint or the end, or pause after the current step"
                + ReplayKeys.hint(ReplayKeys.PLAY_PAUSE), () -> {
                    if (model.playingProperty().get()) {
                        model.pause();
                    } else {
                        model.play();
                    }
                }, model.playingProperty().not().and(idle));
        play.textProperty().bind(Bindings.when(model.playingProperty()).then(PAUSE).otherwise(PLAY));
        keepWidestText(play, PLAY, PAUSE);
        Button step = button("replay-step", "Step", "Deliver one event" + ReplayKeys.hint(ReplayKeys.STEP), model::step, stepping);
        Button back = button("replay-step-back", "Step back",
                "Go back one delivery (re-runs deterministically)" + ReplayKeys.hint(ReplayKeys.STEP_BACK), model::stepBack, stepping);
        Button toCursor = button("replay-run-to-cursor", "To cursor",
                "Run until the app's time cursor" + ReplayKeys.hint(ReplayKeys.RUN_TO_CURSOR), model::runToCursor,
                stepping.or(Bindings.createBooleanBinding(() -> model.timeCursor().getValue() == null, model.timeCursor())));
        Button toEnd = button("replay-run-to-end", "To end", "Run to the end or a breakpoint", model::runToEnd, stepping);

        ChoiceBox<Speed> speed = new ChoiceBox<>();
        speed.setId("replay-speed");
        speed.getItems().setAll(SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Speed s) {
                return s == null ? "" : s.isMax() ? "fastest" : "×" + (long) s.factor();
            }

            @Override
            public Speed fromString(String text) {
                return null;
            }
        });
        speed.valueProperty().bindBidirectional(model.speedProperty());
        speed.setTooltip(new Tooltip("Speed: ×1, ×10, ×100 the recorded pace, or as fast as possible"));
        speed.setMinWidth(Region.USE_PREF_SIZE);

        scrubber.setId("replay-scrubber");
        scrubber.maxProperty().bind(Bindings.createDoubleBinding(() -> (double) Math.max(1, model.sliceSizeProperty().get()),
                model.sliceSizeProperty()));
        model.sliceProgressProperty().addListener((obs, old, now) -> {
            if (!scrubber.isValueChanging() && !scrubber.isPressed()) {
                scrubber.setValue(now.doubleValue());
            }
        });
        scrubber.disableProperty().bind(stepping);
        scrubber.setOnMouseReleased(e -> {
            long target = Math.round(scrubber.getValue());
            if (target > model.sliceProgressProperty().get()) {
                model.runToSliceIndex(target);
            } else {
                scrubber.setValue(model.sliceProgressProperty().get());
            }
        });
        scrubber.setTooltip(new Tooltip("Drag forward to run to that event of the slice"));
        scrubber.setMinWidth(40); // at its narrowest the bar needs about 585 px of the 630 the window leaves it
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        Label progress = new Label();
        progress.setId("replay-progress");
        // Shortened (with an ellipsis, the whole in its tooltip) rather than pushing the view past a narrow window:
        // the counters of a 10M slice are as wide as three buttons.
        progress.setMinWidth(60);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(progress.textProperty());
        progress.setTooltip(whole);
        progress.textProperty().bind(Bindings.createStringBinding(() -> String.format("%,d / %,d · %,d steps",
                model.sliceProgressProperty().get(), model.sliceSizeProperty().get(),
                model.output().deliveredCountProperty().get()), model.sliceProgressProperty(), model.sliceSizeProperty(),
                model.output().deliveredCountProperty()));
        getChildren().addAll(play, step, back, toCursor, toEnd, speed, scrubber, progress);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    /** The button keeps the width of the wider of its texts, so that the buttons beside it stay put. */
    private static void keepWidestText(Button b, String... texts) {
        Runnable fit = () -> {
            double widest = 0;
            for (String t : texts) {
                javafx.scene.text.Text text = new javafx.scene.text.Text(t);
                text.setFont(b.getFont());
                widest = Math.max(widest, text.getLayoutBounds().getWidth());
            }
            javafx.geometry.Insets pad = b.getPadding();
            javafx.geometry.Insets label = b.getLabelPadding();
            b.setPrefWidth(Math.ceil(widest + pad.getLeft() + pad.getRight() + label.getLeft() + label.getRight()) + 2);
        };
        b.fontProperty().addListener(obs -> fit.run());
        b.paddingProperty().addListener(obs -> fit.run());
        fit.run();
    }

    private static Button button(String id, String text, String tip, Runnable action,
            javafx.beans.value.ObservableValue<Boolean> disabled) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(disabled);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
