package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.FxBackgroundWork;
import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real threading (pages load on workers, rows redraw when they arrive) on a project of 100,000
 * events: jumping to the end shows the last rows without reading the log in between.
 */
@ExtendWith(ApplicationExtension.class)
class ScrollingTest {
    static final int EVENTS = 100_000;

    @TempDir
    Path dir;
    private FxBackgroundWork work;
    private MainViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        work = new FxBackgroundWork();
        model = new MainViewModel(work, (store, files, listener) -> {
            throw new UnsupportedOperationException("not used");
        });
        window = new MainWindow(model, stage::close);
        stage.setScene(EventLensApp.scene(window));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
            model.close();
        }).get();
        work.close();
    }

    @Test
    void jumpingToTheEndShowsTheLastEvents(FxRobot robot) throws Exception {
        Path project = dir.resolve("big.eventlens");
        try (ProjectStore store = ProjectStore.open(project); ImportWriter writer = store.beginImport()) {
            writer.startFile("big.jsonl", "json", null);
            for (int i = 1; i <= EVENTS; i++) {
                writer.add(new Event(0, "e" + i, "order.created", "svc", Instant.parse("2024-01-15T10:00:00Z")
                        .plusMillis(i), null, null, null, null, null, "{}", "{}", "{}", new Origin("big.jsonl", i, "json")));
            }
            writer.commit();
        }
        robot.interact(() -> model.openProject(project));
        TableView<Event> table = robot.lookup("#events-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == EVENTS); // a wait, not a measure: slow under load
        // Jump once the table shows its first page, as a user would. A scrollTo right after the new row count
        // was sometimes lost in full builds (two runs in four): the last page was loaded and the workers idle,
        // but the table stayed at the top, most likely reset by its first layout of that count.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.events().pagesLoadedProperty().get() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.scrollTo(EVENTS - 1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lastRowShown(robot));
        assertThat(model.eventCountProperty().get()).isEqualTo(EVENTS);
        assertThat(model.events().pagesLoadedProperty().get()).as("pages read").isLessThanOrEqualTo(4);
    }

    private static boolean lastRowShown(FxRobot robot) {
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .anyMatch(row -> row.getIndex() == EVENTS - 1 && row.getItem() instanceof Event e
                        && e.id().equals("e" + EVENTS));
    }
}
