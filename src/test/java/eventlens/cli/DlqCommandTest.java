package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlqCommandTest {
    @TempDir
    Path dir;

    private String project;

    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.isBlank() ? List.of() : Arrays.asList(out.strip().split("\\R"));
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void importSamples() {
        project = dir.resolve("p.db").toString();
        assertThat(run("import", project, "samples/orders.jsonl", "samples/orders-dead-letters.jsonl").code()).isZero();
    }

    @Test
    void groupsAreListedLargestFirst() {
        Run r = run("dlq", project, "--groups");
        assertThat(r.code()).isZero();
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(0).split("\t")[1]).isEqualTo("5");
        assertThat(r.lines().get(0)).contains("payment-service.chargeCard").contains("PaymentGatewayTimeout: gateway");
    }

    @Test
    void groupsAsJson() throws Exception {
        Run r = run("dlq", project, "--groups", "--json");
        JsonNode first = Json.mapper().readTree(r.lines().get(0));
        assertThat(first.get("count").asLong()).isEqualTo(5);
        assertThat(first.get("eventTypes").get(0).asText()).isEqualTo("order.verified");
    }

    @Test
    void entriesAreListedWithFilters() throws Exception {
        Run all = run("dlq", project);
        assertThat(all.lines()).hasSize(8);
        assertThat(all.lines().get(0)).contains("payment-service.chargeCard").contains("4 attempts").endsWith("evt-e6424db67758");
        Run sms = run("dlq", project, "--handler", "notification-service.sendSms", "--json");
        assertThat(sms.lines()).hasSize(2).allSatisfy(l -> assertThat(Json.mapper().readTree(l).get("errorType").asText())
                .isEqualTo("ProviderRateLimited"));
        assertThat(run("dlq", project, "--type", "order.created").lines()).hasSize(1);
        assertThat(run("dlq", project, "--error", "429").lines()).hasSize(2);
        assertThat(run("dlq", project, "--queue", "nowhere").lines()).isEmpty();
    }

    @Test
    void exportWritesExactlyTheFilteredEntries() throws Exception {
        Path out = dir.resolve("redeliver.jsonl");
        Run r = run("dlq", project, "--error", "gateway", "--export", out.toString(), "--json");
        assertThat(r.code()).isZero();
        assertThat(Json.mapper().readTree(r.out()).get("exported").asLong()).isEqualTo(5);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5).allSatisfy(l -> {
            JsonNode m = Json.mapper().readTree(l);
            assertThat(m.get("type").asText()).isEqualTo("order.verified");
            assertThat(m.get("eventlens-redelivery").get("fingerprint").asText()).isNotEmpty();
        });
    }

    @Test
    void exportOfOneGroupByFingerprint() throws Exception {
        String fingerprint = run("dlq", project, "--groups").lines().get(2).split("\t")[0];
        Path out = dir.resolve("one.jsonl");
        Run r = run("dlq", project, "--group", fingerprint, "--export", out.toString());
        assertThat(r.err()).contains("exported 1 dead letter to");
        assertThat(Files.readAllLines(out)).singleElement().satisfies(l -> assertThat(l).contains("evt-79bd41443e82"));
    }

    @Test
    void exitCodes() {
        assertThat(run("dlq", dir.resolve("missing.db").toString()).code()).isEqualTo(Main.FAILED);
        assertThat(run("dlq", project, "--after", "yesterday").code()).isEqualTo(Main.USAGE);
        assertThat(run("dlq", project, "--groups", "--export", "x.jsonl").code()).isEqualTo(Main.USAGE);
        assertThat(run("dlq", project, "--export", dir.resolve("no/such/dir/x.jsonl").toString()).code()).isEqualTo(Main.FAILED);
        assertThat(run("dlq").code()).isEqualTo(Main.USAGE);
    }

    @Test
    void brokerDeadLettersImportAndGroup() {
        String broker = dir.resolve("b.db").toString();
        Run imported = run("import", broker, "src/test/resources/deadletters/kafka-spring-kcat.jsonl",
                "src/test/resources/deadletters/rabbitmq-x-death.json", "src/test/resources/deadletters/nservicebus.json");
        assertThat(imported.code()).isZero();
        Run groups = run("dlq", broker, "--groups");
        assertThat(groups.lines()).hasSize(3).allSatisfy(l -> assertThat(l.split("\t")[1]).isIn("1", "2"));
    }
}
