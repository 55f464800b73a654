package eventlens.importers.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSource;
import eventlens.importers.Importer;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.RecordingSink;
import eventlens.model.DeadLetter;
import eventlens.model.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every dead-letter reader on hand-written fixtures in {@code src/test/resources/deadletters}. */
class DeadLetterImportersTest {
    static final Path FIXTURES = Path.of("src/test/resources/deadletters");

    static RecordingSink read(Importer importer, Path file) throws Exception {
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(file)) {
            importer.read(new ImportSource(file.toString(), in), ImportOptions.AUTOMATIC, sink);
        }
        return sink;
    }

    static RecordingSink read(String fixture) throws Exception {
        Path file = FIXTURES.resolve(fixture);
        byte[] head = Files.readAllBytes(file);
        return read(ImporterRegistry.standard().detect(head, file.toString()), file);
    }

    @ParameterizedTest
    @CsvSource({"sqs-dlq.json, sqs", "kafka-spring-kcat.jsonl, kafka", "kafka-smallrye-rpk.jsonl, kafka",
        "kafka-connect-kcat.jsonl, kafka", "rabbitmq-x-death.json, rabbitmq", "azure-servicebus.jsonl, servicebus",
        "nservicebus.json, servicebus"})
    void eachFixtureIsDetectedAsItsFormat(String fixture, String format) throws Exception {
        byte[] head = Files.readAllBytes(FIXTURES.resolve(fixture));
        assertThat(ImporterRegistry.standard().detect(head, fixture).name()).isEqualTo(format);
    }

    @Test
    void seedsShapeStillGoesToTheJsonReader() throws Exception {
        byte[] head = Files.readAllBytes(Path.of("samples/orders-dead-letters.jsonl"));
        assertThat(ImporterRegistry.standard().detect(head, "x.jsonl").name()).isEqualTo("json");
    }

    @Test
    void sqsRecordsFromADlqBecomeDeadLettersWithSnsBodiesUnwrapped() throws Exception {
        RecordingSink sink = read("sqs-dlq.json");
        assertThat(sink.errors).isEmpty();
        assertThat(sink.deadLetters).hasSize(2);
        assertThat(sink.events).hasSize(1);
        DeadLetter sns = sink.deadLetters.get(0);
        assertThat(sns.eventId()).isEqualTo("evt-sqs-001");
        assertThat(sns.attempts()).isEqualTo(4);
        assertThat(sns.queue()).isEqualTo("orders-placed");
        assertThat(sns.errorType()).isEqualTo("PaymentGatewayTimeout");
        assertThat(sns.message()).contains("order-9001");
        assertThat(sns.firstFailure()).isEqualTo(Instant.ofEpochMilli(1705314600412L));
        assertThat(Json.parseOrMissing(sns.event()).path("aggregateId").asText()).isEqualTo("order-9001");
        assertThat(Json.parseOrMissing(sns.raw()).path("messageId").asText()).isEqualTo("4b2f1a7e-8f0c-4b8e-9a51-0d7c2f9a1b01");
        DeadLetter byName = sink.deadLetters.get(1);
        assertThat(byName.queue()).isEqualTo("inventory-dlq");
        assertThat(byName.eventId()).isEqualTo("9d0e4c11-2f3a-4c55-8a7b-6e5f4d3c2b02");
        assertThat(byName.reason()).contains("3 receives");
        assertThat(Json.parseOrMissing(byName.event()).path("data").path("orderId").asText()).isEqualTo("order-9002");
        assertThat(sink.events.get(0).id()).isEqualTo("1a2b3c4d-0000-4000-8000-000000000003");
        assertThat(sink.deadLetters.get(0).origin().line()).isLessThan(sink.deadLetters.get(1).origin().line());
    }

    @Test
    void springKafkaHeadersGiveErrorOriginalCoordinatesAndBinaryNumbers() throws Exception {
        RecordingSink sink = read("kafka-spring-kcat.jsonl");
        assertThat(sink.deadLetters).hasSize(2);
        assertThat(sink.events).hasSize(1);
        DeadLetter d = sink.deadLetters.get(0);
        assertThat(d.eventId()).isEqualTo("evt-k-1");
        assertThat(d.errorType()).isEqualTo("com.example.payments.PaymentDeclinedException");
        assertThat(d.message()).contains("card declined");
        assertThat(d.stack()).contains("ChargeHandler.java");
        assertThat(d.queue()).isEqualTo("payments");
        assertThat(d.handler()).isEqualTo("payment-service");
        JsonNode headers = Json.parseOrMissing(d.event());
        assertThat(headers.path("type").asText()).isEqualTo("payment.requested");
        assertThat(Json.parseOrMissing(d.raw()).path("headers").size()).isEqualTo(20);
        assertThat(sink.deadLetters.get(0).fingerprint()).isEqualTo(sink.deadLetters.get(1).fingerprint());
        assertThat(sink.events.get(0).id()).isEqualTo("payments/2/4713");
    }

    @Test
    void malformedKafkaHeadersBecomeErrorRows() throws Exception {
        RecordingSink sink = read("kafka-spring-kcat.jsonl");
        assertThat(sink.errors).hasSize(2);
        assertThat(sink.errors.get(0).line()).isEqualTo(4);
        assertThat(sink.errors.get(0).reason()).contains("name/value pairs");
        assertThat(sink.errors.get(1).line()).isEqualTo(5);
        assertThat(sink.errors.get(1).reason()).contains("kafka_dlt-original-offset");
    }

    @Test
    void springOriginalOffsetIsReadAsBigEndianAndNamesTheMessageWithoutAnEventBody() {
        KafkaHeaders h = KafkaHeaders.of(Json.parseOrMissing(
                "[\"kafka_dlt-original-offset\",\"AAAAAAAAEmc=\",\"kafka_dlt-original-partition\",[0,0,0,2]]"));
        assertThat(h.number("kafka_dlt-original-offset")).isEqualTo(4711L);
        assertThat(h.number("kafka_dlt-original-partition")).isEqualTo(2L);
    }

    @Test
    void smallRyeHeadersFromRpkRecords() throws Exception {
        RecordingSink sink = read("kafka-smallrye-rpk.jsonl");
        assertThat(sink.errors).isEmpty();
        assertThat(sink.deadLetters).hasSize(2);
        DeadLetter d = sink.deadLetters.get(0);
        assertThat(d.errorType()).isEqualTo("io.smallrye.reactive.messaging.kafka.DeserializationFailureException");
        assertThat(d.message()).startsWith("Unable to deserialize order order-1");
        assertThat(d.reason()).startsWith("com.fasterxml.jackson.core.JsonParseException: ");
        assertThat(d.queue()).isEqualTo("orders");
        assertThat(d.eventId()).isEqualTo("orders/1/881");
        assertThat(d.fingerprint()).isEqualTo(sink.deadLetters.get(1).fingerprint());
    }

    @Test
    void kafkaConnectErrorHeaders() throws Exception {
        RecordingSink sink = read("kafka-connect-kcat.jsonl");
        DeadLetter d = sink.deadLetters.get(0);
        assertThat(d.handler()).isEqualTo("jdbc-sink-customers/0");
        assertThat(d.reason()).isEqualTo("VALUE_CONVERTER in org.apache.kafka.connect.json.JsonConverter");
        assertThat(d.errorType()).isEqualTo("org.apache.kafka.connect.errors.DataException");
        assertThat(d.eventId()).isEqualTo("customers/3/1201");
        assertThat(Json.parseOrMissing(d.event()).path("data").asText()).isEqualTo("{not json");
    }

    @Test
    void rabbitMqXDeathGivesReasonQueueAttemptsAndTimes() throws Exception {
        RecordingSink sink = read("rabbitmq-x-death.json");
        assertThat(sink.deadLetters).hasSize(2);
        DeadLetter d = sink.deadLetters.get(0);
        assertThat(d.reason()).isEqualTo("rejected");
        assertThat(d.queue()).isEqualTo("shipping");
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.firstFailure()).isEqualTo(Instant.ofEpochSecond(1705323651));
        assertThat(d.lastFailure()).isEqualTo(Instant.ofEpochSecond(1705323701));
        assertThat(d.errorType()).isEqualTo("com.example.shipping.CarrierUnavailableException");
        assertThat(d.eventId()).isEqualTo("msg-r-1");
        assertThat(Json.parseOrMissing(d.event()).path("correlationId").asText()).isEqualTo("corr-r-1");
        assertThat(d.fingerprint()).isEqualTo(sink.deadLetters.get(1).fingerprint());
        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e.reason()).contains("x-death"));
    }

    @Test
    void azureServiceBusDeadLetterProperties() throws Exception {
        RecordingSink sink = read("azure-servicebus.jsonl");
        assertThat(sink.errors).isEmpty();
        assertThat(sink.deadLetters).hasSize(3);
        DeadLetter d = sink.deadLetters.get(0);
        assertThat(d.errorType()).isEqualTo("MaxDeliveryCountExceeded");
        assertThat(d.message()).contains("10 delivery attempts");
        assertThat(d.attempts()).isEqualTo(10);
        assertThat(d.eventId()).isEqualTo("sb-msg-1");
        assertThat(Json.parseOrMissing(d.event()).path("metadata").path("headers").path("tenant").asText()).isEqualTo("acme");
        assertThat(sink.deadLetters.get(2).errorType()).isEqualTo("SessionIdIsMissing");
        assertThat(sink.deadLetters.get(2).queue()).isEqualTo("invoices");
        assertThat(d.fingerprint()).isNotEqualTo(sink.deadLetters.get(2).fingerprint());
    }

    @Test
    void nServiceBusFailureHeaders() throws Exception {
        RecordingSink sink = read("nservicebus.json");
        DeadLetter d = sink.deadLetters.get(0);
        assertThat(d.errorType()).isEqualTo("System.InvalidOperationException");
        assertThat(d.queue()).isEqualTo("Billing");
        assertThat(d.handler()).isEqualTo("Billing");
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.lastFailure()).isEqualTo(Instant.parse("2024-01-15T10:30:00.123456Z"));
        JsonNode event = Json.parseOrMissing(d.event());
        assertThat(event.path("type").asText()).isEqualTo("Billing.Messages.ChargeCustomer");
        assertThat(event.path("correlationId").asText()).isEqualTo("b1c4f0f2-9f0e-4c1e-9b9a-b0b100000000");
    }

    @Test
    void anNServiceBusConversationIsOneFlowLinkedByRelatedToAndSentByItsEndpoints() throws Exception {
        RecordingSink sink = read("nservicebus-conversation.jsonl");
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(eventlens.model.Event::id).containsExactly("m-1", "m-2");
        assertThat(sink.events).extracting(eventlens.model.Event::correlationId).containsOnly("conv-7");
        assertThat(sink.events).extracting(eventlens.model.Event::causationId).containsExactly(null, "m-1");
        assertThat(sink.events).extracting(eventlens.model.Event::source).containsExactly("Sales", "Sales");
        assertThat(sink.events.get(1).metadataTree().path("headers").path("NServiceBus.MessageIntent").asText())
                .isEqualTo("Publish");
        DeadLetter failed = sink.deadLetters.get(0);
        JsonNode event = Json.parseOrMissing(failed.event());
        assertThat(event.path("correlationId").asText()).isEqualTo("conv-7");
        assertThat(event.path("causationId").asText()).isEqualTo("m-2");
        assertThat(event.path("source").asText()).isEqualTo("Billing");
        assertThat(failed.queue()).isEqualTo("Billing");
    }

    @Test
    void rabbitMqMessagesTakeTheirCauseFromAHeaderAndTheirSourceFromAppId() throws Exception {
        RecordingSink sink = read(ImporterRegistry.standard().byName("rabbitmq").orElseThrow(),
                FIXTURES.resolve("rabbitmq-causation.jsonl"));
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).extracting(eventlens.model.Event::id).containsExactly("r-1", "r-2");
        assertThat(sink.events).extracting(eventlens.model.Event::causationId).containsExactly(null, "r-1");
        assertThat(sink.events).extracting(eventlens.model.Event::source).containsExactly("shop", "payments");
    }
}
