package eventlens.app.window;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the window opens: where it was last time when that is still on a screen, else a content area of
 * about 80 % of the primary screen (at least 1024×700 where the screen allows), centred. Pure geometry over
 * screen rectangles, so that it is tested without a window.
 */
public final class WindowPlacement {
    /** The smallest window worth working in; smaller screens get the whole screen. */
    public static final double MIN_WIDTH = 800;
    public static final double MIN_HEIGHT = 560;
    /** How much of a saved window must still be on a screen to be trusted: enough to grab its title bar. */
    static final double VISIBLE_WIDTH = 120;
    static final double VISIBLE_HEIGHT = 40;

    private WindowPlacement() {
    }

    /**
     * The default bounds of the window on {@code screen} (visual bounds), given the size the window
     * manager's decorations add ({@code decoW}, {@code decoH}; 0 while unknown).
     */
    public static Rectangle2D standard(Rectangle2D screen, double decoW, double decoH) {
        double w = Math.min(screen.getWidth(), Math.max(1024, screen.getWidth() * 0.8) + decoW);
        double h = Math.min(screen.getHeight(), Math.max(700, screen.getHeight() * 0.8) + decoH);
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
    }

    /**
     * The saved bounds made usable: at least the minimum size, at most the size of the screen that shows
     * most of them, moved onto that screen; null when no screen shows enough of them (a monitor was
     * unplugged, the resolution shrank) so that the caller falls back to {@link #standard}.
     */
    public static Rectangle2D restored(Rectangle2D saved, List<Rectangle2D> screens) {
        if (saved == null || saved.getWidth() <= 0 || saved.getHeight() <= 0) {
            return null;
        }
        Rectangle2D best = null;
        double bestArea = 0;
        for (Rectangle2D s : screens) {
            double w = Math.min(saved.getMaxX(), s.getMaxX()) - Math.max(saved.getMinX(), s.getMinX());
            double h = Math.min(saved.getMaxY(), s.getMaxY()) - Math.max(saved.getMinY(), s.getMinY());
            if (w >= Math.min(VISIBLE_WIDTH, saved.getWidth()) && h >= Math.min(VISIBLE_HEIGHT, saved.getHeight())
                    && w * h > bestArea) {
                best = s;
                bestArea = w * h;
            }
        }
        if (best == null) {
            return null;
        }
        double w = Math.min(best.getWidth(), Math.max(Math.min(MIN_WIDTH, best.getWidth()), saved.getWidth()));
        double h = Math.min(best.getHeight(), Math.max(Math.min(MIN_HEIGHT, best.getHeight()), saved.getHeight()));
        double x = Math.max(best.getMinX(), Math.min(saved.getMinX(), best.getMaxX() - w));
        double y = Math.max(best.getMinY(), Math.min(saved.getMinY(), best.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }
}
