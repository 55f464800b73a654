package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.MainViewModel;
import eventlens.app.SampleLogs;
import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import eventlens.model.flow.FlowSort;
import eventlens.model.flow.FlowSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flows view's list on the bundled samples, without a window: background work runs on the same thread. */
class FlowListViewModelTest {
    @TempDir
    Path dir;
    private MainViewModel main;
    private FlowListViewModel list;
    private OpenFlowViewModel flows;

    @BeforeEach
    void openSamples() {
        main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        main.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));
        list = main.flowList();
        flows = main.openFlow();
    }

    @AfterEach
    void close() {
        main.close();
    }

    private List<FlowSummary> rows() {
        List<FlowSummary> out = new ArrayList<>();
        var shown = list.rowsProperty().get();
        for (int i = 0; i < shown.size(); i++) {
            out.add(shown.get(i));
        }
        return out;
    }

    @Test
    void theListPagesEveryFlowAndSortsByTheClickedColumn() {
        assertThat(list.rowsProperty().get()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(list.summaryProperty().get()).endsWith(" flows");
        assertThat(rows()).doesNotContainNull();

        list.sortBy(FlowSort.DEPTH);
        assertThat(list.descendingProperty().get()).isTrue();
        List<FlowSummary> byDepth = rows();
        for (int i = 1; i < byDepth.size(); i++) {
            assertThat(byDepth.get(i).depth()).isLessThanOrEqualTo(byDepth.get(i - 1).depth());
        }
        list.sortBy(FlowSort.DEPTH);
        assertThat(list.descendingProperty().get()).isFalse();
        assertThat(rows().get(0).depth()).isLessThanOrEqualTo(rows().get(rows().size() - 1).depth());
    }

    @Test
    void theFilterTextAndTogglesNarrowTheList() {
        int all = list.rowsProperty().get().size();
        list.withFailuresProperty().set(true);
        assertThat(rows()).isNotEmpty().allMatch(f -> f.failures() > 0);
        assertThat(rows().size()).isLessThan(all);

        list.filterTextProperty().set("94c3b33c");
        list.reload();
        assertThat(rows()).extracting(FlowSummary::correlationId).containsExactly(OpenFlowViewModelTest.ORDER_1017);

        list.filterTextProperty().set("type:order.created");
        list.withFailuresProperty().set(false);
        assertThat(rows()).isNotEmpty().allMatch(f -> f.rootType().equals("order.created"));
    }

    @Test
    void anEmptyListNamesTheFilterThatMatchedNothing() {
        list.filterTextProperty().set("no-such-flow");
        list.withFailuresProperty().set(true);

        assertThat(list.rowsProperty().get()).isEmpty();
        assertThat(list.emptyTextProperty().get()).isEqualTo("No flows match 'no-such-flow' with failures");

        list.filterTextProperty().set("");
        list.withAnomaliesProperty().set(true);
        list.withFailuresProperty().set(false);
        assertThat(list.emptyTextProperty().get()).isEqualTo("No flows with anomalies");
    }

    @Test
    void withoutAFilterAnEmptyListExplainsThatFlowsNeedACorrelationId() {
        assertThat(FlowFilterText.nothingMatches(" ", false, false, false)).contains("need a correlation id");
        assertThat(FlowFilterText.nothingMatches("type:order.*", true, true, false))
                .isEqualTo("No flows match 'type:order.*' with anomalies and failures");
    }

    @Test
    void selectingAFlowLoadsItsGraphAndLayout() {
        list.filterTextProperty().set(OpenFlowViewModelTest.ORDER_1017);
        list.reload();
        list.selectRow(0);
        LoadedFlow flow = flows.flowProperty().get();
        assertThat(flow).isNotNull();
        assertThat(flow.title()).isEqualTo(OpenFlowViewModelTest.ORDER_1017);
        assertThat(flow.graph().size()).isEqualTo(9);
        assertThat(flow.layout().placements()).hasSize(flow.drawnNodes());
        assertThat(flow.graph().nodes()).anyMatch(n -> "payment.failed".equals(n.type()) && n.failed());
        assertThat(flows.flowSummaryProperty().get()).contains(OpenFlowViewModelTest.ORDER_1017).contains("9 events");
        assertThat(flows.selectedNodeProperty().get()).isEqualTo(-1);
    }

    @Test
    void aFlowShownFromAnotherViewIsTheRequestedRowOfTheListInEveryOrder() {
        flows.open(OpenFlowViewModelTest.ORDER_1017);
        int row = list.requestedRowProperty().get();
        assertThat(row).isNotNegative();
        assertThat(list.rowsProperty().get().get(row).correlationId()).isEqualTo(OpenFlowViewModelTest.ORDER_1017);

        list.sortBy(FlowSort.DEPTH);
        row = list.requestedRowProperty().get();
        assertThat(list.rowsProperty().get().get(row).correlationId()).as("located again after a new order")
                .isEqualTo(OpenFlowViewModelTest.ORDER_1017);

        list.selectRow(row);
        assertThat(flows.flowProperty().get().title()).as("selecting its row loads nothing else").isEqualTo(OpenFlowViewModelTest.ORDER_1017);
    }
}
