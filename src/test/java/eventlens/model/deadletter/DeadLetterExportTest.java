package eventlens.model.deadletter;

import eventlens.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import eventlens.model.store.ProjectStore;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterExportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static List<JsonNode> lines(StringWriter out) {
        return Arrays.stream(out.toString().split("\n")).filter(l -> !l.isBlank()).map(Json::parseOrMissing).toList();
    }

    @Test
    void exportsExactlyTheChosenGroupWithOriginalEventsAndARedeliveryHeader() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir); DeadLetterGroups groups = new DeadLetterGroups(store)) {
            DeadLetterGroup sms = groups.all(DeadLetterFilter.ALL).get(1);
            StringWriter out = new StringWriter();
            long n = new DeadLetterExport(CLOCK).write(groups, DeadLetterFilter.ALL.withFingerprint(sms.fingerprint()), out);
            assertThat(n).isEqualTo(2);
            List<JsonNode> lines = lines(out);
            assertThat(lines).extracting(l -> l.path("id").asText()).containsExactly("evt-5199aa1975e3", "evt-bfcf332cba87");
            JsonNode first = lines.get(0);
            assertThat(first.path("type").asText()).isEqualTo("shipment.created");
            assertThat(first.path("metadata").path("correlationId").asText()).isEqualTo("evt-6ccf22942f8b");
            JsonNode header = first.path(DeadLetterExport.REDELIVERY);
            assertThat(header.path("fingerprint").asText()).isEqualTo(sms.fingerprint());
            assertThat(header.path("exportedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
            assertThat(header.path("deadLetterKey").asLong()).isPositive();
        }
    }

    @Test
    void brokerMessagesAreExportedWholeWithTheirIdsAndHeaders() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("k.db"),
                Path.of("src/test/resources/deadletters/kafka-spring-kcat.jsonl"),
                Path.of("src/test/resources/deadletters/sqs-dlq.json"));
             DeadLetterGroups groups = new DeadLetterGroups(store)) {
            StringWriter out = new StringWriter();
            new DeadLetterExport(CLOCK).write(groups, new DeadLetterFilter("payments", null, null, null, null, null, null), out);
            List<JsonNode> lines = lines(out);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).path("headers").get(9).asText()).isEqualTo("payments");
            assertThat(lines.get(0).path("offset").asLong()).isEqualTo(101);
            out = new StringWriter();
            new DeadLetterExport(CLOCK).write(groups, new DeadLetterFilter("orders-placed", null, null, null, null, null, null), out);
            JsonNode sqs = lines(out).get(0);
            assertThat(sqs.path("messageId").asText()).isEqualTo("4b2f1a7e-8f0c-4b8e-9a51-0d7c2f9a1b01");
            assertThat(sqs.path("messageAttributes").path("correlationId").path("stringValue").asText()).isEqualTo("evt-sqs-001");
            assertThat(sqs.has(DeadLetterExport.REDELIVERY)).isTrue();
        }
    }
}
