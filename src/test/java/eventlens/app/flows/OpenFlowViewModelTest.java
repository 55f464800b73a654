package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.MainViewModel;
import eventlens.app.SampleLogs;
import eventlens.app.Section;
import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import eventlens.model.flow.FlowNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open flow of the flows view on the bundled samples, without a window: background work runs on the same thread. */
class OpenFlowViewModelTest {
    static final String ORDER_1017 = "evt-94c3b33c7845";

    @TempDir
    Path dir;
    private MainViewModel main;
    private OpenFlowViewModel flows;

    @BeforeEach
    void openSamples() {
        main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        main.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));
        flows = main.openFlow();
    }

    @AfterEach
    void close() {
        main.close();
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
