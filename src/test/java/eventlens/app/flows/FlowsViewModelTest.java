package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.MainViewModel;
import eventlens.app.SampleLogs;
import eventlens.app.Section;
import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import eventlens.model.flow.FlowNode;
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

/** The flows view model on the bundled samples, without a window: background work runs on the same thread. */
class FlowsViewModelTest {
    static final String ORDER_1017 = "evt-94c3b33c7845";

    @TempDir
    Path dir;
    private MainViewModel main;
    private FlowsViewModel flows;

    @BeforeEach
    void openSamples() {
        main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        main.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));
        flows = main.flows();
    }

    @AfterEach
    void close() {
        main.close();
    }

    private List<FlowSummary> rows() {
        List<FlowSummary> out = new ArrayList<>();
        var list = flows.rowsProperty().get();
        for (int i = 0; i < list.size(); i++) {
            out.add(list.get(i));
        }
        return out;
    }

    @Test
    void theListPagesEveryFlowAndSortsByTheClickedColumn() {
        assertThat(flows.rowsProperty().get()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(flows.summaryProperty().get()).endsWith(" flows");
        assertThat(rows()).doesNotContainNull();

        flows.sortBy(FlowSort.DEPTH);
        assertThat(flows.descendingProperty().get()).isTrue();
        List<FlowSummary> byDepth = rows();
        for (int i = 1; i < byDepth.size(); i++) {
            assertThat(byDepth.get(i).depth()).isLessThanOrEqualTo(byDepth.get(i - 1).depth());
        }
        flows.sortBy(FlowSort.DEPTH);
        assertThat(flows.descendingProperty().get()).isFalse();
        assertThat(rows().get(0).depth()).isLessThanOrEqualTo(rows().get(rows().size() - 1).depth());
    }

    @Test
    void theFilterTextAndTogglesNarrowTheList() {
        int all = flows.rowsProperty().get().size();
        flows.withFailuresProperty().set(true);
        assertThat(rows()).isNotEmpty().allMatch(f -> f.failures() > 0);
        assertThat(rows().size()).isLessThan(all);

        flows.filterTextProperty().set("94c3b33c");
        flows.reload();
        assertThat(rows()).extracting(FlowSummary::correlationId).containsExactly(ORDER_1017);

        flows.filterTextProperty().set("type:order.created");
        flows.withFailuresProperty().set(false);
        assertThat(rows()).isNotEmpty().allMatch(f -> f.rootType().equals("order.created"));
    }

    @Test
    void anEmptyListNamesTheFilterThatMatchedNothing() {
        flows.filterTextProperty().set("no-such-flow");
        flows.withFailuresProperty().set(true);

        assertThat(flows.rowsProperty().get()).isEmpty();
        assertThat(flows.emptyTextProperty().get()).isEqualTo("No flows match 'no-such-flow' with failures");

        flows.filterTextProperty().set("");
        flows.withAnomaliesProperty().set(true);
        flows.withFailuresProperty().set(false);
        assertThat(flows.emptyTextProperty().get()).isEqualTo("No flows with anomalies");
    }

    @Test
    void withoutAFilterAnEmptyListExplainsThatFlowsNeedACorrelationId() {
        assertThat(FlowFilterText.nothingMatches(" ", false, false)).contains("need a correlation id");
        assertThat(FlowFilterText.nothingMatches("type:order.*", true, true))
                .isEqualTo("No flows match 'type:order.*' with anomalies and failures");
    }

    @Test
    void selectingAFlowLoadsItsGraphAndLayout() {
        flows.filterTextProperty().set(ORDER_1017);
        flows.reload();
        flows.selectRow(0);
        LoadedFlow flow = flows.flowProperty().get();
        assertThat(flow).isNotNull();
        assertThat(flow.title()).isEqualTo(ORDER_1017);
        assertThat(flow.graph().size()).isEqualTo(9);
        assertThat(flow.layout().placements()).hasSize(flow.drawnNodes());
        assertThat(flow.graph().nodes()).anyMatch(n -> "payment.failed".equals(n.type()) && n.failed());
        assertThat(flows.flowSummaryProperty().get()).contains(ORDER_1017).contains("9 events");
        assertThat(flows.selectedNodeProperty().get()).isEqualTo(-1);
    }

    @Test
    void oneSelectionIsSharedByEveryViewAndShownInTheDetailPane() {
        flows.open(ORDER_1017);
        FlowNode failed = flows.flowProperty().get().graph().nodes().stream()
                .filter(n -> "payment.failed".equals(n.type())).findFirst().orElseThrow();
        flows.select(failed.index());
        assertThat(flows.selectedNodeProperty().get()).isEqualTo(failed.index());
        assertThat(flows.flowProperty().get().viewNodeOf(failed.index())).isNotNegative();
        assertThat(flows.detail().titleProperty().get()).isEqualTo("payment.failed");

        flows.select(-1);
        assertThat(flows.detail().emptyProperty().get()).isTrue();
    }

    @Test
    void showFlowFromAnEventSwitchesToFlowsWithTheEventSelected() {
        flows.open(ORDER_1017);
        FlowNode failed = flows.flowProperty().get().graph().nodes().stream()
                .filter(n -> "payment.failed".equals(n.type())).findFirst().orElseThrow();
        flows.open("evt-f3aa9f7d1c0f");

        main.showFlow(failed.id());
        assertThat(main.sectionProperty().get()).isEqualTo(Section.FLOWS);
        assertThat(flows.flowProperty().get().title()).isEqualTo(ORDER_1017);
        assertThat(flows.selected()).map(FlowNode::id).contains(failed.id());
    }

    @Test
    void showFlowOfTheSelectedEventInTheEventsTable() {
        main.events().filterTextProperty().set("type:payment.failed corr:" + ORDER_1017);
        main.events().applyFilter();
        main.events().rowsProperty().get().get(0);
        main.events().select(0);
        main.events().showFlowOfSelected();
        assertThat(main.sectionProperty().get()).isEqualTo(Section.FLOWS);
        assertThat(flows.flowProperty().get().title()).isEqualTo(ORDER_1017);
        assertThat(flows.selected()).map(FlowNode::type).contains("payment.failed");
    }

    @Test
    void aFlowShownFromAnotherViewIsTheRequestedRowOfTheListInEveryOrder() {
        flows.open(ORDER_1017);
        int row = flows.requestedRowProperty().get();
        assertThat(row).isNotNegative();
        assertThat(flows.rowsProperty().get().get(row).correlationId()).isEqualTo(ORDER_1017);

        flows.sortBy(FlowSort.DEPTH);
        row = flows.requestedRowProperty().get();
        assertThat(flows.rowsProperty().get().get(row).correlationId()).as("located again after a new order")
                .isEqualTo(ORDER_1017);

        flows.selectRow(row);
        assertThat(flows.flowProperty().get().title()).as("selecting its row loads nothing else").isEqualTo(ORDER_1017);
    }

    @Test
    void showInEventsFiltersTheEventsByTheCorrelation() {
        flows.open(ORDER_1017);
        flows.showInEvents();
        assertThat(main.sectionProperty().get()).isEqualTo(Section.EVENTS);
        assertThat(main.events().filterTextProperty().get()).isEqualTo("corr:" + ORDER_1017);
        assertThat(main.events().rowsProperty().get()).hasSize(9);
    }

    @Test
    void exportsWriteTheModelsFormats() throws Exception {
        flows.open(ORDER_1017);
        Path mermaid = dir.resolve("flow.mmd");
        Path dot = dir.resolve("flow.dot");
        Path json = dir.resolve("flow.json");
        flows.export(FlowExport.MERMAID, mermaid);
        flows.export(FlowExport.DOT, dot);
        flows.export(FlowExport.JSON, json);
        assertThat(Files.readString(mermaid)).startsWith("flowchart TD").contains("payment.failed");
        assertThat(Files.readString(dot)).startsWith("digraph").contains("payment.failed");
        assertThat(Files.readString(json)).contains(ORDER_1017).contains("payment.failed");
        assertThat(flows.messageProperty().get()).startsWith("Exported JSON");

        Path png = dir.resolve("flow.png");
        flows.exportPng(new FlowExport.Pixels(2, 1, new int[] {0xff0000ff, 0xffff0000}), png);
        java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(png.toFile());
        assertThat(read.getWidth()).isEqualTo(2);
        assertThat(read.getRGB(1, 0)).isEqualTo(0xffff0000);
    }

    @Test
    void anUnknownIdSaysSoAndShowsNothing() {
        flows.open("no-such-id");
        assertThat(flows.flowProperty().get()).isNull();
        assertThat(flows.messageProperty().get()).contains("no-such-id");
    }
}
