package eventlens.importers.broker;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImporterRegistry;
import eventlens.importers.RecordingSink;
import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The broker readers on the real files under {@code ../shared/realdata/deadletter} and
 * {@code kafka} (system property {@code eventlens.realdata}); each test is skipped, saying why, when
 * its file is absent.
 */
class DeadLetterRealDataTest {
    private static final Path REALDATA = Path.of(System.getProperty("eventlens.realdata", "../shared/realdata"));

    private static RecordingSink read(String relative, String expectedFormat) throws Exception {
        Path file = REALDATA.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "real data not present at " + file + " (system property eventlens.realdata); skipped");
        byte[] head = Files.readAllBytes(file);
        var importer = ImporterRegistry.standard().detect(head, file.toString());
        assertThat(importer.name()).isEqualTo(expectedFormat);
        RecordingSink sink = DeadLetterImportersTest.read(importer, file);
        assertThat(sink.errors).isEmpty();
        return sink;
    }

    @Test
    void sqsRecordReadFromADlqIsADeadLetter() throws Exception {
        RecordingSink sink = read("deadletter/aws_sqs_dlq_trigger_event.json", "sqs");
        DeadLetter d = sink.deadLetters.get(0);
        assertThat(sink.events).isEmpty();
        assertThat(d.eventId()).isEqualTo("db37cc61-1bb0-4e77-b6f3-7cf87f44a72a");
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.queue()).isEqualTo("sqs-redrive-SampleQueue-RNvLCpwGmLi7");
        assertThat(d.firstFailure()).isEqualTo(Instant.ofEpochMilli(1713185156612L));
        assertThat(Json.parseOrMissing(d.event()).path("data").asText()).isEqualTo("hello world");
        assertThat(d.raw()).contains("DeadLetterQueueSourceArn").contains("receiptHandle");
    }

    @Test
    void plainSqsRecordsAreEventsWithJsonBodiesDecoded() throws Exception {
        RecordingSink sink = read("deadletter/aws_sqs_event.json", "sqs");
        assertThat(sink.deadLetters).isEmpty();
        assertThat(sink.events).extracting(Event::id)
                .containsExactly("059f36b4-87a3-44ab-83d2-661975830a7d", "2e1424d4-f796-459a-8184-9c92662be6da");
        assertThat(Json.parseOrMissing(sink.events.get(1).data()).path("message").asText()).isEqualTo("foo1");
        assertThat(sink.events.get(0).metadata()).contains("testAttr");
        assertThat(sink.events.get(0).time()).isEqualTo(Instant.ofEpochMilli(1545082649183L));
    }

    @Test
    void amazonMqRabbitMessageWithoutXDeathIsAnEventWithBytesHeadersDecoded() throws Exception {
        RecordingSink sink = read("deadletter/aws_lambda_amazonmq_rabbitmq_event.json", "rabbitmq");
        assertThat(sink.deadLetters).isEmpty();
        Event e = sink.events.get(0);
        assertThat(e.source()).isEqualTo("pizzaQueue");
        assertThat(Json.parseOrMissing(e.metadata()).path("headers").path("header1").asText()).isEqualTo("value1");
        assertThat(Json.parseOrMissing(e.data()).path("data").asText()).isEqualTo("CZrmf0Gw8Ov4bqLQxD4E");
    }

    @Test
    void mskRecordWithoutDeadLetterHeadersIsAnEvent() throws Exception {
        RecordingSink sink = read("kafka/aws_lambda_msk_kafka_event_base64.json", "kafka");
        assertThat(sink.deadLetters).isEmpty();
        Event e = sink.events.get(0);
        assertThat(e.id()).isEqualTo("mytopic/0/15");
        assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1545084650987L));
        assertThat(Json.parseOrMissing(e.data()).path("key").asText()).isEqualTo("value");
        assertThat(Json.parseOrMissing(e.metadata()).path("headers").path("headerKey").asText()).isEqualTo("headerValue");
    }

    @Test
    void eventBridgeEventIsNotTakenByADeadLetterReader() throws Exception {
        Path file = REALDATA.resolve("deadletter/aws_eventbridge_event.json");
        Assumptions.assumeTrue(Files.isRegularFile(file), "real data not present at " + file + "; skipped");
        assertThat(ImporterRegistry.standard().detect(Files.readAllBytes(file), file.toString()).name()).isEqualTo("json");
    }
}
