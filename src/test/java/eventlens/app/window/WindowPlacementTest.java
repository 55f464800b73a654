package eventlens.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 800);
    static final Rectangle2D BIG = new Rectangle2D(1280, 0, 2560, 1440);

    @Test
    void firstStartFillsEightyPercentOfABigScreenCentred() {
        Rectangle2D r = WindowPlacement.standard(BIG, 0, 0);
        assertThat(r).isEqualTo(new Rectangle2D(1280 + 256, 144, 2048, 1152));
    }

    @Test
    void firstStartGivesAtLeast1024By700OfContentOnASmallScreen() {
        Rectangle2D r = WindowPlacement.standard(LAPTOP, 2, 25);
        assertThat(r.getWidth()).isEqualTo(1026);
        assertThat(r.getHeight()).isEqualTo(725);
        assertThat(r.getMinX()).isEqualTo(127);
    }

    @Test
    void aScreenSmallerThanTheMinimumIsFilled() {
        Rectangle2D r = WindowPlacement.standard(new Rectangle2D(0, 0, 800, 600), 0, 0);
        assertThat(r).isEqualTo(new Rectangle2D(0, 0, 800, 600));
    }

    @Test
    void savedBoundsOnAScreenAreKept() {
        Rectangle2D saved = new Rectangle2D(1400, 100, 1200, 900);
        assertThat(WindowPlacement.restored(saved, List.of(LAPTOP, BIG))).isEqualTo(saved);
    }

    @Test
    void savedBoundsOnAnUnpluggedMonitorAreDropped() {
        Rectangle2D onBig = new Rectangle2D(1400, 100, 1200, 900);
        assertThat(WindowPlacement.restored(onBig, List.of(LAPTOP))).isNull();
    }

    @Test
    void aWindowMostlyOffTheScreenIsMovedBackOntoIt() {
        Rectangle2D hanging = new Rectangle2D(1000, 600, 1000, 700);
        assertThat(WindowPlacement.restored(hanging, List.of(LAPTOP)))
                .isEqualTo(new Rectangle2D(280, 100, 1000, 700));
    }

    @Test
    void aTinySavedWindowGrowsToTheMinimumAndAHugeOneShrinksToTheScreen() {
        assertThat(WindowPlacement.restored(new Rectangle2D(10, 10, 300, 200), List.of(LAPTOP)))
                .isEqualTo(new Rectangle2D(10, 10, 800, 560));
        assertThat(WindowPlacement.restored(new Rectangle2D(0, 0, 1920, 1080), List.of(LAPTOP)))
                .isEqualTo(LAPTOP);
    }

    @Test
    void nothingSavedMeansNoRestoredBounds() {
        assertThat(WindowPlacement.restored(null, List.of(LAPTOP))).isNull();
    }
}
