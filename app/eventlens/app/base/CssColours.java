package eventlens.app.base;

import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Colours a drawing control takes from the style sheet ({@code -el-bar-fill: -el-danger;}), so that what
 * it paints on a canvas follows the light and dark themes like everything else.
 */
public final class CssColours {
    private CssColours() {
    }

    /** The style sheet property {@code property} of a control, held in the property {@code of} returns. */
    public static <S extends Styleable> CssMetaData<S, Paint> colour(String property, Color initial,
            Function<S, StyleableObjectProperty<Paint>> of) {
        return new CssMetaData<>(property, PaintConverter.getInstance(), initial) {
            @Override
            public boolean isSettable(S s) {
                return !of.apply(s).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(S s) {
                return of.apply(s);
            }
        };
    }
}
