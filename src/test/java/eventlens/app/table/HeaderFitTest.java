package eventlens.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class HeaderFitTest {
    private static final List<String> TITLES = List.of("#", "Correlation", "Aggregate", "Failures over time");
    private TableView<Long> table;
    private final ObservableList<Long> rows = FXCollections.observableArrayList();

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        for (String title : TITLES) {
            TableColumn<Long, String> c = new TableColumn<>(title);
            c.setPrefWidth(30); // what a hand-picked width too small for the title looks like
            c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>("x"));
            TextCell.text(c);
            table.getColumns().add(c);
        }
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.onFirstFill(table);
        table.setItems(rows);
        stage.setScene(new Scene(table, 300, 200));
        stage.show();
    }

    @Test
    void noHeaderIsCutBeforeOrAfterTheTableFillsEvenWhenTheUserDragsItNarrow(FxRobot robot) throws Exception {
        assertThat(shownTitles(robot)).containsExactlyElementsOf(TITLES);
        WaitForAsyncUtils.asyncFx(() -> rows.setAll(1L, 2L)).get();
        WaitForAsyncUtils.asyncFx(() -> table.getColumns().forEach(c -> c.setPrefWidth(5))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownTitles(robot)).containsExactlyElementsOf(TITLES);
    }

    @Test
    void aColumnCanBeKeptWideEnoughForItsWidestValue() throws Exception {
        TableColumn<Long, ?> first = table.getColumns().get(0);
        WaitForAsyncUtils.asyncFx(() -> ColumnFit.atLeast(first, "10,000,000")).get();
        Text ten = new Text("10,000,000");
        assertThat(first.getMinWidth()).isGreaterThan(ten.getLayoutBounds().getWidth());
        assertThat(first.getWidth()).isGreaterThanOrEqualTo(first.getMinWidth());
    }

    /** The text each header draws: the title, or the title cut with an ellipsis. */
    private static List<String> shownTitles(FxRobot robot) {
        return robot.lookup(".column-header .label").queryAllAs(Label.class).stream()
                .map(l -> l.lookupAll(".text").stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                        .findFirst().orElse(""))
                .toList();
    }
}
