package eventlens.app.time;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.SampleLogs;
import eventlens.app.Section;
import eventlens.model.time.Histogram;
import eventlens.model.time.StackBy;
import java.nio.file.Files;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The histogram under the Events view, driven headless on the bundled samples. */
class TimeHistogramTest extends eventlens.app.HeadlessWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private TimeHistogramViewModel openSamples(FxRobot robot) {
        robot.interact(() -> {
            model.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));
            model.sectionProperty().set(Section.EVENTS);
        });
        return model.histogram();
    }

    @Test
    void theSamplesAreCountedOverTheirSpanSplitByTypeOrSourceWithFailures(FxRobot robot) {
        TimeHistogramViewModel h = openSamples(robot);
        Histogram byType = h.histogramProperty().get();
        assertThat(byType).isNotNull();
        long total = model.events().matchCountProperty().get();
        assertThat(byType.total(0, byType.buckets())).as("every timed event is in a bar").isEqualTo(total);
        long failures = 0;
        for (int b = 0; b < byType.buckets(); b++) {
            failures += byType.failures(b);
        }
        assertThat(failures).as("the samples hold payment failures").isPositive();
        assertThat(byType.series()).hasSizeLessThanOrEqualTo(TimeHistogramViewModel.SERIES);

        robot.interact(() -> h.stackByProperty().set(StackBy.SOURCE));
        Histogram bySource = h.histogramProperty().get();
        assertThat(bySource.series()).isNotEqualTo(byType.series());
        assertThat(bySource.total(0, bySource.buckets())).isEqualTo(total);
        assertThat(robot.lookup("#time-histogram").tryQuery()).as("shown under the events").isPresent();
    }

    @Test
    void anEmptyProjectSaysItsEventsComeAtTheImportsEndWhileAnImportFillsIt(FxRobot robot) {
        robot.interact(() -> model.openProject(dir.resolve("empty.eventlens")));
        TimeHistogramViewModel h = model.histogram();
        assertThat(h.importingProperty().isBound()).as("follows the window's import").isTrue();
        assertThat(h.statusProperty().get()).isEqualTo(TimeHistogramViewModel.NO_TIMES);
        robot.interact(() -> {
            h.importingProperty().unbind();
            h.importingProperty().set(true);
        });
        assertThat(h.statusProperty().get()).isEqualTo(TimeHistogramViewModel.IMPORTING);
        robot.interact(h::reload);
        assertThat(h.statusProperty().get()).as("counted again while it runs").isEqualTo(TimeHistogramViewModel.IMPORTING);
        robot.interact(() -> h.importingProperty().set(false));
        assertThat(h.statusProperty().get()).isEqualTo(TimeHistogramViewModel.NO_TIMES);
    }

    @Test
    void brushingARangeFiltersTheEventsAndClearingItShowsThemAllAgain(FxRobot robot) {
        TimeHistogramViewModel h = openSamples(robot);
        long all = model.events().matchCountProperty().get();
        Histogram shown = h.histogramProperty().get();
        TimeRange firstHalf = new TimeRange(shown.fromMicros(), shown.startOf(shown.buckets() / 2));
        long expected = shown.total(0, shown.buckets() / 2);

        robot.interact(() -> h.brushProperty().set(firstHalf));
        assertThat(model.events().matchCountProperty().get()).isEqualTo(expected).isLessThan(all);
        assertThat(h.statusProperty().get()).contains("brushed");

        robot.interact(() -> {
            model.events().filterTextProperty().set("type:payment.*");
            model.events().applyFilter();
        });
        long paymentsInRange = model.events().matchCountProperty().get();
        assertThat(paymentsInRange).as("the filter and the brush both hold").isLessThan(expected);

        robot.interact(() -> h.brushProperty().set(null));
        assertThat(model.events().matchCountProperty().get()).isGreaterThanOrEqualTo(paymentsInRange);
        robot.interact(() -> {
            model.events().filterTextProperty().set("");
            model.events().applyFilter();
        });
        assertThat(model.events().matchCountProperty().get()).isEqualTo(all);
    }

    @Test
    void zoomingInCountsAFinerRangeAndTheWholeSpanComesBack(FxRobot robot) {
        TimeHistogramViewModel h = openSamples(robot);
        TimeRange whole = h.shownProperty().get();
        Histogram before = h.histogramProperty().get();
        robot.interact(() -> h.zoom(0.1, whole.fromMicros() + whole.length() / 2));
        TimeRange zoomed = h.shownProperty().get();
        assertThat(zoomed.length()).isLessThan(whole.length() / 5);
        assertThat(h.histogramProperty().get().bucketMicros()).isLessThan(before.bucketMicros());

        robot.interact(() -> h.pan(-whole.length()));
        assertThat(h.shownProperty().get().fromMicros()).as("panning stops at the log's start").isEqualTo(whole.fromMicros());

        robot.interact(h::showWhole);
        assertThat(h.shownProperty().get()).isEqualTo(whole);
    }

    @Test
    void aClickOnTheBarsMovesTheApplicationsTimeCursorWhichTheyThenShow(FxRobot robot) {
        TimeHistogramViewModel h = openSamples(robot);
        TimeRange whole = h.shownProperty().get();
        robot.interact(() -> h.moveCursor(whole.fromMicros() + whole.length() / 3));
        assertThat(model.timeCursorProperty().get()).isEqualTo(eventlens.model.time.Micros.instant(whole.fromMicros() + whole.length() / 3));
    }

    @Test
    void aFilterIsCountedOverTimeOnTheSameBarsAndClearingItCountsEveryEventAgain(FxRobot robot) {
        TimeHistogramViewModel h = openSamples(robot);
        Histogram all = h.histogramProperty().get();
        robot.interact(() -> {
            model.events().filterTextProperty().set("type:payment.*");
            model.events().applyFilter();
        });
        Histogram payments = h.histogramProperty().get();
        long matches = model.events().matchCountProperty().get();
        assertThat(payments.total(0, payments.buckets())).as("the bars count the matches").isEqualTo(matches)
                .isLessThan(all.total(0, all.buckets()));
        assertThat(payments.bucketMicros()).isEqualTo(all.bucketMicros());
        assertThat(h.titleProperty().get()).isEqualTo("Matching events over time");

        robot.interact(() -> {
            model.events().filterTextProperty().set("");
            model.events().applyFilter();
        });
        assertThat(h.histogramProperty().get().total(0, all.buckets())).isEqualTo(all.total(0, all.buckets()));
        assertThat(h.titleProperty().get()).isEqualTo(TimeHistogramViewModel.EVERY_EVENT);
    }

    @Test
    void theIssuesQueryOnTheSamplesFindsTheRecentPaymentFailuresAndTheHistogramCountsThem(FxRobot robot) {
        TimeHistogramViewModel h = openSamples(robot);
        robot.interact(() -> {
            model.events().filterTextProperty().set("type:payment.* AND is:failed after:-1d");
            model.events().applyFilter();
        });
        long matches = model.events().matchCountProperty().get();
        assertThat(matches).as("the samples end within a day of some payment failures").isPositive();
        Histogram counted = h.histogramProperty().get();
        assertThat(counted.total(0, counted.buckets())).isEqualTo(matches);
    }

    @Test
    void underTheFlowsViewTheListedFlowsEventsAreCountedAndTheBrushNarrowsTheList(FxRobot robot) {
        openSamples(robot);
        robot.interact(() -> model.sectionProperty().set(Section.FLOWS));
        TimeHistogramViewModel h = model.flowHistogram();
        assertThat(robot.lookup("#flow-histogram").tryQuery()).as("off at first").isEmpty();
        robot.clickOn("#flows-over-time");
        assertThat(robot.lookup("#flow-histogram").tryQuery()).as("shown under the flows").isPresent();
        Histogram all = h.histogramProperty().get();
        assertThat(all).isNotNull();

        var flows = model.flowList();
        robot.interact(() -> flows.filterTextProperty().set("type:order.created"));
        robot.interact(flows::reload);
        long listed = flows.rowsProperty().get().size();
        long events = 0;
        for (var f : flows.rowsProperty().get()) {
            events += f.events();
        }
        Histogram orders = h.histogramProperty().get();
        assertThat(orders.total(0, orders.buckets())).as("the listed flows' events").isEqualTo(events);
        assertThat(h.titleProperty().get()).contains("listed flows");

        TimeRange firstBar = new TimeRange(orders.fromMicros(), orders.startOf(1));
        robot.interact(() -> h.brushProperty().set(firstBar));
        long brushed = flows.rowsProperty().get().size();
        assertThat(brushed).as("only the flows of the brushed range").isLessThan(listed);
        TimeRange nothing = new TimeRange(orders.fromMicros() - 2_000_000, orders.fromMicros() - 1_000_000);
        robot.interact(() -> h.brushProperty().set(nothing));
        assertThat(flows.rowsProperty().get()).isEmpty();
        assertThat(flows.emptyTextProperty().get()).contains("in the brushed time range");
        robot.interact(() -> h.brushProperty().set(null));
        assertThat(flows.rowsProperty().get()).hasSize((int) listed);

        robot.interact(() -> h.brushProperty().set(firstBar));
        robot.clickOn("#flows-over-time");
        assertThat(robot.lookup("#flow-histogram").tryQuery()).as("hidden by its toggle").isEmpty();
        assertThat(h.brushProperty().get()).as("a hidden brush narrows nothing").isNull();
        assertThat(flows.rowsProperty().get()).hasSize((int) listed);
    }
}
