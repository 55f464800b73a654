package eventlens.app.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.MainViewModel;
import eventlens.app.SampleLogs;
import eventlens.app.Section;
import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import eventlens.model.state.Change;
import eventlens.model.state.FieldChange;
import eventlens.model.state.JsonPath;
import eventlens.model.store.AggregateSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregates view model on the bundled samples, without a window: background work on the same thread. */
class AggregatesViewModelTest {
    static final JsonPath BALANCE = JsonPath.parse("balance");

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

    private long balance() {
        return history.stateProperty().get().valueAt(BALANCE).asLong();
    }

    @Test
    void theListPagesByIdAndTheSearchNarrowsItByIdAndType() {
        AggregatesViewModel small = new AggregatesViewModel(new SameThreadWork(), main.timeCursorProperty(), 2);
        // A second view model over the same project, with pages of two rows.
        small.setStore(aggregates.store());
        small.searchTextProperty().set("type:BankAccount");
        small.reload();
        assertThat(small.rows()).extracting(AggregateSummary::aggregateId).containsExactly("acc-1001", "acc-1002");
        assertThat(small.hasMoreProperty().get()).isTrue();
        small.loadMore();
        small.loadMore();
        assertThat(small.rows()).extracting(AggregateSummary::aggregateId)
                .containsExactly("acc-1001", "acc-1002", "acc-1003", "acc-1004");
        assertThat(small.hasMoreProperty().get()).isFalse();
        small.close();

        aggregates.searchTextProperty().set("c-1003");
        aggregates.reload();
        assertThat(aggregates.rows()).extracting(AggregateSummary::aggregateId).containsExactly("acc-1003");
        assertThat(aggregates.summaryProperty().get()).isEqualTo("1 aggregate");
    }

    @Test
    void selectingAcc1001ShowsItsLastVersionWithBalance500() {
        aggregates.open("acc-1001");
        assertThat(aggregates.selectedProperty().get().events()).isEqualTo(4);
        assertThat(history.steps()).hasSize(4);
        assertThat(history.momentProperty().get()).isEqualTo(3);
        assertThat(balance()).isEqualTo(500);
        assertThat(history.stateProperty().get().meta().version()).isEqualTo(4);
        assertThat(history.momentTextProperty().get()).isEqualTo("v4 of 4 · 2024-01-15T09:20:00Z · MoneyWithdrawn");
        assertThat(history.bookkeepingProperty().get()).startsWith("version 4 · 4 events · last MoneyWithdrawn");
    }

    @Test
    void steppingFirstNextNextLastPreviousWalksTheBalances() {
        aggregates.open("acc-1001");
        history.first();
        assertThat(balance()).isZero();
        history.previous();
        assertThat(balance()).isZero();
        history.next();
        assertThat(balance()).isEqualTo(1000);
        history.next();
        assertThat(balance()).isEqualTo(800);
        assertThat(history.momentTextProperty().get()).isEqualTo("v3 of 4 · 2024-01-15T09:12:00Z · MoneyWithdrawn");
        history.last();
        assertThat(balance()).isEqualTo(500);
        history.next();
        assertThat(balance()).isEqualTo(500);
        history.previous();
        assertThat(balance()).isEqualTo(800);
    }

    @Test
    void theTimeCursorMovesTheStateAndSteppingMovesTheCursor() {
        aggregates.open("acc-1001");
        main.timeCursorProperty().set(Instant.parse("2024-01-15T09:15:00Z"));
        assertThat(balance()).isEqualTo(800);
        assertThat(history.momentProperty().get()).isEqualTo(2);

        history.first();
        assertThat(main.timeCursorProperty().get()).isEqualTo(Instant.parse("2024-01-15T09:00:00Z"));

        history.moveToTime(Instant.parse("2024-01-15T09:06:00Z"));
        assertThat(balance()).isEqualTo(1000);
        assertThat(main.timeCursorProperty().get()).isEqualTo(Instant.parse("2024-01-15T09:06:00Z"));

        main.timeCursorProperty().set(Instant.parse("2024-01-15T08:00:00Z"));
        assertThat(history.momentProperty().get()).isEqualTo(-1);
        assertThat(history.stateProperty().get().isInitial()).isTrue();
        assertThat(history.momentTextProperty().get()).startsWith("Before v1");
    }

    @Test
    void whenTheTimeCursorChoseTheMomentTheTextSaysSoAndGoToLatestShowsTheLastVersion() {
        main.timeCursorProperty().set(Instant.parse("2024-01-15T09:15:00Z"));
        aggregates.open("acc-1001");
        assertThat(history.momentTextProperty().get())
                .isEqualTo("At time cursor 09:15:00 — v3 of 4 · 2024-01-15T09:12:00Z · MoneyWithdrawn");
        assertThat(history.behindLatestProperty().get()).isTrue();

        history.last();
        assertThat(history.momentTextProperty().get()).isEqualTo("v4 of 4 · 2024-01-15T09:20:00Z · MoneyWithdrawn");
        assertThat(history.behindLatestProperty().get()).isFalse();
        assertThat(history.byCursorProperty().get()).isFalse();

        main.timeCursorProperty().set(Instant.parse("2024-01-15T09:06:00Z"));
        assertThat(history.momentTextProperty().get()).startsWith("At time cursor 09:06:00 — v2 of 4");
        history.previous();
        assertThat(history.momentTextProperty().get()).startsWith("v1 of 4");
        assertThat(history.behindLatestProperty().get()).isFalse();
    }

    @Test
    void anotherAggregateOpensAtTheTimeCursor() {
        main.timeCursorProperty().set(Instant.parse("2024-01-15T09:15:00Z"));
        aggregates.open("acc-1001");
        assertThat(balance()).isEqualTo(800);
    }

    @Test
    void theCurrentEventsChangesAreMarkedInTheTree() {
        aggregates.open("acc-1001");
        history.moveTo(2);
        assertThat(history.changes()).extracting(c -> c.path().toString(), Change::kind)
                .contains(org.assertj.core.groups.Tuple.tuple("balance", Change.Kind.CHANGED));
        StateRow row = history.treeProperty().get().find(BALANCE).orElseThrow();
        assertThat(row.value()).isEqualTo("800");
        assertThat(row.mark()).isEqualTo(Change.Kind.CHANGED);
        assertThat(row.before()).isEqualTo("1000");
        StateRow owner = history.treeProperty().get().find(JsonPath.parse("owner")).orElseThrow();
        assertThat(owner.mark()).isNull();

        history.first();
        assertThat(history.treeProperty().get().find(BALANCE).orElseThrow().mark()).isEqualTo(Change.Kind.ADDED);
    }

    @Test
    void diffModeComparesTwoMoments() {
        aggregates.open("acc-1001");
        history.moveTo(3);
        history.compareWithProperty().set(1);
        history.diffModeProperty().set(true);
        assertThat(history.diff()).anySatisfy(c -> {
            assertThat(c.path()).isEqualTo(BALANCE);
            assertThat(c.kind()).isEqualTo(Change.Kind.CHANGED);
            assertThat(c.before().asLong()).isEqualTo(1000);
            assertThat(c.after().asLong()).isEqualTo(500);
        });
        assertThat(history.diff()).extracting(c -> c.path().toString()).contains("amount", "reference");
        assertThat(history.diffTextProperty().get()).startsWith("v2 → v4: ");
        assertThat(history.treeProperty().get().find(BALANCE).orElseThrow().before()).isEqualTo("1000");

        history.diffModeProperty().set(false);
        assertThat(history.diff()).isEmpty();
    }

    @Test
    void whoChangedBalanceListsFourEventsAndPickingOneMovesTheMoment() {
        aggregates.open("acc-1001");
        history.whoChanged(BALANCE);
        List<FieldChange> changes = history.whoChanged();
        assertThat(changes).hasSize(4);
        assertThat(changes).extracting(c -> c.after().asLong()).containsExactly(0L, 1000L, 800L, 500L);
        assertThat(changes.get(0).kind()).isEqualTo(Change.Kind.ADDED);
        assertThat(history.whoChangedPathProperty().get()).isEqualTo("balance — changed by 4 events");

        history.moveToEvent(changes.get(1).event());
        assertThat(history.momentProperty().get()).isEqualTo(1);
        assertThat(balance()).isEqualTo(1000);
    }

    @Test
    void showInEventsAndShowFlowSwitchSections() {
        aggregates.open("acc-1001");
        aggregates.showInEvents();
        assertThat(main.sectionProperty().get()).isEqualTo(Section.EVENTS);
        assertThat(main.events().filterTextProperty().get()).isEqualTo("agg:acc-1001");
        assertThat(main.events().matchCountProperty().get()).isEqualTo(4);

        aggregates.showFlow(history.steps().get(2));
        assertThat(main.sectionProperty().get()).isEqualTo(Section.FLOWS);
    }

    @Test
    void setTimeCursorOnAnEventMovesTheAggregate() {
        aggregates.open("acc-1001");
        main.events().filterTextProperty().set("agg:acc-1001");
        main.events().applyFilter();
        main.events().select(1);
        main.events().setTimeCursorToSelected();
        assertThat(main.timeCursorProperty().get()).isEqualTo(Instant.parse("2024-01-15T09:05:00Z"));
        assertThat(balance()).isEqualTo(1000);
    }
}
