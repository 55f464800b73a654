package eventlens.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.ScriptEngines;
import eventlens.model.Event;
import eventlens.replay.run.RunCodec;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handlers no delivery reached (decision 0088), given a log of dotted and undotted types, when a script
 * subscribes with patterns that match some of them, then the run's summary lists the others, at every step.
 */
class IdleHandlersTest {
    static ScriptEngine engine;

    @BeforeAll
    static void engine() {
        engine = ScriptEngines.start();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Event event(int position, String type) {
        String id = "evt-" + position;
        return new Event(position, id, type, null, Instant.parse("2024-03-01T08:00:00Z").plusSeconds(position),
                null, null, null, null, null, "{}", null, "{\"id\":\"" + id + "\"}", null);
    }

    static ReplaySession session(String script, List<Event> events) {
        ReplaySettings settings = ReplaySettings.of(new ReplayScript("idle.js", script), ReplayMode.ALL);
        return new ReplaySession(engine, new ListSource(events), settings, Runnable::run, Pacer.none());
    }

    static final String SCRIPT = """
            on('*', () => {});
            on('order.#', () => {}, { name: 'orders' });
            on('payment.*', () => {});
            """;

    @Test
    void givenPatternsThatMatchNoTypeOfTheLog_whenTheRunEnds_thenTheSummaryListsThoseHandlersOnly() {
        List<Event> log = List.of(event(1, "order.created"), event(2, "order.payment.failed"), event(3, "Shipped"));
        try (ReplaySession s = session(SCRIPT, log)) {
            s.runToEnd();
            assertThat(s.summary().idle()).containsExactly(new IdleHandler("payment.*#1", "payment.*"));
        }
    }

    @Test
    void givenARunInProgress_whenAHandlerIsFirstReached_thenItLeavesTheList() {
        List<Event> log = List.of(event(1, "order.created"), event(2, "Shipped"));
        try (ReplaySession s = session(SCRIPT, log)) {
            assertThat(s.summary().idle()).extracting(IdleHandler::handler).containsExactly("*#1", "orders", "payment.*#1");
            s.step();
            assertThat(s.summary().idle()).extracting(IdleHandler::handler).containsExactly("*#1", "payment.*#1");
            s.step();
            assertThat(s.summary().idle()).extracting(IdleHandler::handler).containsExactly("payment.*#1");
        }
    }

    @Test
    void givenAStarPattern_whenDescribed_thenTheLineSaysWhatTheStarAndTheHashMatch() {
        assertThat(new IdleHandler("*#1", "*").describe())
                .startsWith("handler *#1 was not called: no type delivered matches '*' ('*' is one dot-separated word")
                .contains("'#' alone every type");
        assertThat(new IdleHandler("ship", "Shipped").describe())
                .isEqualTo("handler ship was not called: no type delivered matches 'Shipped'");
    }

    @Test
    void givenAStoredSummary_whenReadBack_thenTheIdleHandlersSurviveAndAnOlderRunHasNone() {
        try (ReplaySession s = session(SCRIPT, List.of(event(1, "Shipped")))) {
            s.runToEnd();
            var written = RunCodec.write(s.summary());
            assertThat(RunCodec.summary(written)).isEqualTo(s.summary());
            written.remove("idle");
            assertThat(RunCodec.summary(written).idle()).isEmpty();
        }
    }
}
