package eventlens.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ColumnsInTurnTest {
    private TableView<String> table;
    private final ObservableList<String> rows = FXCollections.observableArrayList();
    private boolean warming = true;

    @Start
    void start(Stage stage) {
        table = new TableView<>(rows);
        for (String name : List.of("a", "b", "c", "d")) {
            TableColumn<String, String> c = new TableColumn<>(name);
            c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(v.getValue() + "." + name));
            table.getColumns().add(c);
        }
        table.getColumns().get(2).setVisible(false); // hidden by the user: stays hidden
        stage.setScene(new Scene(table, 600, 300));
        stage.show();
    }

    @Test
    void theFirstRowsCellsAreMadeAColumnAStepAndEveryColumnIsBackAfterTheLast() throws Exception {
        ColumnsInTurn turn = new ColumnsInTurn(table, table.getColumns());
        List<Runnable> steps = new ArrayList<>(turn.steps(() -> rows.add("warm"), () -> warming));
        List<List<String>> shown = new ArrayList<>();
        List<Integer> cells = new ArrayList<>();
        for (Runnable step : steps) {
            WaitForAsyncUtils.asyncFx(() -> {
                step.run();
                shown.add(table.getVisibleLeafColumns().stream().map(TableColumn::getText).toList());
                cells.add(table.lookupAll(".table-row-cell").stream().filter(n -> n instanceof TableRow<?> r
                        && r.getItem() != null).findFirst().map(r -> r.lookupAll(".table-cell").size()).orElse(0));
            }).get();
        }
        assertThat(shown.get(0)).as("the first step only hides").containsExactly("a");
        assertThat(cells.get(0)).isZero();
        assertThat(shown.get(1)).containsExactly("a");
        assertThat(cells.get(1)).as("the made-up row, with one cell").isEqualTo(1);
        assertThat(shown.subList(2, shown.size())).containsSubsequence(List.of("a", "b"), List.of("a", "b", "d"));
        assertThat(shown.getLast()).as("the column the user hid stays hidden").containsExactly("a", "b", "d");
        assertThat(cells.getLast()).isEqualTo(3);
    }

    @Test
    void aWarmUpCutShortShowsEveryColumnItHidAtOnce() throws Exception {
        ColumnsInTurn turn = new ColumnsInTurn(table, table.getColumns());
        List<Runnable> steps = turn.steps(() -> rows.add("warm"), () -> warming);
        WaitForAsyncUtils.asyncFx(() -> {
            steps.get(0).run();
            steps.get(1).run();
        }).get();
        assertThat(table.getVisibleLeafColumns()).hasSize(1);
        warming = false; // real rows came
        WaitForAsyncUtils.asyncFx(() -> steps.get(2).run()).get();
        assertThat(table.getVisibleLeafColumns()).extracting(TableColumn::getText).containsExactly("a", "b", "d");

        ColumnsInTurn again = new ColumnsInTurn(table, table.getColumns());
        warming = true;
        List<Runnable> more = again.steps(() -> { }, () -> warming);
        WaitForAsyncUtils.asyncFx(() -> more.get(0).run()).get();
        assertThat(table.getVisibleLeafColumns()).hasSize(1);
        WaitForAsyncUtils.asyncFx(again::showAll).get();
        assertThat(table.getVisibleLeafColumns()).as("the warm-up's end").extracting(TableColumn::getText)
                .containsExactly("a", "b", "d");
    }
}
