package eventlens.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ColumnFitTest {
    private TableView<Long> table;
    private TableColumn<Long, Long> count;
    private TableColumn<Long, String> name;
    private final ObservableList<Long> rows = FXCollections.observableArrayList();

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        count = new TableColumn<>("Events");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        TextCell.number(count);
        name = new TableColumn<>("Type");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null : c.getValue() == 1 ? "x"
                : "a.rather.long.event.type.name.that.is.wide." + c.getValue()));
        TextCell.text(name);
        table.getColumns().setAll(java.util.List.of(count, name));
        ColumnFit.onFirstFill(table);
        table.setItems(rows);
        stage.setScene(new Scene(table, 900, 400));
        stage.show();
    }

    @Test
    void columnsAreSizedToTheirContentOnFirstFillAndNotAgainUntilEmptied() throws Exception {
        double before = name.getPrefWidth();
        WaitForAsyncUtils.asyncFx(() -> rows.setAll(10_000_000L, 1L)).get();
        double fitted = name.getPrefWidth();
        assertThat(fitted).isGreaterThan(before);
        assertThat(count.getPrefWidth()).as("'10,000,000' and its header fit").isGreaterThan(60);

        WaitForAsyncUtils.asyncFx(() -> name.setPrefWidth(90)).get();
        WaitForAsyncUtils.asyncFx(() -> rows.add(3L)).get();
        assertThat(name.getPrefWidth()).as("the user's width is kept while the table has rows").isEqualTo(90);

        WaitForAsyncUtils.asyncFx(() -> rows.clear()).get();
        WaitForAsyncUtils.asyncFx(() -> rows.setAll(4L)).get();
        assertThat(name.getPrefWidth()).as("refilled after being emptied: fitted again").isGreaterThan(200);
    }

    @Test
    void aCutOffCellOffersItsWholeTextAsATooltipAndAFittingOneDoesNot() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> rows.setAll(2L, 1L)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tooltips()).as("fitted: nothing is cut").allMatch(t -> t == null);
        WaitForAsyncUtils.asyncFx(() -> name.setPrefWidth(name.getMinWidth())).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tooltips()).contains("a.rather.long.event.type.name.that.is.wide.2");
        assertThat(tooltips()).as("'x' still fits").doesNotContain("x");
    }

    private java.util.List<String> tooltips() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TextCell<?, ?> c && c.getTableColumn() == name && c.getText() != null)
                .map(n -> tooltipTextOf((TextCell<?, ?>) n))
                .toList()).get();
    }

    /** What the cell's tooltip shows once the pointer is on the cell (null: it has none). */
    private static String tooltipTextOf(TextCell<?, ?> cell) {
        if (cell.getTooltip() == null) {
            return null;
        }
        cell.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1,
                javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false,
                false, null));
        return cell.getTooltip().getText();
    }

    @Test
    void aPagedListIsFittedWhenItsFirstPageArrives() throws Exception {
        eventlens.app.work.ManualWork work = new eventlens.app.work.ManualWork();
        var paged = new eventlens.app.work.PagedRows<Long>((offset, limit) -> java.util.List.of(5L, 6L), 2, work,
                page -> { }, error -> { });
        WaitForAsyncUtils.asyncFx(() -> table.setItems(paged)).get();
        WaitForAsyncUtils.waitForFxEvents();
        double unfitted = name.getPrefWidth();
        WaitForAsyncUtils.asyncFx(work::runAll).get();
        assertThat(name.getPrefWidth()).as("rows came with a page, not with a list change").isGreaterThan(unfitted);
    }

    @Test
    void fittingNeverExceedsTheCap() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>("y".repeat(2_000)));
            rows.setAll(2L);
        }).get();
        assertThat(name.getPrefWidth()).isEqualTo(ColumnFit.MAX_WIDTH);
    }

    @Test
    void unloadedRowsOfAPagedListAreSkipped() throws Exception {
        ObservableList<Long> paged = FXCollections.observableArrayList(null, null);
        WaitForAsyncUtils.asyncFx(() -> table.setItems(paged)).get();
        double unfitted = name.getPrefWidth();
        WaitForAsyncUtils.asyncFx(() -> paged.set(1, 7L)).get();
        assertThat(name.getPrefWidth()).isGreaterThan(unfitted);
    }

    @Test
    void aDrawnColumnGetsItsHeaderWidthAndItsValuesAreNeverTurnedIntoText() throws Exception {
        TableColumn<Long, Object> drawn = new TableColumn<>("Over time");
        drawn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(new Object() {
            @Override
            public String toString() {
                throw new AssertionError("a drawn column's value was turned into text");
            }
        }));
        drawn.setCellFactory(c -> new javafx.scene.control.TableCell<>());
        drawn.setMaxWidth(140);
        ColumnFit.drawn(drawn);
        WaitForAsyncUtils.asyncFx(() -> {
            table.getColumns().add(drawn);
            ColumnFit.fit(table);
        }).get();
        WaitForAsyncUtils.asyncFx(() -> rows.setAll(5L)).get();
        assertThat(drawn.getPrefWidth()).isBetween(40.0, 140.0);
    }
}
