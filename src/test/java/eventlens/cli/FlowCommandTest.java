package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowCommandTest {
    private static final String ORDER_1017 = "evt-94c3b33c7845";

    @TempDir
    Path dir;

    private String project;

    @BeforeEach
    void importSamples() {
        project = dir.resolve("p.db").toString();
        assertThat(CommandLineTest.run("import", project, "samples/orders.jsonl",
                "samples/orders-dead-letters.jsonl").code()).isZero();
    }

    @Test
    void treeOfTheFailedOrderShowsLatenciesAndTheFailure() {
        CommandLineTest.Run r = CommandLineTest.run("flow", project, ORDER_1017, "--format", "tree");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("order.created [order-service]")
                .contains("analytics.order.recorded [analytics-service] +14 ms")
                .contains("payment.failed [payment-service] +27.27 s  ✗ failed")
                .contains("order.cancelled [order-service] +55 ms")
                .contains("inventory.released")
                .contains("2 failures");
        assertThat(CommandLineTest.run("flow", project, ORDER_1017).out()).isEqualTo(r.out());
    }

    @Test
    void jsonHasNodesEdgesAnomaliesAndTheCriticalPath() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("flow", project, ORDER_1017, "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode flow = Json.mapper().readTree(r.out());
        assertThat(flow.get("nodes")).hasSize(9);
        assertThat(flow.get("edges")).hasSize(8);
        assertThat(flow.get("anomalies").isArray()).isTrue();
        assertThat(flow.get("criticalPath").get(0).asText()).isEqualTo(ORDER_1017);
        assertThat(flow.get("stats").get("failures").asInt()).isEqualTo(2);
    }

    @Test
    void mermaidAndDotAreDiagrams() {
        CommandLineTest.Run mermaid = CommandLineTest.run("flow", project, ORDER_1017, "--format", "mermaid");
        assertThat(mermaid.out()).startsWith("flowchart TD\n").contains(":::failed").contains("-->|\"+");
        CommandLineTest.Run dot = CommandLineTest.run("flow", project, ORDER_1017, "--format", "dot");
        assertThat(dot.out()).startsWith("digraph flow {").contains("->").endsWith("}\n");
    }

    @Test
    void unknownIdFailsWithAClearMessageAndBadFormatIsUsage() {
        CommandLineTest.Run r = CommandLineTest.run("flow", project, "no-such-id");
        assertThat(r.code()).isEqualTo(Main.FAILED);
        assertThat(r.err()).contains("no correlation or event with id 'no-such-id'");
        assertThat(CommandLineTest.run("flow", project, ORDER_1017, "--format", "png").code()).isEqualTo(Main.USAGE);
        assertThat(CommandLineTest.run("flow", dir.resolve("none.db").toString(), ORDER_1017).code())
                .isEqualTo(Main.FAILED);
    }

    @Test
    void flowsListsCorrelationsSortedAndFiltered() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("flows", project, "--failures", "--sort", "failures", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.lines()).hasSize(8);
        JsonNode first = Json.mapper().readTree(r.lines().get(0));
        assertThat(first.get("failures").asInt()).isEqualTo(2);
        assertThat(first.get("rootType").asText()).isEqualTo("order.created");
        CommandLineTest.Run text = CommandLineTest.run("flows", project, "--limit", "3");
        assertThat(text.lines()).hasSize(4).first().asString().startsWith("correlation\troot");
        assertThat(CommandLineTest.run("flows", project, "--sort", "colour").code()).isEqualTo(Main.USAGE);
    }
}
