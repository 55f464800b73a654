package eventlens.app.flows;

import static eventlens.model.flow.ChildWorkflowJoinTest.CHILD_RUN;
import static eventlens.model.flow.ChildWorkflowJoinTest.PARENT_RUN;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.MainViewModel;
import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import eventlens.model.flow.ChildWorkflowJoinTest;
import eventlens.model.flow.FlowNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Temporal parent run and its child, opened as one flow in the Flows view, each saying how they joined (decision 0026). */
class ChildWorkflowFlowViewTest {
    @TempDir
    Path dir;

    @Test
    void theChildRunShowsUnderItsParentWithAChildWorkflowMarkerEdgeLabelAndTitle() throws Exception {
        Path parent = Files.writeString(dir.resolve("parent.json"), ChildWorkflowJoinTest.parentHistory());
        Path child = Files.writeString(dir.resolve("child.json"), ChildWorkflowJoinTest.childHistory());
        MainViewModel main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        try {
            main.openProject(dir.resolve("p.eventlens"));
            main.importFiles(List.of(parent, child));
            OpenFlowViewModel flows = main.openFlow();
            flows.open(CHILD_RUN);
            LoadedFlow shown = flows.flowProperty().get();
            assertThat(shown.graph().size()).isEqualTo(10);
            assertThat(flows.flowSummaryProperty().get()).contains("joined with 1 flow by child workflow");
            FlowNode start = shown.graph().node(CHILD_RUN + "/1").orElseThrow();
            assertThat(FlowMarkers.joinedVia(shown.graph(), start)).isEqualTo("via child workflow");
            assertThat(FlowMarkers.edgeLabel(start)).isEqualTo("child workflow +1.50 s");
            FlowNode initiated = shown.graph().node(PARENT_RUN + "/5").orElseThrow();
            assertThat(FlowMarkers.joinedVia(shown.graph(), initiated)).isEmpty();
            assertThat(FlowMarkers.edgeLabel(initiated)).doesNotContain("child workflow");
        } finally {
            main.close();
        }
    }
}
