package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImporterRegistryTest {
    private final ImporterRegistry registry = ImporterRegistry.standard();

    @Test
    void standardRegistryHasTheJsonAndDeadLetterReaders() {
        assertThat(registry.all()).extracting(Importer::name)
                .containsExactly("json", "sqs", "kafka", "rabbitmq", "servicebus", "temporal", "csv", "jaeger", "otlp",
                        "zipkin", "esdb", "debezium");
        assertThat(registry.byName("JSON")).isPresent();
        assertThat(registry.byName("parquet")).isEmpty();
    }

    @Test
    void everyReaderClassIsAPlugInOfTheServicesFileAndNothingElseIs() throws Exception {
        List<String> readers = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("eventlens.importers").stream()
                .filter(c -> c.isAssignableTo(Importer.class) && !c.isInterface()
                        && !c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                .map(com.tngtech.archunit.core.domain.JavaClass::getName).sorted().toList();
        assertThat(readers).hasSize(12);
        assertThat(registry.all()).extracting(i -> i.getClass().getName()).containsExactlyInAnyOrderElementsOf(readers);
        assertThat(ImporterRegistry.standard().all().get(0)).isNotSameAs(registry.all().get(0));
    }

    @Test
    void detectsJsonAfterBomAndWhitespace() throws Exception {
        byte[] head = "\uFEFF \n\t{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(registry.detect(head, "x.log").name()).isEqualTo("json");
        assertThat(registry.detect("  [ {} ]".getBytes(StandardCharsets.UTF_8), "-").name()).isEqualTo("json");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "{\"data\":[{\"traceID\":\"t1\",\"spans\":[{\"traceID\":\"t1\",\"spanID\":\"s1\"}],\"processes\":{}}]} | jaeger",
        "{  \"traceID\": \"trace-123\",  \"spans\": [] } | jaeger",
        "[{\"traceID\":\"t1\",\"spans\":[]}] | jaeger",
        "{\"resourceSpans\":[{\"resource\":{},\"scopeSpans\":[]}]} | otlp",
        "[{\"traceId\":\"a1\",\"id\":\"b2\",\"name\":\"get\",\"localEndpoint\":{\"serviceName\":\"x\"}}] | zipkin",
        "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"traceId\":\"AB\",\"spanId\":\"CD\"}]}]}]} | otlp",
        "{\"id\":\"e1\",\"type\":\"t\",\"traceId\":\"abc\",\"spans\":3} | json",
        "{\"specversion\":\"1.0\",\"id\":\"1\",\"traceparent\":\"00-ab-cd-01\"} | json"})
    void traceShapesGoToTheirReadersAndOnlyThose(String head, String format) throws Exception {
        assertThat(registry.detect(head.getBytes(StandardCharsets.UTF_8), "x.json").name()).isEqualTo(format);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "bare change event | {\"before\":null,\"after\":{\"id\":1},\"source\":{\"table\":\"t\"},\"op\":\"c\"} | debezium",
        "schema envelope | {\"schema\":{\"type\":\"struct\"},\"payload\":{\"op\":\"u\",\"before\":{},\"after\":{},\"source\":{}}} | debezium",
        "spaced op after a key line | {\"id\":1}\\n{\"after\": {\"id\":1}, \"source\": {}, \"op\" : \"d\"} | debezium",
        "schema envelope whose payload is past the head | {\"schema\":{\"fields\":[{\"field\":\"before\"},{\"field\":\"after\"},{\"field\":\"source\"},{\"field\": \"op\"}],\"name\":\"s.d.t.Envelope\"} | debezium",
        "outbox row | {\"id\":\"e\",\"aggregatetype\":\"Order\",\"aggregateid\":\"1\",\"type\":\"X\",\"payload\":\"{}\"} | debezium",
        "snake-case outbox row | {\"aggregate_type\":\"Order\",\"aggregate_id\":\"1\",\"payload\":{}} | debezium",
        "CSV export of an outbox table with a quoted header | \"id\",\"aggregatetype\",\"aggregateid\",\"type\",\"payload\"\\n\"1\",\"Order\",\"1\",\"X\",\"{}\"\\n\"2\",\"Order\",\"1\",\"Y\",\"{}\"\\n | csv",
        "camelCase event export | {\"aggregateType\":\"Order\",\"aggregateId\":\"1\",\"type\":\"X\",\"payload\":{}} | json",
        "op without before/after/source | {\"op\":\"c\",\"id\":1} | json",
        "kcat -J record holding a change event | {\"topic\":\"t\",\"partition\":0,\"offset\":1,\"payload\":\"{\\\"op\\\":\\\"c\\\",\\\"before\\\":null,\\\"source\\\":{}}\"} | debezium",
        "kcat -J record routed by the outbox event router | {\"topic\":\"outbox.event.Order\",\"partition\":0,\"offset\":1,\"key\":\"1\",\"payload\":\"{}\"} | debezium",
        "kcat -J Connect dead letter holding a change event | {\"topic\":\"dlq\",\"partition\":0,\"offset\":1,\"headers\":[\"__connect.errors.topic\",\"t\"],\"payload\":\"{\\\"op\\\":\\\"c\\\",\\\"source\\\":{}}\"} | kafka",
        "kcat -J plain record | {\"topic\":\"orders\",\"partition\":0,\"offset\":1,\"payload\":\"{\\\"type\\\":\\\"x\\\"}\"} | kafka"})
    void debeziumShapesAreDetectedAndOthersAreLeftAlone(String what, String head, String format) throws Exception {
        assertThat(registry.detect(head.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8), "x.json").name())
                .isEqualTo(format);
    }

    @Test
    void unrecognisedInputFailsQuotingItsStart() {
        byte[] head = "\n  hello world, this is not an event log\nnor is this, a second line of prose\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> registry.detect(head, "notes.txt"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no reader recognises this input: starts with \"hello world");
    }

    @Test
    void binaryHeadIsShownEscaped() {
        byte[] head = {0, 1, 2, 'a'};
        assertThatThrownBy(() -> registry.detect(head, "blob"))
                .hasMessageContaining("starts with \"\\x00\\x01\\x02a\"");
    }

    @Test
    void givenBytesThatAreNotUtf8_whenQuoted_thenEachIsShownAsItIsAndTheCharactersAroundThemAsText() {
        byte[] head = {0x7F, 'E', 'L', 'F', (byte) 0xFF, (byte) 0xC3, (byte) 0xA9, (byte) 0xC0, (byte) 0xAF, '!',
                (byte) 0xE2, (byte) 0x82};
        assertThat(SourceHead.preview(head, 80)).isEqualTo("\"\\x7FELF\\xFFé\\xC0\\xAF!\\xE2\\x82\"");
        assertThat(SourceHead.preview(head, 5)).isEqualTo("\"\\x7FELF\\xFF\" …");
    }

    @Test
    void temporalHistoriesAreDetectedByTheirEventAttributes() throws Exception {
        byte[] history = """
                {"events": [{"eventId": "1", "eventTime": "2024-01-01T00:00:00Z",
                  "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED",
                  "workflowExecutionStartedEventAttributes": {"workflowType": {"name": "W"}}}]}
                """.getBytes(StandardCharsets.UTF_8);
        assertThat(registry.detect(history, "history.json").name()).isEqualTo("temporal");
        byte[] line = "{\"eventId\":2,\"eventType\":\"TimerFired\",\"timerFiredEventAttributes\":{\"startedEventId\":1}}\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(registry.detect(line, "events.jsonl").name()).isEqualTo("temporal");
    }

    @Test
    void logsWithEventIdAndEventTypeButNoTemporalAttributesStayJson() throws Exception {
        byte[] eventStore = """
                [{"eventId": "fbf4a1a1-b4a3-4dfe-a01f-ec52c34e16e4", "eventType": "ItemAdded",
                  "data": {"Description": "Xbox One S 1TB (Console)"}, "metadata": {"TimeStamp": "2016-12-23T08:00:00+01:00"}}]
                """.getBytes(StandardCharsets.UTF_8);
        assertThat(registry.detect(eventStore, "cart.json").name()).isEqualTo("json");
        byte[] words = "{\"eventId\":\"1\",\"eventType\":\"x\",\"note\":\"see temporal EventAttributes\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(registry.detect(words, "n.json").name()).isEqualTo("json");
    }

    @Test
    void mostConfidentReaderWins() throws Exception {
        Importer lukewarm = new FixedScore("lukewarm", 10);
        Importer keen = new FixedScore("keen", 95);
        ImporterRegistry custom = new ImporterRegistry(List.of(lukewarm, keen, new FixedScore("late", 95)));
        assertThat(custom.detect(new byte[] {'x'}, "f").name()).isEqualTo("keen");
    }

    private record FixedScore(String name, int score) implements Importer {
        @Override
        public String description() {
            return name;
        }

        @Override
        public List<FieldSource> fields() {
            return List.of();
        }

        @Override
        public int sniff(byte[] head, String sourceName) {
            return score;
        }

        @Override
        public void read(ImportSource source, ImportOptions options, ImportSink sink) {
        }
    }
}
