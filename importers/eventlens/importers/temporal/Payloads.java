package eventlens.importers.temporal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Decodes Temporal payloads for display. A payload is an object {@code {"metadata":{"encoding":…},
 * "data":…}} whose encoding and data are base64 in the JSON form of the API; it appears wherever a
 * value is carried ({@code input.payloads[]}, {@code result.payloads[]}, headers, memos, search
 * attributes, marker details). A payload encoded {@code json/plain} or {@code json/protobuf} becomes
 * its JSON value, {@code binary/null} becomes null and {@code binary/plain} its text when that is
 * valid UTF-8. Anything else (encrypted or protobuf-binary payloads, data that is not base64) is left
 * as it was: decoding is for reading, and the event's {@code raw} keeps the original either way.
 */
final class Payloads {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Payloads() {
    }

    /** A copy of {@code node} with every payload inside it decoded where possible. */
    static JsonNode decode(JsonNode node) {
        if (node.isObject()) {
            JsonNode decoded = isPayload(node) ? payload(node) : null;
            if (decoded != null) {
                return decoded;
            }
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.set(f.getKey(), decode(f.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode(node.size());
            node.forEach(e -> out.add(decode(e)));
            return out;
        }
        return node;
    }

    private static boolean isPayload(JsonNode node) {
        JsonNode data = node.get("data");
        return node.path("metadata").path("encoding").isTextual() && (data == null || data.isTextual());
    }

    /** The decoded value of a payload, or null when it is kept as it is. */
    private static JsonNode payload(JsonNode payload) {
        String encoding = encoding(payload.path("metadata").path("encoding").textValue());
        if (encoding == null) {
            return null;
        }
        if (encoding.equals("binary/null")) {
            return NODES.nullNode();
        }
        byte[] data = base64(payload.path("data").asText(""));
        if (data == null) {
            return null;
        }
        if (encoding.equals("json/plain") || encoding.equals("json/protobuf")) {
            try {
                JsonNode value = Json.mapper().readTree(data);
                return value == null || value.isMissingNode() ? null : value;
            } catch (IOException | NumberFormatException e) {
                return null; // not JSON after all (or a number no BigDecimal holds): no decoded payload
            }
        }
        if (encoding.equals("binary/plain")) {
            String text = utf8(data);
            return text == null ? null : NODES.textNode(text);
        }
        return null;
    }

    /** The encoding name: base64 in API JSON, plain in some hand-written or decoded files. */
    private static String encoding(String written) {
        byte[] bytes = base64(written);
        String decoded = bytes == null ? null : utf8(bytes);
        if (decoded != null && known(decoded)) {
            return decoded;
        }
        return known(written) ? written : null;
    }

    private static boolean known(String encoding) {
        return encoding.startsWith("json/") || encoding.startsWith("binary/");
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
