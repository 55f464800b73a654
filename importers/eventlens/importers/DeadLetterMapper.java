package eventlens.importers;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.DeadLetter;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.time.Instant;

/**
 * Reads dead-letter records: an embedded {@code event} (an object, or JSON in a string) together
 * with failure members such as {@code error}, {@code lastError}, {@code stack}, {@code failedAt} or
 * {@code retryCount}.
 *
 * <ul>
 *   <li>{@code eventId}: the embedded event's id, found by the same rules as for events (null when it has none).</li>
 *   <li>{@code handler}: handler, consumer, subscriber, listener; {@code queue}: queue, topic, destination.</li>
 *   <li>error: {@code error}, {@code lastError} or {@code exception}. An object gives the error type
 *       ({@code name}, {@code type}, {@code class}, {@code errorType}), message and stack; a text such
 *       as {@code "TypeError: x is undefined"} gives the type before the colon (when it is one word)
 *       and the message after it. Top-level {@code errorType}, {@code errorMessage}, {@code message},
 *       {@code stack} / {@code stackTrace} fill what is still missing.</li>
 *   <li>attempts: {@code attempts}, {@code attemptCount}, {@code deliveryCount} as given;
 *       <b>{@code retryCount} counts retries after the first delivery, so attempts = retryCount + 1</b>
 *       (a {@link DeadLetter} counts deliveries including the first).</li>
 *   <li>first failure: firstFailure, firstFailedAt, failedAt; last failure: lastFailure,
 *       lastFailedAt, lastRetryAt, failedAt.</li>
 * </ul>
 */
final class DeadLetterMapper {
    private static final String[] EVENT = {"event"};
    private static final String[] ERROR = {"error", "lasterror", "exception"};
    private static final String[] FAILURE_MARKS = {"error", "lasterror", "exception", "errormessage",
        "failedat", "retrycount", "firstfailure", "lastfailure"};
    private static final String[] HANDLER = {"handler", "consumer", "subscriber", "listener"};
    private static final String[] QUEUE = {"queue", "topic", "destination"};
    private static final String[] ERROR_TYPE = {"name", "type", "class", "errortype", "exceptiontype"};
    private static final String[] MESSAGE = {"message", "msg", "errormessage", "description"};
    private static final String[] STACK = {"stack", "stacktrace"};

    private final FieldMapper events;

    DeadLetterMapper(FieldMapper events) {
        this.events = events;
    }

    /** Whether the record embeds an event and says how handling it failed. */
    boolean looksLikeDeadLetter(FieldIndex top) {
        JsonNode event = FieldMapper.decodeJsonString(top.first("event"));
        if (event == null || !event.isObject()) {
            return false;
        }
        for (String mark : FAILURE_MARKS) {
            if (top.has(mark)) {
                return true;
            }
        }
        return false;
    }

    DeadLetter map(FieldIndex top, String raw, Origin origin) {
        JsonNode event = FieldMapper.decodeJsonString(top.first(EVENT));
        String eventId = null;
        String eventText = null;
        if (event != null && event.isObject()) {
            eventId = events.fields(event, events.index(event)).id;
            eventText = Json.write(event);
        }
        ErrorParts error = error(top.first(ERROR));
        String errorType = error.type != null ? error.type : top.firstScalar("errortype", "exceptiontype");
        String message = error.message != null ? error.message : top.firstScalar("errormessage", "message");
        String stack = error.stack != null ? error.stack : top.firstScalar(STACK);
        Instant first = firstTime(top, "firstfailure", "firstfailedat", "firstfailureat", "failedat");
        Instant last = firstTime(top, "lastfailure", "lastfailedat", "lastfailureat", "lastretryat", "failedat");
        return new DeadLetter(0, eventId, eventText, top.firstScalar(HANDLER), top.firstScalar(QUEUE),
                top.firstScalar("reason", "failurereason"), errorType, message, stack, attempts(top),
                first, last, null, raw, origin);
    }

    private static Integer attempts(FieldIndex top) {
        Long attempts = count(top.first("attempts", "attemptcount", "deliverycount"));
        if (attempts == null) {
            Long retries = count(top.first("retrycount", "retries"));
            attempts = retries == null ? null : retries + 1;
        }
        return attempts == null ? null : (int) Math.min(attempts, Integer.MAX_VALUE);
    }

    private static Long count(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isTextual() && node.textValue().strip().matches("\\d{1,18}")) {
            return Long.parseLong(node.textValue().strip());
        }
        return null;
    }

    private static Instant firstTime(FieldIndex top, String... candidates) {
        for (String candidate : candidates) {
            Instant time = Timestamps.parse(top.first(candidate));
            if (time != null) {
                return time;
            }
        }
        return null;
    }

    private ErrorParts error(JsonNode error) {
        ErrorParts parts = new ErrorParts();
        if (error == null) {
            return parts;
        }
        if (error.isObject()) {
            FieldIndex fields = events.index(error);
            parts.type = fields.firstScalar(ERROR_TYPE);
            parts.message = fields.firstScalar(MESSAGE);
            parts.stack = fields.firstScalar(STACK);
        } else if (error.isValueNode()) {
            splitErrorText(error.asText(), parts);
        }
        return parts;
    }

    /** "TypeError: x" → type "TypeError", message "x"; text without a one-word prefix is all message. */
    static void splitErrorText(String text, ErrorParts parts) {
        int colon = text.indexOf(':');
        if (colon > 0 && isTypeName(text.substring(0, colon))) {
            parts.type = text.substring(0, colon);
            parts.message = text.substring(colon + 1).strip();
        } else {
            parts.message = text;
        }
    }

    private static boolean isTypeName(String s) {
        if (!Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isJavaIdentifierPart(c) && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Type, message and stack of an error member. */
    static final class ErrorParts {
        String type;
        String message;
        String stack;
    }
}
