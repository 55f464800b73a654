package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import eventlens.model.deadletter.DeadLetterExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlqRetryCommandTest {
    private static final String FIXED = "samples/scripts/fixed-payment.js";

    @TempDir
    Path dir;

    private String project;

    @BeforeEach
    void importSamples() {
        project = dir.resolve("p.db").toString();
        assertThat(DlqCommandTest.run("import", project, "samples/orders.jsonl", "samples/orders-dead-letters.jsonl").code()).isZero();
    }

    @Test
    void retryPrintsTheSummaryFirstThenOneLinePerEntry() {
        DlqCommandTest.Run r = DlqCommandTest.run("dlq", project, "--retry", "--script", FIXED);
        assertThat(r.code()).isZero();
        assertThat(r.lines()).hasSize(9);
        assertThat(r.lines().get(0)).isEqualTo("5 of 8 would now succeed (fixed-payment.js)");
        assertThat(r.lines().get(1)).contains("succeeded").contains("payment-service.chargeCard").contains("publishes payment.requested");
        assertThat(r.lines()).filteredOn(l -> l.contains("still failing same way")).hasSize(2);
        assertThat(r.lines()).filteredOn(l -> l.contains("failed again")).singleElement().asString()
                .contains("fixed-payment.js:").contains("UnknownRegion: no sales region for country CH");
    }

    @Test
    void aDryRunRetryTakesTheSameCallLimitsAsReplay() {
        // Two statements are too few even to load the script: the limit reaches the dry run.
        DlqCommandTest.Run tight = DlqCommandTest.run("dlq", project, "--retry", "--script", FIXED, "--statement-limit", "2");
        assertThat(tight.code()).isEqualTo(1);
        assertThat(tight.err()).contains("StatementLimitExceeded");
        DlqCommandTest.Run bad = DlqCommandTest.run("dlq", project, "--retry", "--script", FIXED, "--time-limit", "0");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("--time-limit must be a positive number of seconds");
    }

    @Test
    void retryAsJsonIsASummaryAndOneObjectPerEntry() throws Exception {
        DlqCommandTest.Run r = DlqCommandTest.run("dlq", project, "--retry", "--script", FIXED, "--json");
        JsonNode summary = Json.mapper().readTree(r.lines().get(0));
        assertThat(summary.get("summary").asText()).isEqualTo("5 of 8 would now succeed");
        assertThat(summary.get("succeeded").asLong()).isEqualTo(5);
        assertThat(summary.get("stillFailingSameWay").asLong()).isEqualTo(2);
        assertThat(summary.get("failedAgain").asLong()).isEqualTo(1);
        assertThat(r.lines()).hasSize(9);
        JsonNode first = Json.mapper().readTree(r.lines().get(1));
        assertThat(first.get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(first.get("published").get(0).get("type").asText()).isEqualTo("payment.requested");
    }

    @Test
    void retryWithExportWritesExactlyTheEntriesThatWouldNowSucceed() throws Exception {
        Path out = dir.resolve("redeliver.jsonl");
        DlqCommandTest.Run r = DlqCommandTest.run("dlq", project, "--retry", "--script", FIXED, "--export", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("exported 5 dead letters that would now succeed");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5).allSatisfy(l -> {
            JsonNode m = Json.mapper().readTree(l);
            assertThat(m.get("type").asText()).isEqualTo("order.verified");
            assertThat(m.get(DeadLetterExport.REDELIVERY).get("handler").asText()).isEqualTo("payment-service.chargeCard");
        });
    }

    @Test
    void retryHonoursTheFilters() {
        DlqCommandTest.Run r = DlqCommandTest.run("dlq", project, "--retry", "--script", FIXED, "--handler",
                "notification-service.sendSms");
        assertThat(r.lines().get(0)).startsWith("0 of 2 would now succeed");
    }

    @Test
    void usageErrorsAndFailuresHaveTheirExitCodes() {
        assertThat(DlqCommandTest.run("dlq", project, "--retry").code()).isEqualTo(2);
        assertThat(DlqCommandTest.run("dlq", project, "--script", FIXED).code()).isEqualTo(2);
        assertThat(DlqCommandTest.run("dlq", project, "--retry", "--script", FIXED, "--groups").code()).isEqualTo(2);
        DlqCommandTest.Run missing = DlqCommandTest.run("dlq", project, "--retry", "--script", "nope.js");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no such script");
    }

    @Test
    void aScriptThatDoesNotLoadFailsWithItsLocation() throws Exception {
        Path broken = dir.resolve("broken.js");
        Files.writeString(broken, "on('x', (");
        DlqCommandTest.Run r = DlqCommandTest.run("dlq", project, "--retry", "--script", broken.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("broken.js:1");
    }
}
