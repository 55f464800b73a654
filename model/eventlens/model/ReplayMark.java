package eventlens.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a recorded event says of itself when it was sent again on purpose — a replay, not a first sending:
 * what {@code is:replay} selects (docs/decisions/0049-is-replay.md).
 *
 * <p>The marks known, each written by the system that re-sends:
 * <ul>
 *   <li>{@value #EVENTBRIDGE}: a string on the top level of an Amazon EventBridge event re-sent from an
 *       archive, the replay's name;</li>
 *   <li>{@value #REDELIVERY}: the object EventLens's dead-letter export adds to each message it writes for
 *       re-delivery ({@code deadletter.DeadLetterExport}), wherever a consumer's log kept it;</li>
 *   <li>{@value #SERVICECONTROL}: the header NServiceBus's ServiceControl puts on a message retried from
 *       its error queue, as a member or as a name followed by its value in an array of header pairs.</li>
 * </ul>
 * The mark may sit in the record, in its data or in its metadata (a consumer's log often keeps the message
 * body as data and the headers as metadata); a text that is itself a JSON object (a kcat payload) is read too.
 */
public final class ReplayMark {
    /** EventBridge's archive-replay member. */
    public static final String EVENTBRIDGE = "replay-name";
    /** The member EventLens's dead-letter export adds to a message written for re-delivery. */
    public static final String REDELIVERY = "eventlens-redelivery";
    /** ServiceControl's header on a retried message. */
    public static final String SERVICECONTROL = "ServiceControl.Retry.UniqueMessageId";
    /** The words a record with a mark contains (each mark's name): a cheap test before any parse. */
    public static final List<String> WORDS = List.of(EVENTBRIDGE, REDELIVERY, SERVICECONTROL);

    /** How deep a record is searched for a mark: headers sit two or three levels down in real logs. */
    private static final int DEPTH = 6;

    private ReplayMark() {
    }

    /**
     * What the texts (the record, its data, its metadata; any may be null or not JSON) say of a re-sending,
     * as a line for a reader ("EventBridge archive replay 'nightly'"), or empty when they carry no mark.
     */
    public static Optional<String> of(String raw, String data, String metadata) {
        for (String text : new String[] {raw, data, metadata}) {
            if (text != null && WORDS.stream().anyMatch(text::contains)) {
                Optional<String> mark = find(Json.parseOrMissing(text), 0, text == raw);
                if (mark.isPresent()) {
                    return mark;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> find(JsonNode node, int depth, boolean record) {
        if (depth > DEPTH) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            String text = node.asText();
            return text.startsWith("{") && WORDS.stream().anyMatch(text::contains)
                    ? find(Json.parseOrMissing(text), depth + 1, false) : Optional.empty();
        }
        if (node.isArray()) {
            return inArray(node, depth);
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        Optional<String> here = marked(node, record && depth == 0);
        if (here.isPresent()) {
            return here;
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            Optional<String> below = find(member.getValue(), depth + 1, false);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> marked(JsonNode object, boolean topOfRecord) {
        JsonNode replay = object.get(EVENTBRIDGE);
        // Only on an EventBridge event's own top level: elsewhere the word may be anybody's field.
        if (topOfRecord && replay != null && replay.isTextual() && !replay.asText().isBlank()) {
            return Optional.of("EventBridge archive replay '" + replay.asText() + "'");
        }
        JsonNode redelivery = object.get(REDELIVERY);
        if (redelivery != null && redelivery.isObject()) {
            JsonNode key = redelivery.path("deadLetterKey");
            JsonNode at = redelivery.path("exportedAt");
            return Optional.of("re-delivered from dead letter " + (key.isMissingNode() ? "?" : key.asText())
                    + " (exported by EventLens" + (at.isTextual() ? " at " + at.asText() : "") + ")");
        }
        JsonNode retry = object.get(SERVICECONTROL);
        if (retry != null && retry.isValueNode() && !retry.asText().isBlank()) {
            return Optional.of(serviceControl(retry.asText()));
        }
        return Optional.empty();
    }

    /** Header pairs as kcat writes them ({@code ["name", "value", …]}), or any array holding marked objects. */
    private static Optional<String> inArray(JsonNode array, int depth) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (element.isTextual() && element.asText().equals(SERVICECONTROL) && i + 1 < array.size()
                    && !array.get(i + 1).asText().isBlank()) {
                return Optional.of(serviceControl(array.get(i + 1).asText()));
            }
            Optional<String> below = find(element, depth + 1, false);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    private static String serviceControl(String message) {
        return "retried by ServiceControl (failed message " + message + ")";
    }
}
