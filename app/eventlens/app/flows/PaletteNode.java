package eventlens.app.flows;

import eventlens.app.base.Styles;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.layout.Region;

/**
 * A hidden, unmanaged node styled by the stylesheet's {@code .flow-palette} rule, whose background lists the
 * looked-up colours of lanes, failures, replays and the graph's theme: CSS resolves them (the dark theme
 * redefines some on {@code .root.dark}) and {@link #paletteProperty()} follows. Added as a child of the
 * control that paints, so that it is styled with it (decision 0032).
 */
final class PaletteNode extends Region {
    private final ReadOnlyObjectWrapper<LanePalette> palette = new ReadOnlyObjectWrapper<>(LanePalette.UNSTYLED);

    PaletteNode() {
        getStyleClass().add(Styles.FLOW_PALETTE);
        setManaged(false);
        setVisible(false);
        backgroundProperty().subscribe(b -> palette.set(LanePalette.of(b)));
    }

    /** The resolved colours; {@link LanePalette#UNSTYLED} until the stylesheet applies. */
    ReadOnlyObjectProperty<LanePalette> paletteProperty() {
        return palette.getReadOnlyProperty();
    }
}
