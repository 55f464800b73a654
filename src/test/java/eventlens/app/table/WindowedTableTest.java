package eventlens.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableListBase;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A table over ten million rows in a window (headless): jumps, the ends, and the keyboard across window edges. */
@ExtendWith(ApplicationExtension.class)
class WindowedTableTest {
    private static final long TEN_MILLION = 10_000_000;
    private TableView<Long> table;
    private Stage stage;

    /** Row i holds the number i; nothing is stored. */
    private static final class Numbers extends ObservableListBase<Long> {
        private final int size;

        Numbers(long size) {
            this.size = (int) size;
        }

        @Override
        public Long get(int index) {
            return (long) index;
        }

        @Override
        public int size() {
            return size;
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        table = new TableView<>();
        table.setFixedCellSize(26);
        TableColumn<Long, Long> number = new TableColumn<>("#");
        number.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        table.getColumns().add(number);
    }

    private WindowedTable<Long> show(int capacity, long rows) throws Exception {
        WindowedTable<Long> windowed = new WindowedTable<>(table, capacity);
        WaitForAsyncUtils.asyncFx(() -> {
            windowed.setRows(new Numbers(rows));
            stage.setScene(new Scene(windowed, 500, 400));
            stage.show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        return windowed;
    }

    @Test
    void jumpingToTheLastOfTenMillionRowsSelectsAndShowsIt(FxRobot robot) throws Exception {
        WindowedTable<Long> windowed = show(WindowedTable.CAPACITY, TEN_MILLION);
        assertThat(table.getItems()).hasSize(WindowedTable.CAPACITY);

        robot.interact(() -> windowed.select(TEN_MILLION - 1));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(windowed.selectedIndexProperty().get()).isEqualTo(TEN_MILLION - 1);
        assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo(TEN_MILLION - 1);
        assertThat(lastShown(windowed)).isEqualTo(TEN_MILLION - 1);
        assertThat(scale(robot).getValue()).as("the scale spans the whole list")
                .isGreaterThan(TEN_MILLION - 100.0).isLessThanOrEqualTo(scale(robot).getMax());
        assertThat(innerScrollBarWidth(robot)).as("the table's own scroll bar gives way to the scale").isZero();
    }

    @Test
    void homeAndEndGoToTheEndsOfTheWholeList(FxRobot robot) throws Exception {
        WindowedTable<Long> windowed = show(WindowedTable.CAPACITY, TEN_MILLION);
        robot.interact(() -> windowed.select(3));
        robot.interact(table::requestFocus);

        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(windowed.selectedIndexProperty().get()).isEqualTo(TEN_MILLION - 1);
        assertThat(lastShown(windowed)).isEqualTo(TEN_MILLION - 1);

        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(windowed.selectedIndexProperty().get()).isZero();
        assertThat(firstShown(windowed)).isZero();
    }

    @Test
    void theDownKeyCrossesWindowEdgesRowByRow(FxRobot robot) throws Exception {
        WindowedTable<Long> windowed = show(40, 10_000);
        robot.interact(() -> windowed.select(0));
        robot.interact(table::requestFocus);

        for (int i = 1; i <= 100; i++) {
            robot.type(KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(windowed.selectedIndexProperty().get()).isEqualTo(i);
            assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo((long) i);
        }
        assertThat(windowed.window().start()).as("the window moved along").isGreaterThan(40);
        // The table scrolls to the selected row in its next layout pass, not within the key event: give it one.
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> lastShown(windowed)).get() >= 100);
        assertThat(WaitForAsyncUtils.asyncFx(() -> lastShown(windowed)).get()).isGreaterThanOrEqualTo(100);

        robot.type(KeyCode.PAGE_UP);
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(windowed.selectedIndexProperty().get()).isLessThan(100).isEqualTo(
                (long) table.getSelectionModel().getSelectedItem());
    }

    @Test
    void theSelectionSurvivesScrollingFarAwayAndBack(FxRobot robot) throws Exception {
        WindowedTable<Long> windowed = show(1_000, TEN_MILLION);
        robot.interact(() -> windowed.select(10));

        robot.interact(() -> scale(robot).setValue(5_000_000));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(firstShown(windowed)).isEqualTo(5_000_000);
        assertThat(windowed.window().contains(10)).isFalse();
        assertThat(windowed.selectedIndexProperty().get()).as("kept by index while out of the window").isEqualTo(10);

        robot.interact(() -> scale(robot).setValue(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(firstShown(windowed)).isZero();
        assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo(10L);
    }

    @Test
    void aListNoLongerThanTheWindowIsTheTablesOwn(FxRobot robot) throws Exception {
        Numbers rows = new Numbers(500);
        WindowedTable<Long> windowed = show(1_000, 0);
        robot.interact(() -> windowed.setRows(rows));
        assertThat(table.getItems()).isSameAs(rows);
        assertThat(scale(robot).isVisible()).isFalse();
        assertThat(table.getStyleClass()).doesNotContain(WindowedTable.WINDOWED);
    }

    private ScrollBar scale(FxRobot robot) {
        return (ScrollBar) ((WindowedTable<?>) stage.getScene().getRoot()).getRight();
    }

    private double innerScrollBarWidth(FxRobot robot) {
        ScrollBar inner = robot.from(table).lookup(".virtual-flow > .scroll-bar")
                .match(node -> ((ScrollBar) node).getOrientation() == javafx.geometry.Orientation.VERTICAL).query();
        return inner.isVisible() ? inner.getWidth() : 0;
    }

    private long firstShown(WindowedTable<Long> windowed) {
        return windowed.window().indexOf(flow().getFirstVisibleCell().getIndex());
    }

    private long lastShown(WindowedTable<Long> windowed) {
        IndexedCell<?> last = flow().getLastVisibleCell();
        return windowed.window().indexOf(last.getIndex());
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) table.lookup(".virtual-flow");
    }
}
