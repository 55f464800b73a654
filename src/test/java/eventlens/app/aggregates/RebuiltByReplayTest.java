package eventlens.app.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.MainViewModel;
import eventlens.app.SampleLogs;
import eventlens.app.imports.LogImporter;
import eventlens.app.replay.ReplayViewModel;
import eventlens.app.work.SameThreadWork;
import eventlens.model.state.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Aggregates view model folding recorded histories with the reducers of the last replay run. */
class RebuiltByReplayTest {
    static final JsonPath CENTS = JsonPath.parse("balanceCents");
    static final String IN_CENTS = """
            reduce('BankAccount', (s, e) => ({ ...s, balanceCents: (e.data.balance ?? s.balanceCents / 100) * 100 }));
            """;

    @TempDir
    Path dir;
    private MainViewModel main;
    private AggregatesViewModel aggregates;
    private HistoryViewModel history;

    @BeforeEach
    void openSamples() {
        main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        main.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));
        aggregates = main.aggregates();
        history = aggregates.history();
    }

    @AfterEach
    void close() {
        main.close();
    }

    private void runScript(String text) {
        ReplayViewModel replay = main.replay();
        replay.script().textProperty().set(text);
        replay.load();
        replay.runToEnd();
    }

    @Test
    void withTheToggleOnAcc1001IsFoldedByTheRunsReducer() {
        assertThat(aggregates.replayLabelProperty().get()).isEmpty();
        runScript(IN_CENTS);
        assertThat(aggregates.replayLabelProperty().get()).matches("State as rebuilt by replay run #\\d+");
        aggregates.open("acc-1001");
        history.moveTo(2);
        assertThat(history.stateProperty().get().valueAt(AggregatesViewModelTest.BALANCE).asLong()).isEqualTo(800);
        assertThat(history.stateProperty().get().valueAt(CENTS).isMissingNode()).isTrue();

        aggregates.rebuiltByReplayProperty().set(true);
        history.moveTo(2);
        assertThat(history.stateProperty().get().meta().version()).isEqualTo(3);
        assertThat(history.stateProperty().get().valueAt(CENTS).asLong()).isEqualTo(80_000);
        assertThat(history.stateProperty().get().valueAt(AggregatesViewModelTest.BALANCE).isMissingNode()).isTrue();

        aggregates.rebuiltByReplayProperty().set(false);
        history.moveTo(2);
        assertThat(history.stateProperty().get().valueAt(AggregatesViewModelTest.BALANCE).asLong()).isEqualTo(800);
    }

    @Test
    void aScriptWithoutReducersOffersNoToggle() {
        runScript("on('order.created', (e, ctx) => {});");
        assertThat(aggregates.replayLabelProperty().get()).isEmpty();
        assertThat(aggregates.rebuiltByReplayProperty().get()).isFalse();
    }
}
