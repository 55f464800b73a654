package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.table.ColumnFit;
import eventlens.app.table.TextCell;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's views: kept in the scene while hidden and unchanged, put away when they change unseen. */
@ExtendWith(ApplicationExtension.class)
class ViewShelfTest {
    private final ObservableList<String> rows = FXCollections.observableArrayList();
    private ViewShelf shelf;
    private BorderPane first;
    private BorderPane second;
    private TableColumn<String, String> name;

    @Start
    void start(Stage stage) {
        shelf = new ViewShelf();
        first = new BorderPane(new Label("first"));
        second = new BorderPane();
        TableView<String> table = new TableView<>(rows);
        name = new TableColumn<>("Type");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        TextCell.text(name);
        table.getColumns().add(name);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.onFirstFill(table);
        second.setCenter(table);
        stage.setScene(new Scene(shelf.area(), 900, 400));
        stage.show();
    }

    @Test
    void aWarmedViewStaysInTheSceneHiddenUntilItAsksForALayout() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> shelf.show(first)).get();
        warm(second);
        assertThat(shelf.keeps(second)).as("warmed and unchanged: kept styled in the scene").isTrue();
        assertThat(second.isManaged()).as("not sized by the area while hidden").isFalse();
        assertThat(second.getOpacity()).isEqualTo(1);

        WaitForAsyncUtils.asyncFx(() -> rows.setAll("order.created", "order.paid")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(second.getScene()).as("its rows changed unseen: out of the scene until shown").isNull();

        WaitForAsyncUtils.asyncFx(() -> shelf.show(second)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(second.isVisible()).isTrue();
        assertThat(shelf.area().getChildren()).as("the view shown before leaves the scene").containsExactly(second);
    }

    @Test
    void aKeptViewShowsWithoutLeavingTheScene() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> shelf.show(first)).get();
        warm(second);
        javafx.scene.Scene scene = second.getScene();
        WaitForAsyncUtils.asyncFx(() -> shelf.show(second)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(second.getScene()).isSameAs(scene);
        assertThat(second.isVisible()).isTrue();
        assertThat(second.isManaged()).isTrue();
        assertThat(second.getWidth()).as("sized by the area again").isEqualTo(shelf.area().getWidth());
    }

    @Test
    void aTableHiddenInTheSceneIsFittedWhenItsViewShows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> shelf.show(first)).get();
        warm(second);
        // Filled while hidden: fitting waits for the view to show (fitting hidden tables stalled imports).
        WaitForAsyncUtils.asyncFx(() -> rows.setAll("a.rather.long.event.type.name.that.is.wide")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(name.getPrefWidth()).as("hidden: not fitted yet").isEqualTo(80);
        WaitForAsyncUtils.asyncFx(() -> shelf.show(second)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(name.getPrefWidth()).as("fitted in the pulse that shows it").isGreaterThan(200);
    }

    /** The window's warm-up: behind the shown view, laid out, then hidden. */
    private void warm(BorderPane view) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> shelf.warm(view)).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> shelf.endWarm(view)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
