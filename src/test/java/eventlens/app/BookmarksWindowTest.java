package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.bookmarks.BookmarksViewModel;
import eventlens.model.store.Bookmarks.Bookmark;
import java.nio.file.Files;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Bookmarks in the window, headless on the samples: add with Ctrl+D, list, go there, come back with Alt+Left. */
class BookmarksWindowTest extends HeadlessWindowTest {
    private static final String NOTE = "why did \"this\" fail? ✓";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void ctrlDBookmarksTheSelectedEventAndChoosingItInTheMenuGoesBackThereAndAltLeftReturns(FxRobot robot) {
        String failed = showTheFlowOfAFailedPayment(robot);
        robot.clickOn("#navigator").press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        robot.clickOn("#bookmark-note").write(NOTE);
        robot.clickOn("Add");
        assertThat(model.bookmarks().bookmarks()).singleElement()
                .extracting(Bookmark::view, Bookmark::selection, Bookmark::note)
                .containsExactly("flows", failed, NOTE);

        robot.interact(() -> model.sectionProperty().set(Section.AGGREGATES));
        robot.clickOn("Bookmarks");
        robot.clickOn(BookmarksViewModel.describe(model.bookmarks().bookmarks().get(0)));
        assertThat(model.sectionProperty().get()).isEqualTo(Section.FLOWS);
        assertThat(model.openFlow().selected().map(n -> n.event().id())).contains(failed);

        robot.clickOn("#navigator").press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.AGGREGATES);
    }

    @Test
    void aBookmarkInTheViewWeAreInIsANewPlaceAndTheDialogEditsAndDeletesIt(FxRobot robot) {
        String failed = showTheFlowOfAFailedPayment(robot);
        robot.interact(() -> model.addBookmark("first"));
        robot.interact(() -> {
            model.events().filterTextProperty().set("type:order.created");
            model.events().applyFilter();
            model.events().select(0);
            model.events().showFlowOfSelected();
        });
        String other = model.openFlow().selected().orElseThrow().event().id();
        assertThat(other).isNotEqualTo(failed);

        robot.clickOn("#navigator").press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D)
                .release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        TableView<?> table = robot.lookup("#bookmarks-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        robot.clickOn("#bookmark-edit");
        robot.lookup("#bookmark-note").queryTextInputControl().clear();
        robot.clickOn("#bookmark-note").write("second\nline");
        robot.clickOn("Save");
        assertThat(model.bookmarks().bookmarks().get(0).note()).isEqualTo("second\nline");
        robot.clickOn("#bookmark-go");
        assertThat(model.openFlow().selected().map(n -> n.event().id())).contains(failed);

        robot.interact(model::goBack);
        assertThat(model.sectionProperty().get()).isEqualTo(Section.FLOWS);
        assertThat(model.openFlow().selected().map(n -> n.event().id()))
                .as("a bookmark in the same view is a new place: Back returns to the flow we were looking at")
                .contains(other);

        robot.interact(() -> model.addBookmark("second"));
        robot.clickOn("#navigator").press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D)
                .release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        TableView<?> again = robot.lookup("#bookmarks-table").queryAs(TableView.class);
        robot.interact(() -> again.getSelectionModel().select(0));
        robot.clickOn("#bookmark-delete");
        assertThat(model.bookmarks().bookmarks()).extracting(Bookmark::note).containsExactly("second");
        assertThat(again.getSelectionModel().getSelectedIndex()).as("the bookmark that took the deleted one's row")
                .isZero();
    }

    private String showTheFlowOfAFailedPayment(FxRobot robot) {
        robot.interact(() -> {
            model.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));
            model.events().filterTextProperty().set("type:payment.failed");
            model.events().applyFilter();
            model.events().select(0);
            model.events().showFlowOfSelected();
        });
        assertThat(model.sectionProperty().get()).isEqualTo(Section.FLOWS);
        return model.openFlow().selected().orElseThrow().event().id();
    }
}

