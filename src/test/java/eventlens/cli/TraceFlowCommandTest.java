package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventlens flow} over a trace and a message log joined by a traceparent (decision 0021). */
class TraceFlowCommandTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @TempDir
    Path dir;

    @Test
    void jsonLabelsEachEdgeWithHowItWasLinked() throws Exception {
        Path trace = Files.writeString(dir.resolve("trace.json"), "[{\"traceId\":\"" + TRACE + "\",\"id\":\"a000000000000001\","
                + "\"name\":\"post /orders\",\"timestamp\":1772359200000000,\"duration\":9000,"
                + "\"localEndpoint\":{\"serviceName\":\"gateway\"}},{\"traceId\":\"" + TRACE + "\",\"id\":\"a000000000000002\","
                + "\"parentId\":\"a000000000000001\",\"name\":\"send\",\"timestamp\":1772359200001000,\"duration\":1000,"
                + "\"localEndpoint\":{\"serviceName\":\"orders\"}}]\n");
        Path log = Files.writeString(dir.resolve("messages.jsonl"), "{\"id\":\"evt-1\",\"type\":\"order.placed\","
                + "\"time\":\"2026-03-01T10:00:00.002Z\",\"correlationId\":\"evt-1\",\"metadata\":{\"headers\":"
                + "{\"traceparent\":\"00-" + TRACE + "-a000000000000002-01\"}}}\n");
        String project = dir.resolve("p.db").toString();
        assertThat(CommandLineTest.run("import", project, trace.toString(), log.toString()).code()).isZero();
        CommandLineTest.Run r = CommandLineTest.run("flow", project, "evt-1", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode flow = Json.mapper().readTree(r.out());
        List<String> edges = new ArrayList<>();
        flow.get("edges").forEach(e -> edges.add(e.get("effect").asText() + " " + e.get("kind").asText()));
        assertThat(edges).containsExactly(TRACE + ":a000000000000002 PARENT_SPAN", "evt-1 TRACEPARENT");
        assertThat(flow.get("joinedFlows")).extracting(JsonNode::asText).containsExactly("evt-1", TRACE);
        assertThat(CommandLineTest.run("flow", project, TRACE).out()).contains("⇠ traceparent  evt-1");
    }
}
