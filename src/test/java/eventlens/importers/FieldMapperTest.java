package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMapperTest {
    private static final Origin ORIGIN = new Origin("f.jsonl", 1, "json");

    private final FieldMapper mapper = new FieldMapper(Map.of());

    private MappedRecord map(FieldMapper m, String json) {
        try {
            return m.map(Json.mapper().readTree(json), json, ORIGIN);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Event event(String json) {
        MappedRecord mapped = map(mapper, json);
        assertThat(mapped).isInstanceOf(MappedRecord.EventRecord.class);
        return ((MappedRecord.EventRecord) mapped).event();
    }

    private DeadLetter deadLetter(String json) {
        MappedRecord mapped = map(mapper, json);
        assertThat(mapped).isInstanceOf(MappedRecord.DeadLetterRecord.class);
        return ((MappedRecord.DeadLetterRecord) mapped).deadLetter();
    }

    @Test
    void envelopeWithMetadata() {
        String json = """
                {"id":"e1","type":"OrderPlaced","timestamp":"2024-01-01T00:00:00Z","source":"orders",
                 "data":{"orderId":"o1"},"metadata":{"correlationId":"c1","causationId":"p1","userId":"u","traceId":"t"}}""";
        Event e = event(json);
        assertThat(e.id()).isEqualTo("e1");
        assertThat(e.type()).isEqualTo("OrderPlaced");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(e.source()).isEqualTo("orders");
        assertThat(e.correlationId()).isEqualTo("c1");
        assertThat(e.causationId()).isEqualTo("p1");
        assertThat(e.data()).isEqualTo("{\"orderId\":\"o1\"}");
        assertThat(e.metadata()).contains("\"userId\":\"u\"").contains("\"traceId\":\"t\"");
        assertThat(e.raw()).isEqualTo(json);
        assertThat(e.origin()).isEqualTo(ORIGIN);
    }

    @Test
    void eventVersionIsASchemaVersionNotTheAggregateVersion() {
        Event e = event("""
                {"eventId":"e2","eventType":"PaymentFailed","eventVersion":3,"timestamp":1700000000000,
                 "source":"pay","data":{"amount":5},"metadata":{"correlationId":"c"}}""");
        assertThat(e.id()).isEqualTo("e2");
        assertThat(e.type()).isEqualTo("PaymentFailed");
        assertThat(e.version()).isNull();
        assertThat(e.time()).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
        assertThat(e.correlationId()).isEqualTo("c");
    }

    @Test
    void payloadAtTopLevelBecomesDataWithoutTheEnvelope() {
        Event e = event("""
                {"eventId":"e3","eventType":"ItemAdded","aggregateId":"cart-1","aggregateType":"Cart",
                 "occurredAt":"2024-05-05T05:05:05.5Z","version":7,"sku":"X","qty":2,"correlationId":"c9"}""");
        assertThat(e.aggregateId()).isEqualTo("cart-1");
        assertThat(e.aggregateType()).isEqualTo("Cart");
        assertThat(e.version()).isEqualTo(7L);
        assertThat(e.time()).isEqualTo(Instant.parse("2024-05-05T05:05:05.5Z"));
        assertThat(e.correlationId()).isEqualTo("c9");
        assertThat(e.data()).isEqualTo("{\"sku\":\"X\",\"qty\":2}");
    }

    @Test
    void eventStoreRowWithEventDataAsJsonString() {
        Event e = event("""
                {"event_id":"r1","aggregate_id":"a1","aggregate_type":"Account","event_type":"Opened",
                 "event_data":"{\\"owner\\":\\"ann\\"}","version":"1","occurred_at":"2024-01-02 03:04:05",
                 "correlation_id":"cc","causation_id":"pp"}""");
        assertThat(e.id()).isEqualTo("r1");
        assertThat(e.type()).isEqualTo("Opened");
        assertThat(e.aggregateId()).isEqualTo("a1");
        assertThat(e.aggregateType()).isEqualTo("Account");
        assertThat(e.version()).isEqualTo(1L);
        assertThat(e.time()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(e.correlationId()).isEqualTo("cc");
        assertThat(e.causationId()).isEqualTo("pp");
        assertThat(e.data()).isEqualTo("{\"owner\":\"ann\"}");
    }

    @Test
    void eventStoreRowWithEventDataAsObject() {
        Event e = event("{\"event_id\":\"r2\",\"event_type\":\"Closed\",\"event_data\":{\"why\":\"done\"}}");
        assertThat(e.data()).isEqualTo("{\"why\":\"done\"}");
    }

    @Test
    void otherTimeNames() {
        assertThat(event("{\"id\":\"1\",\"time\":\"2024-01-01T00:00:00Z\"}").time()).isNotNull();
        assertThat(event("{\"id\":\"1\",\"createdAt\":\"2024-01-01T00:00:00Z\"}").time()).isNotNull();
        assertThat(event("{\"id\":\"1\",\"ts\":1700000000}").time()).isNotNull();
        assertThat(event("{\"id\":\"1\",\"metadata\":{\"TimeStamp\":\"2016-12-23T08:00:00+01:00\"}}").time())
                .isEqualTo(Instant.parse("2016-12-23T07:00:00Z"));
    }

    @Test
    void cloudEventsExtensionsForCorrelation() {
        Event e = event("""
                {"specversion":"1.0","id":"ce1","type":"t","source":"/s","time":"2024-01-01T00:00:00Z",
                 "correlationid":"corr","causationid":"cause","data":{"a":1}}""");
        assertThat(e.correlationId()).isEqualTo("corr");
        assertThat(e.causationId()).isEqualTo("cause");
    }

    @Test
    void base64DataHoldingJsonIsDecoded() {
        assertThat(event("{\"id\":\"1\",\"data_base64\":\"eyJhIjoxfQ==\"}").data()).isEqualTo("{\"a\":1}");
        assertThat(event("{\"id\":\"1\",\"data_base64\":\"not base64!\"}").data()).isEqualTo("\"not base64!\"");
    }

    @Test
    void recordWithoutIdGetsAStableDerivedId() {
        String json = "{\"type\":\"Ping\"}";
        Event first = event(json);
        assertThat(first.id()).startsWith("sha-").hasSize(20);
        assertThat(new FieldMapper(Map.of()).map(Json.parseOrMissing(json), json, ORIGIN))
                .isEqualTo(new MappedRecord.EventRecord(first));
        assertThat(event("{\"type\":\"Pong\"}").id()).isNotEqualTo(first.id());
    }

    @Test
    void numericIdsAreText() {
        assertThat(event("{\"eventId\":42,\"eventType\":\"X\"}").id()).isEqualTo("42");
    }

    @Test
    void objectWithoutIdTypeOrTimeIsRejectedListingItsFields() {
        assertThat(map(mapper, "{\"a\":1,\"b\":2,\"c\":3}"))
                .isEqualTo(new MappedRecord.Rejected("no id, type or time field found (fields: a, b, c)"));
        assertThat(map(mapper, "{}"))
                .isEqualTo(new MappedRecord.Rejected("no id, type or time field found (fields: none)"));
    }

    @Test
    void anyOneOfIdTypeOrTimeIsEnough() {
        assertThat(event("{\"id\":\"only\"}").type()).isNull();
        assertThat(event("{\"type\":\"only\"}").type()).isEqualTo("only");
        assertThat(event("{\"time\":\"not a time\"}").time()).isNull();
    }

    @Test
    void nonObjectsAreRejected() {
        assertThat(map(mapper, "[1,2]")).isEqualTo(new MappedRecord.Rejected("record is a JSON array, not a JSON object"));
        assertThat(map(mapper, "42")).isEqualTo(new MappedRecord.Rejected("record is a number, not a JSON object"));
        assertThat(map(mapper, "\"s\"")).isEqualTo(new MappedRecord.Rejected("record is a string, not a JSON object"));
    }

    @Test
    void mappingPointersWinOverAutomaticFields() {
        FieldMapper mapped = new FieldMapper(Map.of("id", "/header/messageId", "type", "/kind",
                "time", "/header/sentAt", "data", "/body", "correlationId", "/header/conv"));
        MappedRecord r = map(mapped, """
                {"id":"ignored","type":"ignored","kind":"Shipped","header":{"messageId":"m1","sentAt":"2024-01-01T00:00:00Z","conv":"k"},
                 "body":{"x":1},"data":{"y":2}}""");
        Event e = ((MappedRecord.EventRecord) r).event();
        assertThat(e.id()).isEqualTo("m1");
        assertThat(e.type()).isEqualTo("Shipped");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(e.correlationId()).isEqualTo("k");
        assertThat(e.data()).isEqualTo("{\"x\":1}");
    }

    @Test
    void mappedPointerThatFindsNothingLeavesTheFieldEmpty() {
        FieldMapper mapped = new FieldMapper(Map.of("type", "/kind"));
        Event e = ((MappedRecord.EventRecord) map(mapped, "{\"id\":\"1\",\"type\":\"auto\"}")).event();
        assertThat(e.type()).isNull();
    }

    @Test
    void badMappingIsRefused() {
        assertThatThrownBy(() -> new FieldMapper(Map.of("colour", "/c"))).hasMessageContaining("unknown field 'colour'");
    }

    @Test
    void deadLetterWithErrorObject() {
        DeadLetter d = deadLetter("""
                {"event":{"eventId":"e7","eventType":"PaymentRequested"},"handler":"PaymentHandler",
                 "error":{"name":"TimeoutError","message":"gateway timed out after 3000ms","stack":"TimeoutError: x\\n    at pay (pay.js:10:5)"},
                 "failedAt":"2024-01-01T00:00:00Z","lastRetryAt":"2024-01-01T00:05:00Z","retryCount":3}""");
        assertThat(d.eventId()).isEqualTo("e7");
        assertThat(d.event()).isEqualTo("{\"eventId\":\"e7\",\"eventType\":\"PaymentRequested\"}");
        assertThat(d.handler()).isEqualTo("PaymentHandler");
        assertThat(d.errorType()).isEqualTo("TimeoutError");
        assertThat(d.message()).isEqualTo("gateway timed out after 3000ms");
        assertThat(d.stack()).contains("pay.js:10:5");
        assertThat(d.attempts()).isEqualTo(4);
        assertThat(d.firstFailure()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(d.lastFailure()).isEqualTo(Instant.parse("2024-01-01T00:05:00Z"));
        assertThat(d.fingerprint()).isNotBlank();
    }

    @Test
    void deadLetterWithErrorTextAndVariantNames() {
        DeadLetter d = deadLetter("""
                {"event":{"id":"e8","type":"Shipped"},"consumer":"mailer","lastError":"TypeError: cannot read property 'x' of undefined",
                 "stack":"at f (a.js:1:1)","attempts":5,"firstFailure":1700000000,"lastFailure":1700000060}""");
        assertThat(d.eventId()).isEqualTo("e8");
        assertThat(d.handler()).isEqualTo("mailer");
        assertThat(d.errorType()).isEqualTo("TypeError");
        assertThat(d.message()).isEqualTo("cannot read property 'x' of undefined");
        assertThat(d.stack()).isEqualTo("at f (a.js:1:1)");
        assertThat(d.attempts()).isEqualTo(5);
        assertThat(d.firstFailure()).isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(d.lastFailure()).isEqualTo(Instant.ofEpochSecond(1700000060));
    }

    @Test
    void errorTextWithoutATypeNameIsAllMessage() {
        DeadLetter d = deadLetter("{\"event\":{\"id\":\"e\"},\"error\":\"connection refused: db:5432\",\"failedAt\":\"2024-01-01\"}");
        assertThat(d.errorType()).isNull();
        assertThat(d.message()).isEqualTo("connection refused: db:5432");
        assertThat(d.firstFailure()).isEqualTo(d.lastFailure());
    }

    @Test
    void eventFieldWithoutAFailureIsAnOrdinaryEvent() {
        Event e = event("{\"id\":\"x\",\"type\":\"Wrapped\",\"event\":{\"id\":\"inner\"}}");
        assertThat(e.id()).isEqualTo("x");
    }
}
