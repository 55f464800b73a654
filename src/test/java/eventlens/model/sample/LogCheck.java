package eventlens.model.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eventlens.model.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON lines in the samples' envelope and asserts the invariants every sample log must keep:
 * each line is a JSON object with the envelope fields (or a dead letter in the seeds' shape), a root's
 * correlation id is its own id, a causation id names an earlier event of the same correlation,
 * versions of an aggregate go up by one, timestamps never go back, and a dead letter embeds exactly an
 * event written before it.
 */
final class LogCheck {
    private static final ObjectMapper MAPPER = Json.mapper();

    /** Every event seen so far, by id. */
    final Map<String, JsonNode> events = new HashMap<>();
    final List<JsonNode> eventList = new ArrayList<>();
    final List<JsonNode> deadLetters = new ArrayList<>();
    final Map<String, Integer> depth = new HashMap<>();
    final Map<String, String> correlationOf = new HashMap<>();
    private final Map<String, Long> lastVersion = new HashMap<>();
    private Instant lastTime = Instant.MIN;
    int maxDepth;
    long lineNumber;

    /** Checks one line; dead letters may only embed events checked before. */
    void line(String text) {
        lineNumber++;
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("line " + lineNumber + " is not JSON: " + e.getMessage() + "\n" + text, e);
        }
        assertThat(node.isObject()).as("line %d is an object", lineNumber).isTrue();
        if (node.has("handler") && node.has("event")) {
            deadLetter(node);
        } else {
            event(node);
        }
    }

    /** Checks a dead letter in the seeds' shape whose event must already be known. */
    void deadLetter(JsonNode node) {
        for (String field : List.of("event", "handler", "error", "stack", "failedAt", "retryCount")) {
            assertThat(node.has(field)).as("dead letter on line %d has %s", lineNumber, field).isTrue();
        }
        JsonNode embedded = node.get("event");
        JsonNode written = events.get(embedded.path("id").asText());
        assertThat(written).as("dead letter on line %d embeds an event written earlier", lineNumber).isNotNull();
        assertThat(embedded).as("dead letter on line %d embeds the event as written", lineNumber).isEqualTo(written);
        assertThat(Instant.parse(node.get("failedAt").asText()))
                .as("dead letter on line %d fails after its event", lineNumber)
                .isAfter(Instant.parse(written.get("timestamp").asText()));
        assertThat(node.get("retryCount").isInt()).isTrue();
        deadLetters.add(node);
        advance(Instant.parse(node.get("failedAt").asText()));
    }

    private void event(JsonNode e) {
        for (String field : List.of("id", "type", "timestamp", "source", "data", "metadata")) {
            assertThat(e.hasNonNull(field)).as("event on line %d has %s", lineNumber, field).isTrue();
        }
        String id = e.get("id").asText();
        assertThat(events).as("event id %s on line %d is unique", id, lineNumber).doesNotContainKey(id);
        JsonNode meta = e.get("metadata");
        String correlation = meta.path("correlationId").asText(null);
        assertThat(correlation).as("line %d has a correlation id", lineNumber).isNotNull();
        String cause = meta.path("causationId").asText(null);
        if (cause == null) {
            assertThat(correlation).as("root %s on line %d correlates to itself", id, lineNumber).isEqualTo(id);
            depth.put(id, 1);
        } else {
            assertThat(events).as("cause %s of line %d was written earlier", cause, lineNumber).containsKey(cause);
            assertThat(correlationOf.get(cause)).as("cause of line %d is in the same correlation", lineNumber)
                    .isEqualTo(correlation);
            depth.put(id, depth.get(cause) + 1);
            assertThat(Instant.parse(e.get("timestamp").asText()))
                    .as("line %d is not stamped before its cause", lineNumber)
                    .isAfterOrEqualTo(Instant.parse(events.get(cause).get("timestamp").asText()));
        }
        maxDepth = Math.max(maxDepth, depth.get(id));
        if (e.has("aggregateId")) {
            assertThat(e.path("aggregateType").isTextual()).as("line %d has an aggregate type", lineNumber).isTrue();
            String aggregate = e.get("aggregateType").asText() + "/" + e.get("aggregateId").asText();
            long version = e.path("version").asLong(-1);
            Long previous = lastVersion.put(aggregate, version);
            assertThat(version).as("version of %s on line %d", aggregate, lineNumber)
                    .isEqualTo(previous == null ? 1 : previous + 1);
        }
        advance(Instant.parse(e.get("timestamp").asText()));
        events.put(id, e);
        eventList.add(e);
        correlationOf.put(id, correlation);
    }

    /** Starts time ordering afresh, for a second file (dead letters kept apart from their events). */
    void restartClock() {
        lastTime = Instant.MIN;
    }

    private void advance(Instant time) {
        if (time.isBefore(lastTime)) {
            fail("line %d goes back in time: %s after %s", lineNumber, time, lastTime);
        }
        lastTime = time;
    }

    long count(String type) {
        return eventList.stream().filter(e -> e.get("type").asText().equals(type)).count();
    }
}
