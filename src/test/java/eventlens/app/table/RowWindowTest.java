package eventlens.app.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RowWindowTest {
    @Test
    void aListNoLongerThanTheCapacityIsOneWindowThatNeverMoves() {
        RowWindow window = new RowWindow(1_000, 1_000);
        assertThat(window.windowed()).isFalse();
        assertThat(window.size()).isEqualTo(1_000);
        assertThat(window.rowOf(999)).isEqualTo(999);
        assertThat(window.nearEdge(0, 30)).isFalse();
        assertThat(window.nearEdge(970, 999)).isFalse();
        assertThat(window.needsMoveFor(999)).isFalse();
        assertThat(window.centreOn(999)).isFalse();
        assertThat(window.start()).isZero();
    }

    @Test
    void aLongListStartsWithAWindowOverItsFirstRows() {
        RowWindow window = new RowWindow(10_000_000, 100_000);
        assertThat(window.windowed()).isTrue();
        assertThat(window.size()).isEqualTo(100_000);
        assertThat(window.rowOf(0)).isZero();
        assertThat(window.rowOf(99_999)).isEqualTo(99_999);
        assertThat(window.rowOf(100_000)).as("outside the window").isEqualTo(-1);
        assertThat(window.indexOf(42)).isEqualTo(42);
    }

    @Test
    void centringOnTheLastRowPutsTheWindowAgainstTheEndOfTheList() {
        RowWindow window = new RowWindow(10_000_000, 100_000);
        assertThat(window.needsMoveFor(9_999_999)).isTrue();
        assertThat(window.centreOn(9_999_999)).isTrue();
        assertThat(window.start()).isEqualTo(9_900_000);
        assertThat(window.rowOf(9_999_999)).isEqualTo(99_999);
        assertThat(window.indexOf(99_999)).isEqualTo(9_999_999);
        assertThat(window.needsMoveFor(9_999_999)).as("the end of the list is no edge to move from").isFalse();
    }

    @Test
    void centringInTheMiddleKeepsHalfAWindowEitherSide() {
        RowWindow window = new RowWindow(10_000_000, 100_000);
        window.centreOn(5_000_000);
        assertThat(window.start()).isEqualTo(4_950_000);
        assertThat(window.rowOf(5_000_000)).isEqualTo(50_000);
        assertThat(window.centreOn(5_000_000)).as("already centred").isFalse();
        window.centreOn(10);
        assertThat(window.start()).as("no window starts before the list").isZero();
    }

    @Test
    void rowsInViewWithinAQuarterOfAnInnerEdgeAskForARecentre() {
        RowWindow window = new RowWindow(1_000_000, 1_000);
        assertThat(window.nearEdge(0, 30)).as("the top of the list").isFalse();
        assertThat(window.nearEdge(720, 750)).as("the bottom quarter of the first window").isTrue();
        assertThat(window.nearEdge(719, 749)).isFalse();
        assertThat(window.nearEdge(500, 530)).isFalse();
        window.centreOn(500_000);
        assertThat(window.nearEdge(249, 279)).as("the top quarter of an inner window").isTrue();
        assertThat(window.nearEdge(250, 280)).isFalse();
        assertThat(window.nearEdge(700, 749)).isFalse();
        assertThat(window.nearEdge(700, 750)).isTrue();
    }

    @Test
    void aJumpNeedsTheWindowMovedWhenItLandsOutsideOrNearAnInnerEdge() {
        RowWindow window = new RowWindow(1_000_000, 1_000);
        assertThat(window.needsMoveFor(10)).isFalse();
        assertThat(window.needsMoveFor(800)).isTrue();
        assertThat(window.needsMoveFor(5_000)).isTrue();
    }

    @Test
    void anEmptyListIsAnEmptyWindow() {
        RowWindow window = new RowWindow(0, 100);
        assertThat(window.size()).isZero();
        assertThat(window.windowed()).isFalse();
        assertThat(window.contains(0)).isFalse();
        assertThatThrownBy(() -> new RowWindow(10, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
