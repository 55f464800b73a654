package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline control headless: it is sized by its parent and never by what it draws, and its axis
 * draws a handful of ticks however long the flow.
 */
@ExtendWith(ApplicationExtension.class)
class FlowTimelineTest {
    private FlowTimeline timeline;
    private StackPane root;

    @Start
    void start(Stage stage) {
        timeline = new FlowTimeline();
        root = new StackPane(timeline);
        stage.setScene(new Scene(root, 1_000, 300));
        stage.show();
    }

    private static LoadedFlow chain(Instant start, long stepMillis, int events) {
        List<Event> list = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            list.add(new Event(i + 1, "e" + i, "step" + i, "s" + (i % 3), start.plusMillis(i * stepMillis), null, null,
                    null, "c", i == 0 ? null : "e" + (i - 1), null, null, "{}", null));
        }
        return LoadedFlow.of("c", CausalGraph.build(list));
    }

    private double[] sizes() {
        return new double[] {timeline.minWidth(-1), timeline.minHeight(-1), timeline.prefWidth(-1),
                timeline.prefHeight(-1)};
    }

    @Test
    void itsPreferredAndMinimumSizesDoNotFollowItsSizeOrItsFlow(FxRobot robot) {
        double[][] seen = new double[3][];
        robot.interact(() -> {
            root.layout();
            seen[0] = sizes();
            timeline.flowProperty().set(chain(Instant.parse("2024-01-15T10:00:00Z"), 40, 30));
            root.resize(2_400, 1_500);
            root.layout();
            root.layout();
            seen[1] = sizes();
            timeline.zoom(8);
            root.layout();
            seen[2] = sizes();
        });
        assertThat(seen[0]).containsExactly(FlowTimelineSkin.MIN_WIDTH, FlowTimelineSkin.MIN_HEIGHT,
                FlowTimelineSkin.PREF_WIDTH, FlowTimelineSkin.PREF_HEIGHT);
        assertThat(seen[1]).containsExactly(seen[0]);
        assertThat(seen[2]).containsExactly(seen[0]);
        assertThat(timeline.getWidth()).isEqualTo(2_400);
    }

    @Test
    void aFlowSpanningAYearDrawsAFewTicksFittedAndAtEveryZoom(FxRobot robot) {
        robot.interact(() -> {
            timeline.flowProperty().set(chain(Instant.parse("2023-01-01T00:00:00Z"), 365L * 24 * 3600_000 / 4, 5));
            root.layout();
        });
        FlowTimelineSkin skin = (FlowTimelineSkin) timeline.getSkin();
        int most = (int) Math.ceil(1_000 / TimeAxis.MIN_GAP) + 2;
        assertThat(skin.ticksPainted()).isBetween(2, most);
        for (int i = 0; i < 60; i++) {
            robot.interact(() -> timeline.zoom(0.5));
            assertThat(skin.ticksPainted()).isBetween(1, most);
        }
        for (int i = 0; i < 120; i++) {
            robot.interact(() -> timeline.zoom(2));
            assertThat(skin.ticksPainted()).isBetween(1, most);
        }
    }

    @Test
    void aBigFlowsShapesArePlacedOnTheExecutorAndPaintedWhenReady(FxRobot robot) {
        List<Runnable> jobs = new ArrayList<>();
        int events = FlowTimelineSkin.ASYNC_FROM + 5_000;
        LoadedFlow big = chain(Instant.parse("2024-01-15T10:00:00Z"), 3, events);
        robot.interact(() -> {
            timeline.setBucketExecutor(jobs::add);
            timeline.flowProperty().set(big);
            root.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        FlowTimelineSkin skin = (FlowTimelineSkin) timeline.getSkin();
        assertThat(jobs).as("the FX thread handed the placing over").hasSize(1);
        assertThat(skin.ticksPainted()).as("nothing painted before the shapes are placed").isZero();

        jobs.remove(0).run(); // on this thread, not the FX thread, as the real executor does
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(skin.ticksPainted()).isPositive();
        assertThat(jobs).isEmpty();

        robot.interact(() -> timeline.selectedNodeProperty().set(events / 2));
        WaitForAsyncUtils.waitForFxEvents();
        int scrolledJobs = jobs.size();
        assertThat(scrolledJobs).as("selecting a bar out of view scrolls, which needs new shapes").isLessThanOrEqualTo(1);
        jobs.forEach(Runnable::run);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(skin.ticksPainted()).isPositive();
    }

    private static Event event(int position, String type, String source, long millis, String causation) {
        return new Event(position, "e" + position, type, source, Instant.parse("2024-01-15T10:00:00Z").plusMillis(millis),
                null, null, null, "c", causation, null, null, "{}", null);
    }

    /**
     * Two roots at 0 in lanes s0 and s1, the second's effect in s0 at 6 s: the hop's latency is printed in s0's row,
     * where a bar at 2.5 s, when there is one, has its label.
     */
    private int latenciesPainted(FxRobot robot, boolean labelInTheWay) {
        List<Event> list = new ArrayList<>(List.of(event(1, "started", "s0", 0, null),
                event(2, "scheduled", "s1", 0, null), event(3, "completed", "s0", 6_000, "e2")));
        if (labelInTheWay) {
            list.add(event(4, "a rather long type name", "s0", 2_500, null));
        }
        robot.interact(() -> {
            timeline.flowProperty().set(LoadedFlow.of("c", CausalGraph.build(list)));
            root.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return ((FlowTimelineSkin) timeline.getSkin()).latenciesPainted();
    }

    @Test
    void givenABarsLabelWhereAHopsLatencyWouldBePrinted_thenTheLatencyIsLeftOut(FxRobot robot) {
        assertThat(latenciesPainted(robot, false)).isEqualTo(1);
        assertThat(latenciesPainted(robot, true)).isZero();
    }

    @Test
    void aSmallFlowIsPaintedOnTheSpot(FxRobot robot) {
        List<Runnable> jobs = new ArrayList<>();
        robot.interact(() -> {
            timeline.setBucketExecutor(jobs::add);
            timeline.flowProperty().set(chain(Instant.parse("2024-01-15T10:00:00Z"), 40, 30));
            root.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(jobs).isEmpty();
        assertThat(((FlowTimelineSkin) timeline.getSkin()).ticksPainted()).isPositive();
    }
}
