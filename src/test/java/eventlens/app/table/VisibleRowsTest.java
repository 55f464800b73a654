package eventlens.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableListBase;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Rows whose list changed without telling the table are redrawn in the cells there are: none is made. */
@ExtendWith(ApplicationExtension.class)
class VisibleRowsTest {
    private final AtomicInteger cellsMade = new AtomicInteger();
    private final Rows rows = new Rows();
    private TableView<String> table;

    /** Row i reads "page p, row i"; a new page changes every row without a list change, as a page arriving does. */
    private static final class Rows extends ObservableListBase<String> {
        int page;

        @Override
        public String get(int index) {
            return "page " + page + ", row " + index;
        }

        @Override
        public int size() {
            return 1_000;
        }
    }

    @Start
    void start(Stage stage) {
        table = new TableView<>(rows);
        table.setFixedCellSize(24);
        TableColumn<String, String> text = new TableColumn<>("row");
        text.setPrefWidth(300);
        text.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        text.setCellFactory(c -> {
            cellsMade.incrementAndGet();
            return new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
        });
        table.getColumns().add(text);
        stage.setScene(new Scene(table, 400, 300));
        stage.show();
    }

    @Test
    void theRowsInViewShowTheirNewItemsAndNoCellIsMade(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot)).allMatch(t -> t.startsWith("page 0,"));
        int made = cellsMade.get();

        robot.interact(() -> {
            rows.page = 1;
            VisibleRows.redraw(table);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown(robot)).isNotEmpty().allMatch(t -> t.startsWith("page 1,"));
        assertThat(shown(robot)).contains("page 1, row 0", "page 1, row 5");
        assertThat(cellsMade.get()).as("cells made by the redraw").isEqualTo(made);

        robot.interact(() -> {
            rows.page = 2;
            table.refresh();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cellsMade.get()).as("what TableView.refresh() costs, for contrast").isGreaterThan(made);
    }

    private java.util.List<String> shown(FxRobot robot) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.isVisible() && c.getText() != null).map(c -> (String) c.getText()).toList();
    }
}
