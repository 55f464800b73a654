package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.imports.LogImporter;
import eventlens.app.work.BackgroundTask;
import eventlens.app.work.ManualWork;
import eventlens.app.work.SameThreadWork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, closing and reopening projects; the status message; recent projects. */
class ProjectLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void closeProjectLeavesTheWindowWithNoProjectAndKeepsTheFile() throws Exception {
        MainViewModel model = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        Path file = dir.resolve("p.eventlens");
        model.openProject(file);
        model.importFiles(List.of(MainViewModelTest.log(dir, "orders.jsonl", 3, false)));
        assertThat(model.eventCountProperty().get()).isEqualTo(3);

        model.closeProject();

        assertThat(model.hasProjectProperty().get()).isFalse();
        assertThat(model.projectNameProperty().get()).isEqualTo("No project");
        assertThat(model.eventCountProperty().get()).isZero();
        assertThat(model.events().rowsProperty().get()).isEmpty();
        assertThat(file).exists();
        model.openProject(file);
        assertThat(model.eventCountProperty().get()).as("reopened as it was").isEqualTo(3);
        model.close();
    }

    @Test
    void theFxThreadDoesNotCloseTheStoreItself() throws Exception {
        ManualWork work = new ManualWork();
        MainViewModel model = new MainViewModel(work, LogImporter.standard());
        model.openProject(dir.resolve("p.eventlens"));
        work.runAll();
        assertThat(model.hasProjectProperty().get()).isTrue();

        var closed = model.close();

        assertThat(closed).as("closing waits for a worker, not on the caller's thread").isNotDone();
        work.runAll();
        assertThat(closed).isDone();
    }

    @Test
    void openedProjectsAreRememberedNewestFirstAcrossRuns() throws Exception {
        Path list = dir.resolve("settings/recent-projects.txt");
        MainViewModel model = new MainViewModel(new SameThreadWork(), LogImporter.standard(),
                RecentProjects.storedIn(list));
        model.openProject(dir.resolve("a.eventlens"));
        model.openProject(dir.resolve("b.eventlens"));
        model.openProject(dir.resolve("a.eventlens"));
        model.close();

        RecentProjects again = RecentProjects.storedIn(list);
        assertThat(again.paths()).containsExactly(dir.resolve("a.eventlens").toAbsolutePath(),
                dir.resolve("b.eventlens").toAbsolutePath());
    }

    @Test
    void aRecentProjectThatIsGoneIsForgottenWithAMessage() throws Exception {
        RecentProjects recent = RecentProjects.inMemory();
        Path gone = dir.resolve("gone.eventlens");
        recent.add(gone);
        MainViewModel model = new MainViewModel(new SameThreadWork(), LogImporter.standard(), recent);

        model.openRecent(gone);

        assertThat(recent.paths()).isEmpty();
        assertThat(model.messageProperty().get()).contains("gone.eventlens", "no longer exists");
        assertThat(model.hasProjectProperty().get()).isFalse();
    }

    @Test
    void aFailureShowsOneLineWithDetailsAndTheNextSuccessClearsIt() throws Exception {
        MainViewModel model = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        Path notAProject = Files.writeString(dir.resolve("junk.eventlens"), "this is not a database, just text".repeat(200));

        model.openProject(notAProject);

        assertThat(model.messageProperty().get()).startsWith("Cannot open junk.eventlens: ")
                .doesNotContain("\n");
        assertThat(model.status().detailsProperty().get()).contains("Exception");

        model.openProject(dir.resolve("good.eventlens"));
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.status().detailsProperty().get()).isEmpty();
        model.close();
    }

    @Test
    void aBackgroundTaskWithoutAFailureHandlerIsNotSilent() {
        SameThreadWork work = new SameThreadWork();
        MainViewModel model = new MainViewModel(work, LogImporter.standard());
        BackgroundTask.of(context -> {
            throw new IllegalStateException("the disk is full");
        }).named("Loading the flow list").executeWith(work);
        assertThat(model.messageProperty().get()).isEqualTo("Loading the flow list failed: the disk is full");
        assertThat(model.status().detailsProperty().get()).contains("IllegalStateException");
    }
}
