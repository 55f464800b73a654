package eventlens.app.flows;

import eventlens.app.base.Styles;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A waterfall timeline of one flow: a lane per source, a bar per event at its time (as wide as the
 * latency to its first effect), connectors from cause to effect with latencies, and a time axis.
 * Scrolls and zooms horizontally; a click selects. Colours of text and grid come from the stylesheet
 * ({@code -el-text-fill}, {@code -el-grid-color}, {@code -el-accent-color}).
 */
public final class FlowTimeline extends Control {
    private static final StyleablePropertyFactory<FlowTimeline> CSS =
            new StyleablePropertyFactory<>(Control.getClassCssMetaData());

    private final ObjectProperty<LoadedFlow> flow = new SimpleObjectProperty<>(this, "flow");
    private final IntegerProperty selectedNode = new SimpleIntegerProperty(this, "selectedNode", -1);
    /** Horizontal zoom in pixels per millisecond; 0 means "fit the flow" (the skin sets it when shown). */
    private final DoubleProperty pixelsPerMilli = new SimpleDoubleProperty(this, "pixelsPerMilli", 0);
    private final StyleableProperty<Color> textFill = CSS.createStyleableColorProperty(this, "textFill", "-el-text-fill",
            t -> t.textFill, Color.BLACK);
    private final StyleableProperty<Color> gridColor = CSS.createStyleableColorProperty(this, "gridColor",
            "-el-grid-color", t -> t.gridColor, Color.LIGHTGRAY);
    private final StyleableProperty<Color> accentColor = CSS.createStyleableColorProperty(this, "accentColor",
            "-el-accent-color", t -> t.accentColor, Color.BLUE);

    /**
     * One daemon thread shared by every timeline: where a big flow's shapes are placed (decision 0022).
     * Its work is short (tens of milliseconds for 100,000 events) and only the newest request counts.
     */
    private static final Executor PLACING = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eventlens-timeline");
        t.setDaemon(true);
        return t;
    });

    private Executor bucketExecutor = PLACING;

    public FlowTimeline() {
        getStyleClass().add(Styles.FLOW_TIMELINE);
        setId("flow-timeline");
    }

    /** Where the shapes of a big flow are placed off the FX thread. */
    Executor bucketExecutor() {
        return bucketExecutor;
    }

    /** For tests: place a big flow's shapes with this executor (e.g. on the calling thread). */
    void setBucketExecutor(Executor executor) {
        this.bucketExecutor = executor;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new FlowTimelineSkin(this);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }

    public ObjectProperty<LoadedFlow> flowProperty() {
        return flow;
    }

    public IntegerProperty selectedNodeProperty() {
        return selectedNode;
    }

    public DoubleProperty pixelsPerMilliProperty() {
        return pixelsPerMilli;
    }

    /** Zooms by a factor around the left edge (buttons); the wheel zooms around the pointer. */
    public void zoom(double factor) {
        if (pixelsPerMilli.get() > 0) {
            pixelsPerMilli.set(Math.max(1e-12, Math.min(1e6, pixelsPerMilli.get() * factor)));
        }
    }

    /** Fits the whole flow in the width again. */
    public void fit() {
        pixelsPerMilli.set(0);
    }

    Paint textFill() {
        return textFill.getValue();
    }

    Paint gridColor() {
        return gridColor.getValue();
    }

    Paint accentColor() {
        return accentColor.getValue();
    }

    @SuppressWarnings("unchecked")
    javafx.beans.value.ObservableValue<Color>[] colourProperties() {
        return new javafx.beans.value.ObservableValue[] {(javafx.beans.value.ObservableValue<Color>) textFill,
                (javafx.beans.value.ObservableValue<Color>) gridColor, (javafx.beans.value.ObservableValue<Color>) accentColor};
    }
}
