package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.MainViewModel;
import eventlens.app.SampleLogs;
import eventlens.app.imports.LogImporter;
import eventlens.app.replay.ReplayViewModel;
import eventlens.app.work.SameThreadWork;
import eventlens.model.flow.FlowNode;
import eventlens.replay.ReplayMode;
import eventlens.replay.ReplaySession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finished replay run's published events in the Flows view model: a distinct branch under their causes. */
class ReplayBranchTest {
    static final String FLOW = "evt-94c3b33c7845";
    @TempDir
    Path dir;
    private MainViewModel main;
    private OpenFlowViewModel flows;

    @BeforeEach
    void runThePipelineInRootsMode() {
        main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        main.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));
        ReplayViewModel replay = main.replay();
        replay.script().openExample("order-pipeline.js");
        replay.modeProperty().set(ReplayMode.ROOTS);
        replay.load();
        replay.runToEnd();
        flows = main.openFlow();
    }

    @AfterEach
    void close() {
        main.close();
    }

    @Test
    void publishedEventsHangUnderTheirCausesAsReplayNodes() {
        assertThat(flows.replayLabelProperty().get()).matches("Show replay run #\\d+");
        flows.open(FLOW);
        LoadedFlow flow = flows.flowProperty().get();
        assertThat(flow.replayed()).isNotEmpty();
        List<FlowNode> replayNodes = flow.graph().nodes().stream().filter(n -> flow.isReplay(n.index())).toList();
        assertThat(replayNodes).hasSize(flow.replayed().size()).allSatisfy(n -> {
            assertThat(ReplaySession.isPublished(n.event())).isTrue();
            assertThat(n.event().correlationId()).isEqualTo(FLOW);
            assertThat(n.parent()).isGreaterThanOrEqualTo(0);
            FlowNode cause = flow.graph().node(n.parent());
            assertThat(cause.id()).isEqualTo(n.event().causationId());
        });
        // The root (recorded) is a cause of at least one published event.
        int root = flow.graph().roots().get(0);
        assertThat(flow.isReplay(root)).isFalse();
        assertThat(replayNodes).anySatisfy(n -> assertThat(n.parent()).isEqualTo(root));
        assertThat(flows.flowSummaryProperty().get()).contains("from replay run #" + flow.replayRun());
    }

    @Test
    void turningTheToggleOffShowsOnlyRecordedEvents() {
        flows.open(FLOW);
        int withBranch = flows.flowProperty().get().graph().size();
        flows.showReplayProperty().set(false);
        LoadedFlow recorded = flows.flowProperty().get();
        assertThat(recorded.replayed()).isEmpty();
        assertThat(recorded.graph().nodes()).noneMatch(n -> ReplaySession.isPublished(n.event()));
        assertThat(recorded.graph().size()).isLessThan(withBranch);
        flows.showReplayProperty().set(true);
        assertThat(flows.flowProperty().get().graph().size()).isEqualTo(withBranch);
    }

    @Test
    void theSelectedEventStaysSelectedWhenTheBranchIsToggled() {
        flows.open(FLOW);
        LoadedFlow flow = flows.flowProperty().get();
        int recorded = flow.graph().nodes().stream().filter(n -> !flow.isReplay(n.index()) && !n.isRoot())
                .findFirst().orElseThrow().index();
        flows.select(recorded);
        String id = flows.selected().orElseThrow().id();
        flows.showReplayProperty().set(false);
        assertThat(flows.selected()).hasValueSatisfying(n -> assertThat(n.id()).isEqualTo(id));
    }
}
