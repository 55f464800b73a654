package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventlens shapes} and {@code eventlens flow --compare} on the order sample (50 orders). */
class ShapesCommandTest {
    private static final String ORDER_1017 = "evt-94c3b33c7845"; // payment failed
    private static final String ORDER_1001 = "evt-f3aa9f7d1c0f"; // completed

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
    void textShowsReachEdgesWithPercentilesAndRankedVariants() {
        CommandLineTest.Run r = CommandLineTest.run("shapes", project, "order.created");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("shape of order.created: 50 flows")
                .containsPattern("100 %\\s+order\\.created\\s+50 flows")
                .containsPattern("80 %\\s+payment\\.processed\\s+40 flows")
                .containsPattern("10 %\\s+payment\\.failed\\s+5 flows")
                .containsPattern("order\\.created → email\\.confirmation\\.sent\\s+50 hops\\s+50 flows\\s+p50 \\S+ ms · p95")
                .containsPattern("#1\\s+\\d+ %\\s+\\d+ flows\\s+order\\.created → ")
                .contains("payment.failed");
    }

    @Test
    void jsonCountsMatchTheSample() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("shapes", project, "order.created", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode shape = Json.mapper().readTree(r.out());
        assertThat(shape.get("flows").asInt()).isEqualTo(50);
        long failedFlows = 0;
        for (JsonNode s : shape.get("steps")) {
            if (s.get("type").asText().equals("payment.failed")) {
                failedFlows = s.get("flows").asLong();
                assertThat(s.get("reach").asDouble()).isEqualTo(0.1);
            }
        }
        assertThat(failedFlows).isEqualTo(5);
        JsonNode variants = shape.get("variants");
        assertThat(variants.get(0).get("rank").asInt()).isEqualTo(1);
        long total = 0;
        for (JsonNode v : variants) {
            total += v.get("flows").asLong();
        }
        assertThat(total).isEqualTo(shape.get("variantCount").asInt() <= 10 ? 50 : total);
        for (JsonNode e : shape.get("edges")) {
            assertThat(e.get("p50Micros").asLong()).isLessThanOrEqualTo(e.get("p95Micros").asLong());
        }
    }

    @Test
    void flowsOfAnEdgeListItsCorrelations() {
        CommandLineTest.Run r = CommandLineTest.run("shapes", project, "order.created", "--flows-of",
                "payment.failed->order.cancelled");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(5).contains(ORDER_1017);
        CommandLineTest.Run first = CommandLineTest.run("shapes", project, "order.created", "--flows-of", "1");
        assertThat(first.code()).isZero();
        assertThat(first.out().lines()).contains(ORDER_1001);
    }

    @Test
    void anUnknownRootTypeSaysWhichOnesExist() {
        CommandLineTest.Run r = CommandLineTest.run("shapes", project, "order.creatd");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no flows with root type 'order.creatd'").contains("order.created (50)");
    }

    @Test
    void aFailedOrderAgainstTheTypicalOneMissesPaymentAndShipping() {
        CommandLineTest.Run r = CommandLineTest.run("flow", project, ORDER_1017, "--compare", "typical");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("vs the typical flow of order.created (variant #1")
                .containsPattern("missed steps[^\\n]*\\n(  .*\\n)*  payment\\.processed\\s+reached by 80 % of flows")
                .containsPattern("extra steps[^\\n]*\\n(  .*\\n)*  payment\\.failed\\s+reached by 10 % of flows")
                .contains("order.cancelled");
    }

    @Test
    void comparisonAsJsonAndAgainstAnotherFlow() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("flow", project, ORDER_1017, "--compare", ORDER_1001, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode c = Json.mapper().readTree(r.out());
        assertThat(c.get("flow").asText()).isEqualTo(ORDER_1017);
        assertThat(c.get("reference").asText()).isEqualTo(ORDER_1001);
        assertThat(c.get("missed").findValuesAsText("type")).contains("payment.processed", "shipment.created");
        assertThat(c.get("extra").findValuesAsText("type")).contains("payment.failed", "order.cancelled");
        CommandLineTest.Run same = CommandLineTest.run("flow", project, ORDER_1001, "--compare", ORDER_1001);
        assertThat(same.out()).contains("same steps");
        CommandLineTest.Run missing = CommandLineTest.run("flow", project, ORDER_1017, "--compare", "nope");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no correlation or event with id 'nope'");
    }
}
