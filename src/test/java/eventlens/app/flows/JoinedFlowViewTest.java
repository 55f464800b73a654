package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.MainViewModel;
import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import eventlens.model.flow.LinkKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message log and the trace its messages were sent in, opened as one flow in the Flows view (decision 0021). */
class JoinedFlowViewTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @TempDir
    Path dir;

    @Test
    void theFlowOfAMessageShowsTheTraceItWasSentInAndSaysHowTheyJoined() throws Exception {
        Path trace = Files.writeString(dir.resolve("trace.json"), "[{\"traceId\":\"" + TRACE + "\",\"id\":\"53995c3f42cd8ad8\","
                + "\"name\":\"post /orders\",\"timestamp\":1772359200000000,\"duration\":80000,"
                + "\"localEndpoint\":{\"serviceName\":\"api-gateway\"}}]\n");
        Path messages = Files.writeString(dir.resolve("messages.jsonl"), "{\"id\":\"evt-1\",\"type\":\"order.placed\","
                + "\"source\":\"order-service\",\"time\":\"2026-03-01T10:00:00.020Z\",\"correlationId\":\"evt-1\","
                + "\"metadata\":{\"headers\":{\"traceparent\":\"00-" + TRACE + "-53995c3f42cd8ad8-01\"}}}\n");
        MainViewModel main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        try {
            main.openProject(dir.resolve("p.eventlens"));
            main.importFiles(List.of(trace, messages));
            OpenFlowViewModel flows = main.openFlow();
            flows.open("evt-1");
            LoadedFlow shown = flows.flowProperty().get();
            assertThat(shown.graph().size()).isEqualTo(2);
            assertThat(shown.graph().node("evt-1")).hasValueSatisfying(n ->
                    assertThat(n.parentLink()).isEqualTo(LinkKind.TRACEPARENT));
            assertThat(flows.flowSummaryProperty().get()).contains("joined with 1 flow by traceparent");
        } finally {
            main.close();
        }
    }
}
