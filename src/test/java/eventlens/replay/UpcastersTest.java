package eventlens.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.app.work.ScriptEngines;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.state.AggregateState;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptError;
import eventlens.replay.script.ScriptException;
import eventlens.replay.script.ScriptLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upcasters in replay (issue 14, docs/decisions/0040-upcasters-in-replay.md), given a log of
 * {@code OrderPlaced} events of several schema versions, when a script with {@code upcast(...)} replays
 * it, then handlers and reducers see every event in the shape of the chain's final version.
 */
class UpcastersTest {
    static ScriptEngine engine;

    @BeforeAll
    static void engine() {
        engine = ScriptEngines.start();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static final String V1_TO_V2 = """
            upcast('OrderPlaced', '1.0', '2.0', (e) => ({ ...e, data: { ...e.data,
              items: e.data.items.map((id) => ({ productId: id, quantity: 1 })) } }));
            """;
    static final String V2_TO_V3 = """
            upcast('OrderPlaced', '2.0', '3.0', (e) => ({ ...e, data: { ...e.data,
              lines: e.data.items.map((i) => ({ sku: i.productId, qty: i.quantity })), items: undefined } }));
            """;
    static final String LOG_SHAPE = """
            on('OrderPlaced', (e, ctx) => ctx.log(e.id, e.schemaVersion, JSON.stringify(e.data)));
            """;

    static Event placed(int position, String version, String data) {
        String id = "evt-" + position;
        String raw = "{\"id\":\"" + id + "\",\"type\":\"OrderPlaced\""
                + (version == null ? "" : ",\"eventVersion\":\"" + version + "\"") + ",\"data\":" + data + "}";
        return new Event(position, id, "OrderPlaced", "order-service", Instant.parse("2024-03-01T08:00:00Z").plusSeconds(position),
                "Order", "order-" + position, 1L, id, null, data, null, raw, null);
    }

    static Event other(int position, String type) {
        String id = "evt-" + position;
        return new Event(position, id, type, null, Instant.parse("2024-03-01T08:00:00Z").plusSeconds(position),
                null, null, null, null, null, "{\"items\":[\"x\"]}", null, "{\"eventVersion\":\"1.0\"}", null);
    }

    static ReplaySession replay(String script, List<Event> events) {
        return replay(script, events, ScriptLimits.DEFAULT);
    }

    static ReplaySession replay(String script, List<Event> events, ScriptLimits limits) {
        ReplaySettings settings = ReplaySettings.of(new ReplayScript("upcast.js", script), ReplayMode.ALL).withLimits(limits);
        ReplaySession s = new ReplaySession(engine, new ListSource(events), settings, Runnable::run, Pacer.none());
        s.runToEnd();
        return s;
    }

    static List<String> logs(ReplaySession s) {
        return s.outputs().logs().stream().map(LogLine::text).toList();
    }

    @Test
    void givenAChainRegisteredOutOfOrder_whenAV1EventIsReplayed_thenItPassesBothUpcastersInChainOrder() {
        try (ReplaySession s = replay(V2_TO_V3 + V1_TO_V2 + LOG_SHAPE, List.of(placed(1, "1.0", "{\"items\":[\"A\",\"B\"]}")))) {
            assertThat(logs(s)).containsExactly(
                    "evt-1 3.0 {\"lines\":[{\"sku\":\"A\",\"qty\":1},{\"sku\":\"B\",\"qty\":1}]}");
            assertThat(s.summary().deadLettered()).isZero();
        }
    }

    @Test
    void givenEventsAtEveryVersion_whenReplayed_thenEachStartsWhereItsVersionIsAndTheFinalOneIsUntouched() {
        List<Event> log = List.of(
                placed(1, "1.0", "{\"items\":[\"A\"]}"),
                placed(2, "2.0", "{\"items\":[{\"productId\":\"B\",\"quantity\":2}]}"),
                placed(3, "3.0", "{\"lines\":[{\"sku\":\"C\",\"qty\":3}]}"));
        try (ReplaySession s = replay(V1_TO_V2 + V2_TO_V3 + LOG_SHAPE, log)) {
            assertThat(logs(s)).containsExactly(
                    "evt-1 3.0 {\"lines\":[{\"sku\":\"A\",\"qty\":1}]}",
                    "evt-2 3.0 {\"lines\":[{\"sku\":\"B\",\"qty\":2}]}",
                    "evt-3 3.0 {\"lines\":[{\"sku\":\"C\",\"qty\":3}]}");
            assertThat(s.summary().upcasts()).containsExactly(
                    new UpcastCount("OrderPlaced 1.0->2.0", 1), new UpcastCount("OrderPlaced 2.0->3.0", 2));
        }
    }

    @Test
    void givenVersionsWrittenDifferently_whenMatched_thenTheyCompareAsNumbers() {
        List<Event> log = List.of(placed(1, "1", "{\"items\":[\"A\"]}"), placed(2, "v1.0.0", "{\"items\":[\"B\"]}"),
                placed(3, "2", "{\"items\":[{\"productId\":\"C\",\"quantity\":5}]}"));
        try (ReplaySession s = replay(V1_TO_V2 + LOG_SHAPE, log)) {
            assertThat(logs(s)).containsExactly(
                    "evt-1 2.0 {\"items\":[{\"productId\":\"A\",\"quantity\":1}]}",
                    "evt-2 2.0 {\"items\":[{\"productId\":\"B\",\"quantity\":1}]}",
                    "evt-3 2 {\"items\":[{\"productId\":\"C\",\"quantity\":5}]}");
            assertThat(s.summary().upcasts()).containsExactly(new UpcastCount("OrderPlaced 1.0->2.0", 2));
        }
    }

    @Test
    void givenAnEventWithoutAVersion_whenReplayed_thenItIsReadAsTheLowestVersionTheChainStartsAt() {
        try (ReplaySession s = replay(V2_TO_V3 + V1_TO_V2 + LOG_SHAPE, List.of(placed(1, null, "{\"items\":[\"A\"]}")))) {
            assertThat(logs(s)).containsExactly("evt-1 3.0 {\"lines\":[{\"sku\":\"A\",\"qty\":1}]}");
        }
    }

    @Test
    void givenTypesWithoutUpcasters_whenReplayed_thenTheyAreUntouchedWhateverTheirVersion() {
        String script = V1_TO_V2 + "on('OrderShipped', (e, ctx) => ctx.log(e.schemaVersion, JSON.stringify(e.data)));";
        try (ReplaySession s = replay(script, List.of(other(1, "OrderShipped")))) {
            assertThat(logs(s)).containsExactly("1.0 {\"items\":[\"x\"]}");
            assertThat(s.summary().upcasts()).containsExactly(new UpcastCount("OrderPlaced 1.0->2.0", 0));
        }
    }

    @Test
    void givenAGapInTheChain_whenTheScriptLoads_thenItFailsNamingTheTypeTheVersionAndTheLine() {
        String script = "\n" + V1_TO_V2 + "upcast('OrderPlaced', '3.0', '4.0', (e) => e);\n";
        assertThatThrownBy(() -> replay(script, List.of()))
                .isInstanceOfSatisfying(ScriptException.class, e -> {
                    assertThat(e.error().errorType()).isEqualTo("UpcasterChainError");
                    assertThat(e.error().line()).isEqualTo(2);
                    assertThat(e.error().message()).isEqualTo("missing upcaster step: OrderPlaced 1.0->2.0 ends at 2.0,"
                            + " but no upcaster reads OrderPlaced 2.0 on to 4.0");
                });
    }

    @Test
    void givenTwoUpcastersFromOneVersionOrACycle_whenTheScriptLoads_thenItFails() {
        assertThatThrownBy(() -> replay(V1_TO_V2 + "upcast('OrderPlaced', '1', '3', (e) => e);", List.of()))
                .hasMessageContaining("upcast.js:3:").hasMessageContaining("two upcasters read OrderPlaced 1");
        assertThatThrownBy(() -> replay(V1_TO_V2 + "upcast('OrderPlaced', 2, 1, (e) => e);", List.of()))
                .hasMessageContaining("form a cycle");
        assertThatThrownBy(() -> replay("upcast('OrderPlaced', '1.0', 'v1', (e) => e);", List.of()))
                .hasMessageContaining("goes nowhere");
        assertThatThrownBy(() -> replay("upcast('OrderPlaced', '1.0', (e) => e);", List.of()))
                .hasMessageContaining("upcast(type, fromVersion, toVersion, (event) => event) needs");
        try (ReplaySession s = replay("on('x', () => { upcast('A', '1', '2', (e) => e); });", List.of(other(1, "x")))) {
            assertThat(s.outputs().deadLetters().get(0).error().message()).contains("upcast() is only allowed at the top level");
        }
    }

    @Test
    void givenBranchesThatJoin_whenReplayed_thenEachVersionTakesItsOwnWayToTheFinalOneAndANewerVersionIsMissing() {
        String script = "upcast('OrderPlaced', '1', '3', (e) => ({ ...e, data: { from: 1 } }));\n"
                + "upcast('OrderPlaced', '2', '3', (e) => ({ ...e, data: { from: 2 } }));\n" + LOG_SHAPE;
        try (ReplaySession s = replay(script, List.of(placed(1, "1", "{}"), placed(2, "2.0", "{}"), placed(3, "4", "{}")))) {
            assertThat(logs(s)).containsExactly("evt-1 3 {\"from\":1}", "evt-2 3 {\"from\":2}");
            assertThat(s.outputs().deadLetters()).singleElement().satisfies(d -> assertThat(d.error().message())
                    .isEqualTo("OrderPlaced version 4 has no upcaster to 3 (upcasters read 1, 2)"));
        }
    }

    @Test
    void givenAnEventAtAVersionTheChainDoesNotRead_whenDelivered_thenItIsDeadLetteredAndNoHandlerSeesIt() {
        try (ReplaySession s = replay(V2_TO_V3 + LOG_SHAPE, List.of(placed(1, "1.0", "{\"items\":[\"A\"]}"),
                placed(2, "2.0", "{\"items\":[{\"productId\":\"B\",\"quantity\":2}]}")))) {
            assertThat(logs(s)).containsExactly("evt-2 3.0 {\"lines\":[{\"sku\":\"B\",\"qty\":2}]}");
            assertThat(s.outputs().deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.handler()).isEqualTo("upcast(OrderPlaced)");
                assertThat(d.event().id()).isEqualTo("evt-1");
                assertThat(d.error().errorType()).isEqualTo("MissingUpcaster");
                assertThat(d.error().line()).isEqualTo(1);
                assertThat(d.error().message()).isEqualTo("OrderPlaced version 1.0 has no upcaster to 3.0 (upcasters read 2.0)");
            });
            assertThat(s.summary().delivered()).isEqualTo(2);
        }
    }

    @Test
    void givenAnUpcasterThatThrows_whenDelivered_thenTheDeadLetterCarriesTheScriptLineAndTheUpcaster() {
        String script = "upcast('OrderPlaced', '1.0', '2.0', (e) => {\n  throw new Error('no items ' + e.id);\n});\n" + LOG_SHAPE;
        try (ReplaySession s = replay(script, List.of(placed(1, "1.0", "{}")))) {
            assertThat(logs(s)).isEmpty();
            ScriptError error = s.outputs().deadLetters().get(0).error();
            assertThat(error.describe()).isEqualTo("upcast.js:2:9: Error: in upcaster OrderPlaced 1.0->2.0: no items evt-1");
        }
    }

    @Test
    void givenAnUpcasterReturningNoEventOrChangingTheId_whenDelivered_thenItFailsAtTheUpcastersLine() {
        List<String> described = new ArrayList<>();
        for (String body : List.of("undefined", "[e]", "({ ...e, id: 'other' })", "({ ...e, type: 'OrderCreated' })")) {
            String script = "\nupcast('OrderPlaced', '1.0', '2.0', (e) => " + body + ");\n" + LOG_SHAPE;
            try (ReplaySession s = replay(script, List.of(placed(1, "1.0", "{}")))) {
                assertThat(logs(s)).isEmpty();
                described.add(s.outputs().deadLetters().get(0).error().describe());
            }
        }
        assertThat(described).containsExactly(
                "upcast.js:2:37: InvalidUpcast: upcaster OrderPlaced 1.0->2.0 returned undefined instead of an event object",
                "upcast.js:2:37: InvalidUpcast: upcaster OrderPlaced 1.0->2.0 returned an array instead of an event object",
                "upcast.js:2:37: InvalidUpcast: upcaster OrderPlaced 1.0->2.0 changed id from \"evt-1\" to \"other\": an upcaster may change data and metadata only",
                "upcast.js:2:37: InvalidUpcast: upcaster OrderPlaced 1.0->2.0 changed type from \"OrderPlaced\" to \"OrderCreated\": an upcaster may change data and metadata only");
    }

    @Test
    void givenAnUpcasterThatNeverReturns_whenDelivered_thenTheStatementBudgetStopsItAndTheNextEventIsUpcast() {
        String script = """
                upcast('OrderPlaced', '1.0', '2.0', (e) => {
                  if (e.id === 'evt-1') { while (true) {} }
                  return { ...e, data: { items: [] } };
                });
                """ + LOG_SHAPE;
        ScriptLimits small = new ScriptLimits(100_000, Duration.ofSeconds(10), 256L << 20);
        try (ReplaySession s = replay(script, List.of(placed(1, "1.0", "{}"), placed(2, "1.0", "{}")), small)) {
            assertThat(s.outputs().deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.error().errorType()).isEqualTo("StatementLimitExceeded");
                assertThat(d.error().message()).startsWith("in upcaster OrderPlaced 1.0->2.0: ");
            });
            assertThat(logs(s)).containsExactly("evt-2 2.0 {\"items\":[]}");
        }
    }

    @Test
    void givenAReducer_whenAV1EventIsFolded_thenTheReducerSeesItUpcast() {
        String script = V1_TO_V2 + """
                reduce('Order', (s, e) => ({ ...s, units: e.data.items.reduce((n, i) => n + i.quantity, 0), v: e.schemaVersion }));
                on('OrderPlaced', (e, ctx) => ctx.log(JSON.stringify(ctx.state(e.aggregateId))));
                """;
        try (ReplaySession s = replay(script, List.of(placed(1, "1.0", "{\"items\":[\"A\",\"B\"]}")))) {
            assertThat(logs(s)).containsExactly("{\"units\":2,\"v\":\"2.0\"}");
        }
    }

    @Test
    void givenAStopBeforeAV1Event_whenTheStateAfterItIsPreviewed_thenTheReducerFoldsItUpcast() {
        String script = V1_TO_V2 + "reduce('Order', (s, e) => ({ units: e.data.items.reduce((n, i) => n + i.quantity, 0) }));";
        ReplaySettings settings = ReplaySettings.of(new ReplayScript("upcast.js", script), ReplayMode.ALL);
        try (ReplaySession s = new ReplaySession(engine, new ListSource(List.of(placed(1, "1.0", "{\"items\":[\"A\",\"B\"]}"))),
                settings, Runnable::run, Pacer.none())) {
            Event next = s.next().orElseThrow();
            assertThat(next.dataTree().path("items").get(0).isTextual()).as("the next event as recorded").isTrue();
            assertThat(s.stateAfter(next)).isEqualTo("{\"units\":2}");
        }
    }

    @Test
    void givenAConditionOnAV2OnlyField_whenAV1EventComesUp_thenTheRunStopsOnItUpcastAsTheHandlerSeesIt() {
        String script = "let calls = 0;\n" + V1_TO_V2.replace("(e) => ({", "(e) => (calls++, {") + """
                on('OrderPlaced', (e, ctx) => ctx.log(e.id, e.data.items[0].productId, 'upcaster calls', calls));
                """;
        List<Event> log = List.of(other(1, "Warmup"), placed(2, "1.0", "{\"items\":[\"A\",\"B\"]}"),
                placed(3, "2.0", "{\"items\":[{\"productId\":\"C\",\"quantity\":5}]}"));
        ReplaySettings settings = ReplaySettings.of(new ReplayScript("upcast.js", script), ReplayMode.ALL);
        try (ReplaySession s = new ReplaySession(engine, new ListSource(log), settings, Runnable::run, Pacer.none())) {
            s.addBreakpoint(Breakpoint.onCondition("event.data.items[0].productId === 'A' && event.schemaVersion === '2.0'"));
            BreakpointHit hit = s.runToEnd().orElseThrow(() -> new AssertionError("the condition never held"));
            assertThat(hit.eventId()).isEqualTo("evt-2");
            assertThat(logs(s)).as("stopped before its delivery").isEmpty();

            assertThat(s.runToEnd()).isEmpty();
            assertThat(logs(s)).as("the upcaster ran once for the condition and the handler together")
                    .containsExactly("evt-2 A upcaster calls 1", "evt-3 C upcaster calls 1");
            assertThat(s.summary().upcasts()).containsExactly(new UpcastCount("OrderPlaced 1.0->2.0", 1));
        }
    }

    @Test
    void givenAnEventTheUpcastersFailOn_whenAConditionIsTested_thenItSeesTheRecordedEventAndTheDeliveryDeadLettersIt() {
        String script = "upcast('OrderPlaced', '1.0', '2.0', (e) => { throw new Error('no'); });\n" + LOG_SHAPE;
        List<Event> log = List.of(other(1, "Warmup"), placed(2, "1.0", "{\"items\":[\"A\"]}"));
        ReplaySettings settings = ReplaySettings.of(new ReplayScript("upcast.js", script), ReplayMode.ALL);
        try (ReplaySession s = new ReplaySession(engine, new ListSource(log), settings, Runnable::run, Pacer.none())) {
            s.addBreakpoint(Breakpoint.onCondition("event.data.items[0] === 'A'"));
            assertThat(s.runToEnd()).map(BreakpointHit::eventId).contains("evt-2");
            assertThat(s.runToEnd()).isEmpty();
            assertThat(logs(s)).isEmpty();
            assertThat(s.summary().deadLettered()).isEqualTo(1);
        }
    }

    @Test
    void givenUpcastersButNoReducer_whenAStateIsCaughtUpLazily_thenMergePatchFoldsTheUpcastEvents() {
        try (ReplaySession s = replay(V1_TO_V2, List.of(placed(1, "1.0", "{\"items\":[\"A\"]}")))) {
            assertThat(Json.parseOrMissing(s.state("order-1")).path("items").get(0).path("productId").asText()).isEqualTo("A");
        }
    }

    @Test
    void givenTheRunsReducers_whenARecordedHistoryIsRebuilt_thenTheyFoldItUpcast() {
        String script = V1_TO_V2 + "reduce('Order', (s, e) => ({ units: e.data.items.reduce((n, i) => n + i.quantity, 0) }));";
        try (RunReducers r = RunReducers.load(engine, new ReplayScript("upcast.js", script), ScriptLimits.DEFAULT)) {
            assertThat(r.rebuilds()).isTrue();
            Event v1 = placed(1, "1.0", "{\"items\":[\"A\",\"B\",\"C\"]}");
            AggregateState state = AggregateState.initial("order-1", "Order").next(v1, r.reducers().forType("Order"));
            assertThat(state.data().path("units").asInt()).isEqualTo(3);
            AggregateState merged = AggregateState.initial("x", "Other").next(v1, r.reducers().forType("Other"));
            assertThat(merged.data().path("items").get(0).path("productId").asText()).isEqualTo("A");
        }
        try (RunReducers none = RunReducers.load(engine, new ReplayScript("plain.js", "on('x', () => {});"), ScriptLimits.DEFAULT)) {
            assertThat(none.rebuilds()).isFalse();
        }
    }

    @Test
    void givenAStoredRunSummary_whenReadBack_thenTheUpcastCountsSurvive() {
        try (ReplaySession s = replay(V1_TO_V2, List.of(placed(1, "1.0", "{\"items\":[\"A\"]}")))) {
            RunSummary read = eventlens.replay.run.RunCodec.summary(eventlens.replay.run.RunCodec.write(s.summary()));
            assertThat(read).isEqualTo(s.summary());
            assertThat(read.upcasted()).isEqualTo(1);
        }
    }
}
