package eventlens.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.MainViewModel;
import eventlens.app.aggregates.AggregatesViewModel;
import eventlens.app.aggregates.HistoryViewModel;
import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import eventlens.model.state.JsonPath;
import eventlens.replay.script.ReplayScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's "done when" in the window's view models: samples/order-versions.jsonl replayed through the
 * bundled example upcast-orders.js — the console counts what the upcaster changed, the Aggregates view's
 * "rebuilt by replay" state folds the upcast events, and the dead-letter dry run retries through it.
 */
class UpcastOrdersViewModelTest {
    private MainViewModel main;
    private ReplayViewModel replay;

    @BeforeEach
    void openTheSample() {
        main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        main.openTemporaryProject("Order versions", List.of(Path.of("samples/order-versions.jsonl"),
                Path.of("samples/order-versions-dead-letters.jsonl")));
        replay = main.replay();
        replay.script().openExample("upcast-orders.js");
        replay.load();
        replay.runToEnd();
    }

    @AfterEach
    void close() {
        main.close();
    }

    @Test
    void givenTheFinishedRun_thenTheConsoleSaysHowManyEventsTheUpcasterChanged() {
        assertThat(replay.stateProperty().get()).isEqualTo(ReplayState.FINISHED);
        assertThat(replay.output().console()).extracting(ConsoleLine::text)
                .containsOnlyOnce("upcaster OrderPlaced 1.0->2.0 changed 40 events")
                .noneMatch(t -> t.contains("TypeError"));
        assertThat(replay.statusProperty().get()).contains("dead-lettered 0").contains("upcast 40").contains("finished");
    }

    @Test
    void givenTheRunsReducers_whenAnOldOrderIsRebuiltByReplay_thenItIsFoldedUpcast() {
        AggregatesViewModel aggregates = main.aggregates();
        HistoryViewModel history = aggregates.history();
        aggregates.open("order-2001");
        history.moveTo(0);
        assertThat(history.stateProperty().get().valueAt(JsonPath.parse("items")).get(0).isTextual()).isTrue();

        aggregates.rebuiltByReplayProperty().set(true);
        history.moveTo(0);
        assertThat(history.stateProperty().get().valueAt(JsonPath.parse("units")).asInt()).isEqualTo(3);
        assertThat(history.stateProperty().get().valueAt(JsonPath.parse("items")).get(0).path("productId").asText())
                .isEqualTo("SKU-1011");
    }

    @Test
    void givenOldVersionDeadLetters_whenRetriedDryThroughTheUpcasterFix_thenAllWouldNowSucceed() throws Exception {
        var deadLetters = main.deadLetters();
        var dryRun = deadLetters.dryRun();
        dryRun.scriptProperty().set(new ReplayScript("upcast-orders.js", Files.readString(Path.of("samples/scripts/upcast-orders.js"))));
        assertThat(deadLetters.groups()).hasSize(1);
        deadLetters.selectGroup(deadLetters.groups().get(0));
        deadLetters.dryRunGroup();
        assertThat(dryRun.summaryProperty().get()).isEqualTo("4 of 4 would now succeed (upcast-orders.js)");
        assertThat(dryRun.outcomes()).allSatisfy(e -> assertThat(e.event().dataTree().path("items").get(0).has("productId")).isTrue());
    }
}
